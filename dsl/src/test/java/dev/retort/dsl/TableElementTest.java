package dev.retort.dsl;

import static dev.retort.ReferentialAction.CASCADE;
import static dev.retort.ReferentialAction.SET_NULL;
import static dev.retort.dsl.ColumnOption.comment;
import static dev.retort.dsl.ColumnOption.defaultValue;
import static dev.retort.dsl.ColumnOption.identity;
import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.dsl.TableElement.check;
import static dev.retort.dsl.TableElement.column;
import static dev.retort.dsl.TableElement.foreignKey;
import static dev.retort.dsl.TableElement.inSchema;
import static dev.retort.dsl.TableElement.index;
import static dev.retort.dsl.TableElement.primaryKey;
import static dev.retort.dsl.TableElement.tableComment;
import static dev.retort.dsl.TableElement.unique;
import static dev.retort.dsl.TableElement.uniqueIndex;
import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.integer;
import static dev.retort.model.ColumnType.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableElementTest {

  @Test
  void elementsRecordTheSameTableAsTheBuilder() {
    Schema elements = new Schema().createTable("books",
        column("id", bigint(), identity()),
        column("author_id", bigint(), notNull()),
        column("editor_id", bigint()),
        column("title", varchar(200), notNull(), comment("as printed")),
        column("copies", integer(), notNull(), defaultValue("0")),
        primaryKey("pk_books", "id"),
        unique("uq_books_title", "title", "author_id"),
        foreignKey("fk_books_author_id", "author_id").references("authors", "id").onDelete(CASCADE),
        foreignKey("fk_books_editor_id", "editor_id").references("people", "id").onUpdate(CASCADE).onDelete(SET_NULL),
        check("ck_books_copies", "copies >= 0"),
        index("ix_books_title", "title"),
        uniqueIndex("ux_books_author_title", "author_id", "title"),
        tableComment("every edition"),
        inSchema("shop"));

    Schema builder = new Schema().createTable("books", t -> t
        .column("id", bigint(), identity())
        .column("author_id", bigint(), notNull())
        .column("editor_id", bigint())
        .column("title", varchar(200), notNull(), comment("as printed"))
        .column("copies", integer(), notNull(), defaultValue("0"))
        .primaryKey("pk_books", "id")
        .unique("uq_books_title", "title", "author_id")
        .foreignKey("fk_books_author_id", fk -> fk.columns("author_id").references("authors", "id").onDelete(CASCADE))
        .foreignKey("fk_books_editor_id",
            fk -> fk.columns("editor_id").references("people", "id").onUpdate(CASCADE).onDelete(SET_NULL))
        .check("ck_books_copies", "copies >= 0")
        .index("ix_books_title", "title")
        .uniqueIndex("ux_books_author_title", "author_id", "title")
        .comment("every edition")
        .inSchema("shop"));

    assertThat(elements.operations()).isEqualTo(builder.operations());
  }

  @Test
  void aMalformedElementFailsInCreateTableNamingTheTableAsTheBuilderDoes() {
    assertSameFailure(
        () -> new Schema().createTable("books", column("id", bigint()), column("id", bigint())),
        () -> new Schema().createTable("books", t -> t.column("id", bigint()).column("id", bigint())),
        "createTable(\"books\"): column id is defined twice");
    assertSameFailure(
        () -> new Schema().createTable("books", column("id", bigint()), primaryKey("pk_books")),
        () -> new Schema().createTable("books", t -> t.column("id", bigint()).primaryKey("pk_books")),
        "createTable(\"books\"): primary key pk_books: primary key columns is empty");
    assertSameFailure(
        () -> new Schema().createTable("books", column("id", bigint()), index("ix_books_id", "id"), unique("ix_books_id", "id")),
        () -> new Schema().createTable("books", t -> t.column("id", bigint()).index("ix_books_id", "id").unique("ix_books_id", "id")),
        "createTable(\"books\"): unique constraint ix_books_id: the table already has a constraint or index of that name (index)");
    assertSameFailure(
        () -> new Schema().createTable("books", column("a", bigint()), foreignKey("fk_books_a").references("authors", "id")),
        () -> new Schema().createTable("books", t -> t.column("a", bigint()).foreignKey("fk_books_a", fk -> fk.columns().references("authors", "id"))),
        "createTable(\"books\"): foreign key fk_books_a: columns is empty");
    assertSameFailure(
        () -> new Schema().createTable("books", column("a", bigint()), index("ix_books_b", "b")),
        () -> new Schema().createTable("books", t -> t.column("a", bigint()).index("ix_books_b", "b")),
        "createTable(\"books\"): index ix_books_b on table books names unknown column b");
    assertSameFailure(
        () -> new Schema().createTable("books"),
        () -> new Schema().createTable("books", t -> { }),
        "createTable(\"books\"): table books has no columns");
  }

  @Test
  void aNullElementIsNamedByItsPosition() {
    assertThatThrownBy(() -> new Schema().createTable("books", column("id", bigint()), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("createTable(\"books\"): element 2 of 2 is null");
    assertThatThrownBy(() -> new Schema().createTable("books", (TableElement[]) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("createTable(\"books\"): elements == null");
  }

  @Test
  void aForeignKeyActionSetTwiceFailsWhereItIsSet() {
    ForeignKeyElement key = foreignKey("fk_books_author_id", "author_id").references("authors", "id").onDelete(CASCADE);

    assertThatThrownBy(() -> key.onDelete(SET_NULL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("foreign key fk_books_author_id: onDelete is set twice");
    assertThatThrownBy(() -> key.onUpdate(CASCADE).onUpdate(SET_NULL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("foreign key fk_books_author_id: onUpdate is set twice");
  }

  @Test
  void elementsAreValuesThatLaterChangesToTheirArraysDoNotReach() {
    String[] columns = {"author_id"};
    String[] referenced = {"id"};
    ForeignKeyElement key = foreignKey("fk_books_author_id", columns).references("authors", referenced);
    columns[0] = "other";
    referenced[0] = "other";
    ForeignKeyElement withAction = key.onDelete(CASCADE);

    Schema schema = new Schema().createTable("books", column("author_id", bigint()), key);

    assertThat(schema.operations()).isEqualTo(new Schema().createTable("books", t -> t
        .column("author_id", bigint())
        .foreignKey("fk_books_author_id", fk -> fk.columns("author_id").references("authors", "id"))).operations());
    assertThat(withAction).isNotSameAs(key);
  }

  @Test
  void addColumnAndDropColumnRecordWhatAlterTableDoes() {
    Schema direct = new Schema()
        .addColumn("books", "stock", integer(), notNull(), defaultValue("0"))
        .dropColumn("books", "fax");

    Schema alter = new Schema().alterTable("books", t -> t
        .addColumn("stock", integer(), notNull(), defaultValue("0"))
        .dropColumn("fax"));

    assertThat(direct.operations()).isEqualTo(alter.operations());
  }

  @Test
  void addColumnAndDropColumnFailNamingTheirCall() {
    assertThatThrownBy(() -> new Schema().addColumn("books", "stock", integer(), notNull(), notNull()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("addColumn(\"books\"): ");
    assertThatThrownBy(() -> new Schema().dropColumn("books", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("dropColumn(\"books\"): ");
    assertThatThrownBy(() -> new Schema().addColumn("", "stock", integer()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("table name is blank");
  }

  private static void assertSameFailure(Runnable elements, Runnable builder, String message) {
    assertThatThrownBy(builder::run).hasMessage(message);
    assertThatThrownBy(elements::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

}
