package dev.retort.examples.guide;

// tag::imports[]
import static dev.retort.ReferentialAction.CASCADE;
import static dev.retort.dsl.ColumnOption.comment;
import static dev.retort.dsl.ColumnOption.defaultExpression;
import static dev.retort.dsl.ColumnOption.defaultValue;
import static dev.retort.dsl.ColumnOption.identity;
import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.dsl.TableElement.check;
import static dev.retort.dsl.TableElement.column;
import static dev.retort.dsl.TableElement.foreignKey;
import static dev.retort.dsl.TableElement.index;
import static dev.retort.dsl.TableElement.primaryKey;
import static dev.retort.dsl.TableElement.tableComment;
import static dev.retort.dsl.TableElement.unique;
import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.decimal;
import static dev.retort.model.ColumnType.enumType;
import static dev.retort.model.ColumnType.integer;
import static dev.retort.model.ColumnType.text;
import static dev.retort.model.ColumnType.time;
import static dev.retort.model.ColumnType.timestamp;
import static dev.retort.model.ColumnType.timestampTz;
import static dev.retort.model.ColumnType.varchar;

import dev.retort.dsl.Schema;
import dev.retort.model.DefaultValue;
import dev.retort.operation.Vendor;
// end::imports[]
import java.sql.PreparedStatement;
import java.util.Map;

/**
 * The examples of the DSL reference (docs/dsl.md): one method per example, each describing
 * operations on the schema that {@link #base} creates. The guide quotes each method's body and
 * shows the SQL that every dialect renders for it, which {@link DslReferenceSql} produces.
 */
final class DslExamples {

  private DslExamples() {}

  /** The schema every example starts from: authors, books and their tags. */
  static void base(Schema schema) {
    // tag::base[]
    schema.createTable("authors",
        column("id", bigint(), identity()),
        column("name", varchar(200), notNull()),
        primaryKey("pk_authors", "id"));
    schema.createTable("books",
        column("id", bigint(), identity()),
        column("author_id", bigint(), notNull()),
        column("title", varchar(200), notNull()),
        column("isbn", varchar(13)),
        column("price", decimal(8, 2), notNull()),
        column("blurb", text()),
        primaryKey("pk_books", "id"),
        unique("uq_books_isbn", "isbn"),
        check("ck_books_price", "price >= 0"),
        foreignKey("fk_books_author_id", "author_id").references("authors", "id"),
        index("ix_books_title", "title"));
    schema.createTable("book_tags",
        column("book_id", bigint(), notNull()),
        column("tag", varchar(40), notNull()),
        primaryKey("pk_book_tags", "book_id", "tag"));
    // end::base[]
  }

  static void createTable(Schema schema) {
    // tag::createTable[]
    schema.createTable("reviews",
        column("id", bigint(), identity()),
        column("book_id", bigint(), notNull()),
        column("customer_id", bigint(), notNull()),
        column("rating", integer(), notNull()),
        column("body", text(), comment("what the customer wrote")),
        column("status", enumType("review_status", "NEW", "PUBLISHED"), notNull(), defaultValue("NEW")),
        column("written_at", timestampTz(), notNull(), defaultExpression("CURRENT_TIMESTAMP")),
        primaryKey("pk_reviews", "id"),
        unique("uq_reviews_book_id_customer_id", "book_id", "customer_id"),
        check("ck_reviews_rating", "rating BETWEEN 1 AND 5"),
        foreignKey("fk_reviews_book_id", "book_id").references("books", "id").onDelete(CASCADE),
        index("ix_reviews_written_at", "written_at"),
        tableComment("customers' reviews of books"));
    // end::createTable[]
  }

  static void dropTable(Schema schema) {
    // tag::dropTable[]
    schema.alterTable("books", t -> t.dropForeignKey("fk_books_author_id"));
    schema.dropTable("authors");
    // end::dropTable[]
  }

  static void renameTable(Schema schema) {
    // tag::renameTable[]
    schema.renameTable("authors", "writers");
    // end::renameTable[]
  }

  static void setTableComment(Schema schema) {
    // tag::setTableComment[]
    schema.alterTable("books", t -> t.setComment("every title the shop sells"));
    // end::setTableComment[]
  }

  static void addColumn(Schema schema) {
    // tag::addColumn[]
    schema.addColumn("books", "subtitle", varchar(200));
    schema.addColumn("books", "stock", integer(), notNull(), defaultValue("0"));
    // end::addColumn[]
  }

  static void dropColumn(Schema schema) {
    // tag::dropColumn[]
    schema.dropColumn("books", "blurb");
    // end::dropColumn[]
  }

  static void renameColumn(Schema schema) {
    // tag::renameColumn[]
    schema.alterTable("books", t -> t.renameColumn("title", "name"));
    // end::renameColumn[]
  }

  static void alterColumnType(Schema schema) {
    // tag::alterColumnType[]
    schema.alterTable("books", t -> t
        .alterColumn("title", c -> c.type(varchar(200), varchar(300)))
        .alterColumn("price", c -> c.type(decimal(8, 2), decimal(10, 2))));
    // end::alterColumnType[]
  }

  static void timePrecision(Schema schema) {
    // tag::timePrecision[]
    schema.alterTable("books", t -> t
        .addColumn("published_at", timestamp(0))
        .addColumn("sale_ends_at", timestampTz(3))
        .addColumn("opens_at", time(0)));
    // end::timePrecision[]
  }

