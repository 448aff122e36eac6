package dev.retort.dsl;

import static dev.retort.dsl.ColumnOption.comment;
import static dev.retort.dsl.ColumnOption.defaultExpression;
import static dev.retort.dsl.ColumnOption.defaultValue;
import static dev.retort.dsl.ColumnOption.identity;
import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.integer;
import static dev.retort.model.ColumnType.timestamp;
import static dev.retort.model.ColumnType.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.ReferentialAction;
import dev.retort.model.CheckModel;
import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.DefaultValue;
import dev.retort.model.ForeignKeyModel;
import dev.retort.model.IndexModel;
import dev.retort.model.PrimaryKeyModel;
import dev.retort.model.TableModel;
import dev.retort.model.UniqueModel;
import dev.retort.operation.CreateTable;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CreateTableBuilderTest {

  private static TableModel create(String name, Consumer<CreateTableBuilder> definition) {
    Schema schema = new Schema().createTable(name, definition);
    return ((CreateTable) schema.operations().get(0)).table();
  }

  private static void assertRejected(Consumer<CreateTableBuilder> definition, String message) {
    assertThatThrownBy(() -> new Schema().createTable("books", definition))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void columnsAreNullableWithoutDefaultOrCommentUnlessAnOptionSaysOtherwise() {
    TableModel table = create("books", t -> t
        .column("id", bigint(), identity())
        .column("title", varchar(200), notNull())
        .column("status", varchar(20), notNull(), defaultValue("draft"), comment("workflow state"))
        .column("created_at", timestamp(), defaultExpression("CURRENT_TIMESTAMP"))
        .column("notes", ColumnType.text()));

    assertThat(table.columns()).containsExactly(
        new ColumnModel("id", ColumnType.bigint(), false, Optional.empty(), true, Optional.empty()),
        new ColumnModel("title", ColumnType.varchar(200), false, Optional.empty(), false, Optional.empty()),
        new ColumnModel("status", ColumnType.varchar(20), false, Optional.of(DefaultValue.literal("draft")), false,
            Optional.of("workflow state")),
        new ColumnModel("created_at", ColumnType.timestamp(), true,
            Optional.of(DefaultValue.expression("CURRENT_TIMESTAMP")), false, Optional.empty()),
        ColumnModel.of("notes", ColumnType.text()));
  }

  @Test
  void recordsEveryKeyIndexCheckCommentAndSchema() {
    TableModel table = create("books", t -> t
        .column("id", bigint(), notNull())
        .column("author_id", bigint(), notNull())
        .column("isbn", varchar(13))
        .column("title", varchar(200))
        .column("pages", integer())
        .primaryKey("pk_books", "id")
        .unique("uq_books_isbn", "isbn")
        .check("ck_books_pages", "pages > 0")
        .foreignKey("fk_books_author_id", fk -> fk.columns("author_id").references("authors", "id")
            .onDelete(ReferentialAction.CASCADE))
        .index("ix_books_title", "title", "pages")
        .uniqueIndex("ux_books_author_title", "author_id", "title")
        .comment("one row per edition")
        .inSchema("library"));

    assertThat(table).isEqualTo(new TableModel(
        "books",
        "library",
        table.columns(),
        Optional.of(new PrimaryKeyModel("pk_books", List.of("id"))),
        List.of(new UniqueModel("uq_books_isbn", List.of("isbn"))),
        List.of(new IndexModel("ix_books_title", List.of("title", "pages"), false),
            new IndexModel("ux_books_author_title", List.of("author_id", "title"), true)),
        List.of(new ForeignKeyModel("fk_books_author_id", List.of("author_id"), "authors", List.of("id"),
            ReferentialAction.CASCADE, ReferentialAction.NO_ACTION)),
        List.of(new CheckModel("ck_books_pages", "pages > 0")),
        Optional.of("one row per edition")));
    assertThat(table.columnNames()).containsExactly("id", "author_id", "isbn", "title", "pages");
  }

  @Test
  void keysAndIndexesMayComeBeforeTheirColumns() {
    TableModel table = create("books", t -> t
        .primaryKey("pk_books", "id")
        .column("id", bigint(), notNull()));

    assertThat(table.primaryKey()).contains(new PrimaryKeyModel("pk_books", List.of("id")));
  }

  @Test
  void rejectsAColumnDefinedTwice() {
    assertRejected(t -> t.column("id", bigint()).column("id", integer()),
        "createTable(\"books\"): column id is defined twice");
  }

  @Test
  void rejectsAnOptionGivenTwiceNamingTheColumn() {
    assertRejected(t -> t.column("id", bigint(), notNull(), notNull()),
        "createTable(\"books\"): column books.id has notNull() twice");
    assertRejected(t -> t.column("id", bigint(), identity(), identity()),
        "createTable(\"books\"): column books.id has identity() twice");
    assertRejected(t -> t.column("s", varchar(5), defaultValue("a"), defaultExpression("'b'")),
        "createTable(\"books\"): column books.s has a default twice");
    assertRejected(t -> t.column("s", varchar(5), comment("a"), comment("b")),
        "createTable(\"books\"): column books.s has comment() twice");
  }

  @Test
  void rejectsOptionsThatDoNotFitTheColumn() {
    assertRejected(t -> t.column("id", bigint(), identity(), defaultValue("1")),
        "createTable(\"books\"): column books.id: identity column id cannot have a default");
    assertRejected(t -> t.column("code", varchar(5), identity()),
        "createTable(\"books\"): column books.code: identity column code has type varchar(5);"
            + " it must be an integer type");
  }

  @Test
  void rejectsAColumnWithoutNameTypeOrOptions() {
    assertRejected(t -> t.column(" ", bigint()), "createTable(\"books\"): column name is blank");
    assertThatThrownBy(() -> new Schema().createTable("books", t -> t.column("id", null)))
        .isInstanceOf(NullPointerException.class).hasMessage("createTable(\"books\"): column books.id: type == null");
    assertThatThrownBy(() -> new Schema().createTable("books", t -> t.column("id", bigint(), (ColumnOption) null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("createTable(\"books\"): column books.id: an option is null");
    assertThatThrownBy(() -> new Schema().createTable("books", t -> t.column("id", bigint(), (ColumnOption[]) null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("createTable(\"books\"): column books.id: options == null");
  }

  @Test
  void rejectsASecondPrimaryKey() {
    assertRejected(t -> t.column("a", bigint(), notNull()).column("b", bigint(), notNull())
            .primaryKey("pk_books", "a").primaryKey("pk_books_b", "b"),
        "createTable(\"books\"): primary key pk_books_b: the table already has primary key pk_books;"
            + " list every key column in one primaryKey call");
  }

  @Test
  void rejectsAConstraintOrIndexNameUsedTwice() {
    assertRejected(t -> t.column("a", bigint(), notNull()).unique("k_a", "a").index("k_a", "a"),
        "createTable(\"books\"): index k_a: the table already has a constraint or index of that name"
            + " (unique constraint)");
    assertRejected(t -> t.column("a", bigint(), notNull()).primaryKey("k_a", "a").check("k_a", "a > 0"),
        "createTable(\"books\"): check k_a: the table already has a constraint or index of that name (primary key)");
    assertRejected(t -> t.column("a", bigint()).uniqueIndex("k_a", "a")
            .foreignKey("k_a", fk -> fk.columns("a").references("authors", "id")),
        "createTable(\"books\"): foreign key k_a: the table already has a constraint or index of that name"
            + " (unique index)");
  }

  @Test
  void rejectsEmptyAndRepeatingColumnLists() {
    assertRejected(t -> t.column("a", bigint(), notNull()).primaryKey("pk_books"),
        "createTable(\"books\"): primary key pk_books: primary key columns is empty");
    assertRejected(t -> t.column("a", bigint()).unique("uq_books"),
        "createTable(\"books\"): unique constraint uq_books: unique constraint columns is empty");
    assertRejected(t -> t.column("a", bigint()).index("ix_books"),
        "createTable(\"books\"): index ix_books: index columns is empty");
    assertRejected(t -> t.column("a", bigint()).uniqueIndex("ux_books", "a", "a"),
        "createTable(\"books\"): unique index ux_books: index columns [a, a] repeat a name");
    assertThatThrownBy(() -> new Schema().createTable("books", t -> t.column("a", bigint()).index("ix", "a", null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("createTable(\"books\"): index ix: columns has null at position 2 of 2");
  }

  @Test
  void rejectsAKeyOrIndexOnAColumnTheTableLacks() {
    assertRejected(t -> t.column("a", bigint()).index("ix_books_b", "b"),
        "createTable(\"books\"): index ix_books_b on table books names unknown column b");
  }

  @Test
  void rejectsAPrimaryKeyOnANullableColumn() {
    assertRejected(t -> t.column("id", bigint()).primaryKey("pk_books", "id"),
        "createTable(\"books\"): primary key column books.id is nullable; key columns are NOT NULL");
  }

  @Test
  void rejectsABlankCheckExpression() {
    assertRejected(t -> t.column("a", bigint()).check("ck_books_a", " "),
        "createTable(\"books\"): check ck_books_a: check ck_books_a has a blank expression");
  }

  @Test
  void rejectsACommentOrSchemaSetTwiceOrBlank() {
    assertRejected(t -> t.column("a", bigint()).comment("x").comment("y"),
        "createTable(\"books\"): the comment is set twice");
    assertRejected(t -> t.column("a", bigint()).inSchema("x").inSchema("y"),
        "createTable(\"books\"): inSchema is called twice");
    assertRejected(t -> t.column("a", bigint()).inSchema(""), "createTable(\"books\"): schema name is blank");
    assertThatThrownBy(() -> new Schema().createTable("books", t -> t.column("a", bigint()).comment(null)))
        .isInstanceOf(NullPointerException.class).hasMessage("createTable(\"books\"): comment == null");
  }
}
