package dev.retort.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.ReferentialAction;
import dev.retort.model.ColumnType;
import dev.retort.model.ForeignKeyModel;
import dev.retort.operation.AddForeignKey;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ForeignKeyStepsTest {

  private static ForeignKeyModel define(Function<ForeignKeyColumns, ForeignKeyActions> definition) {
    Schema schema = new Schema().alterTable("books", t -> t.addForeignKey("fk_books_author", definition));
    return ((AddForeignKey) schema.operations().get(0)).foreignKey();
  }

  private static void assertRejected(Function<ForeignKeyColumns, ForeignKeyActions> definition, String message) {
    assertThatThrownBy(() -> define(definition))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alterTable(\"books\"): foreign key fk_books_author: " + message);
  }

  @Test
  void actionsAreNoActionUnlessSet() {
    assertThat(define(fk -> fk.columns("author_id").references("authors", "id"))).isEqualTo(new ForeignKeyModel(
        "fk_books_author", List.of("author_id"), "authors", List.of("id"),
        ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION));
  }

  @Test
  void setsEachActionInEitherOrder() {
    ForeignKeyModel deleteFirst = define(fk -> fk.columns("author_id").references("authors", "id")
        .onDelete(ReferentialAction.CASCADE).onUpdate(ReferentialAction.RESTRICT));
    ForeignKeyModel updateFirst = define(fk -> fk.columns("author_id").references("authors", "id")
        .onUpdate(ReferentialAction.RESTRICT).onDelete(ReferentialAction.CASCADE));

    assertThat(deleteFirst.onDelete()).isEqualTo(ReferentialAction.CASCADE);
    assertThat(deleteFirst.onUpdate()).isEqualTo(ReferentialAction.RESTRICT);
    assertThat(updateFirst).isEqualTo(deleteFirst);
  }

  @Test
  void keepsMultiColumnKeysInOrder() {
    ForeignKeyModel key = define(fk -> fk.columns("tenant_id", "author_id").references("authors", "tenant", "id"));

    assertThat(key.columns()).containsExactly("tenant_id", "author_id");
    assertThat(key.referencedColumns()).containsExactly("tenant", "id");
  }

  @Test
  void rejectsMismatchedColumnCounts() {
    assertRejected(fk -> fk.columns("a", "b").references("authors", "id"),
        "foreign key fk_books_author has 2 columns [a, b] but 1 referenced columns [id]");
  }

  @Test
  void rejectsEmptyRepeatedOrBlankColumns() {
    assertRejected(fk -> fk.columns().references("authors", "id"), "columns is empty");
    assertRejected(fk -> fk.columns("a", "a").references("authors", "id", "id2"), "columns [a, a] repeat a name");
    assertRejected(fk -> fk.columns("a").references("authors"), "referenced columns is empty");
    assertRejected(fk -> fk.columns("a").references(" ", "id"), "referenced table is blank");
    assertRejected(fk -> fk.columns("").references("authors", "id"), "column is blank");
  }

  @Test
  void rejectsAStepTakenTwice() {
    assertRejected(fk -> {
      fk.columns("a");
      return fk.columns("b").references("authors", "id");
    }, "columns(…) is called twice");
    assertRejected(fk -> {
      ForeignKeyTarget target = fk.columns("a");
      target.references("authors", "id");
      return target.references("writers", "id");
    }, "references(…) is called twice");
    assertRejected(fk -> fk.columns("a").references("authors", "id")
        .onDelete(ReferentialAction.CASCADE).onDelete(ReferentialAction.RESTRICT), "onDelete is set twice");
    assertRejected(fk -> fk.columns("a").references("authors", "id")
        .onUpdate(ReferentialAction.CASCADE).onUpdate(ReferentialAction.CASCADE), "onUpdate is set twice");
  }

  @Test
  void rejectsADefinitionThatReturnsAnotherKeysStepOrNull() {
    AtomicReference<ForeignKeyActions> other = new AtomicReference<>();
    new Schema().alterTable("books", t -> t.addForeignKey("fk_other", fk -> {
      other.set(fk.columns("x").references("xs", "id"));
      return other.get();
    }));

    assertRejected(fk -> {
      fk.columns("author_id").references("authors", "id");
      return other.get();
    }, "the definition returned a step of another foreign key; return the step it was given, as in"
        + " fk -> fk.columns(\"author_id\").references(\"authors\", \"id\")");
    assertRejected(fk -> null, "the definition returned null; return the step it builds, as in"
        + " fk -> fk.columns(\"author_id\").references(\"authors\", \"id\")");
  }

  @Test
  void rejectsADefinitionWithoutReferences() {
    assertRejected(fk -> (ForeignKeyActions) fk.columns("author_id"),
        "the definition names no references; a foreign key needs both, as in"
            + " fk -> fk.columns(\"author_id\").references(\"authors\", \"id\")");
  }

  @Test
  void rejectsNullsNamingTheKey() {
    assertThatThrownBy(() -> define(fk -> fk.columns("a").references("authors", "id").onDelete(null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("alterTable(\"books\"): foreign key fk_books_author: onDelete action == null");
    assertThatThrownBy(() -> define(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("alterTable(\"books\"): foreign key fk_books_author: the definition == null");
    assertThatThrownBy(() -> new Schema().alterTable("books", t -> t.addForeignKey("", fk -> null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alterTable(\"books\"): foreign key name is blank");
  }

  @Test
  void createTableReportsTheSameWayNamingTheTable() {
    assertThatThrownBy(() -> new Schema().createTable("books", t -> t
            .column("author_id", ColumnType.bigint())
            .foreignKey("fk_books_author", fk -> fk.columns("author_id").references("authors", "id", "x"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("createTable(\"books\"): foreign key fk_books_author: foreign key fk_books_author has 1 columns"
            + " [author_id] but 2 referenced columns [id, x]");
  }
}