  static void alterColumnNullability(Schema schema) {
    // tag::alterColumnNullability[]
    schema.alterTable("books", t -> t
        .alterColumn("isbn", c -> c.setNotNull())
        .alterColumn("title", c -> c.dropNotNull()));
    // end::alterColumnNullability[]
  }

  static void alterColumnDefault(Schema schema) {
    // tag::alterColumnDefault[]
    schema.alterTable("books", t -> t
        .alterColumn("price", c -> c.setDefault(DefaultValue.literal("9.99"))));
    // end::alterColumnDefault[]
  }

  static void alterColumnIdentity(Schema schema) {
    // tag::alterColumnIdentity[]
    schema.alterTable("books", t -> t.alterColumn("id", c -> c.dropIdentity()));
    // end::alterColumnIdentity[]
  }

  static void alterColumnComment(Schema schema) {
    // tag::alterColumnComment[]
    schema.alterTable("books", t -> t.alterColumn("isbn", c -> c.setComment("13 digits, no hyphens")));
    // end::alterColumnComment[]
  }

  static void addPrimaryKey(Schema schema) {
    // tag::addPrimaryKey[]
    schema.alterTable("book_tags", t -> t
        .dropPrimaryKey("pk_book_tags")
        .addPrimaryKey("pk_book_tags", "tag", "book_id"));
    // end::addPrimaryKey[]
  }

  static void renamePrimaryKey(Schema schema) {
    // tag::renamePrimaryKey[]
    schema.renameTable("authors", "writers");
    schema.alterTable("writers", t -> t.renamePrimaryKey("pk_authors", "pk_writers"));
    // end::renamePrimaryKey[]
  }

  static void addUnique(Schema schema) {
    // tag::addUnique[]
    schema.alterTable("books", t -> t
        .dropUnique("uq_books_isbn")
        .addUnique("uq_books_author_id_title", "author_id", "title"));
    // end::addUnique[]
  }

  static void addCheck(Schema schema) {
    // tag::addCheck[]
    schema.alterTable("books", t -> t
        .dropCheck("ck_books_price")
        .addCheck("ck_books_price", "price > 0"));
    // end::addCheck[]
  }

  static void addForeignKey(Schema schema) {
    // tag::addForeignKey[]
    schema.alterTable("books", t -> t
        .dropForeignKey("fk_books_author_id")
        .addForeignKey("fk_books_author_id", fk -> fk
            .columns("author_id")
            .references("authors", "id")
            .onDelete(CASCADE)));
    // end::addForeignKey[]
  }

  static void createIndex(Schema schema) {
    // tag::createIndex[]
    schema.alterTable("books", t -> t
        .createIndex("ix_books_author_id_title", "author_id", "title")
        .createUniqueIndex("ux_books_author_id_isbn", "author_id", "isbn"));
    // end::createIndex[]
  }

  static void createIndexConcurrently(Schema schema) {
    // tag::createIndexConcurrently[]
    schema.alterTable("books", t -> t
        .createIndexConcurrently("ix_books_price", "price")
        .dropIndexConcurrently("ix_books_title"));
    // end::createIndexConcurrently[]
  }

  static void addConstraintsNotValid(Schema schema) {
    // tag::addConstraintsNotValid[]
    schema.alterTable("book_tags", t -> t
        .addForeignKeyNotValid("fk_book_tags_book_id", fk -> fk.columns("book_id").references("books", "id"))
        .addCheckNotValid("ck_book_tags_tag", "tag <> ''"));
    // end::addConstraintsNotValid[]
    // tag::validateConstraint[]
    schema.alterTable("book_tags", t -> t
        .validateConstraint("fk_book_tags_book_id")
        .validateConstraint("ck_book_tags_tag"));
    // end::validateConstraint[]
  }

  static void dropIndex(Schema schema) {
    // tag::dropIndex[]
    schema.alterTable("books", t -> t.dropIndex("ix_books_title"));
    // end::dropIndex[]
  }

  static void sequences(Schema schema) {
    // tag::sequences[]
    schema.createSequence("books_seq", s -> s.startWith(1).incrementBy(50));
    schema.alterSequence("books_seq", s -> s.incrementBy(50, 10));
    schema.dropSequence("books_seq");
    // end::sequences[]
  }

  static void views(Schema schema) {
    // tag::views[]
    schema.createView("cheap_books", """
        SELECT id, title, price
        FROM books
        WHERE price < 5""");
    schema.dropView("cheap_books");
    // end::views[]
  }

  static void execute(Schema schema) {
    // tag::execute[]
    schema.execute("UPDATE books SET title = TRIM(title)");
    schema.execute(
        "CREATE VIEW cheap_books AS SELECT * FROM books WHERE price < 5",
        Map.of(Vendor.SQLITE, "CREATE VIEW IF NOT EXISTS cheap_books AS SELECT * FROM books WHERE price < 5"));
    // end::execute[]
  }

  static void run(Schema schema) {
    // tag::run[]
    schema.run("give books without an ISBN a placeholder", connection -> {
      try (PreparedStatement update = connection.prepareStatement("UPDATE books SET isbn = ? WHERE isbn IS NULL")) {
        update.setString(1, "0000000000000");
        update.executeUpdate();
      }
    });
    // end::run[]
  }
}
