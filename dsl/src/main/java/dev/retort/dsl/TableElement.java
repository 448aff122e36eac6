package dev.retort.dsl;

import dev.retort.model.ColumnType;

/**
 * One part of a table passed to {@link Schema#createTable(String, TableElement...)}: a
 * column, a key, a check, an index, the comment or the schema. The static methods make them,
 * to be imported statically:
 *
 * <pre>{@code
 * schema.createTable("books",
 *     column("id", bigint(), identity()),
 *     column("author_id", bigint(), notNull()),
 *     column("title", varchar(200), notNull()),
 *     primaryKey("pk_books", "id"),
 *     foreignKey("fk_books_author_id", "author_id").references("authors", "id"),
 *     index("ix_books_title", "title"));
 * }</pre>
 *
 * <p>An element only records its arguments; {@code createTable} checks them in order, as
 * {@link CreateTableBuilder} does the same calls, and a malformed one fails there with a
 * message naming the table and the element.
 */
public sealed interface TableElement permits TableElements.Step, ForeignKeyElement {

  /**
   * A column; nullable unless an option says {@code notNull()} or {@code identity()}.
   *
   * @param column the column name
   * @param type the column type
   * @param options {@link ColumnOption}s, each kind at most once
   * @return the element
   * @see CreateTableBuilder#column
   */
  static TableElement column(String column, ColumnType type, ColumnOption... options) {
    return new TableElements.Step(table -> table.column(column, type, options));
  }

  /**
   * The primary key. A table has one, so list all its columns here.
   *
   * @param constraint the constraint name, such as {@code pk_books}
   * @param columns the key columns in order
   * @return the element
   * @see CreateTableBuilder#primaryKey
   */
  static TableElement primaryKey(String constraint, String... columns) {
    return new TableElements.Step(table -> table.primaryKey(constraint, columns));
  }

  /**
   * A unique constraint.
   *
   * @param constraint the constraint name
   * @param columns the constrained columns
   * @return the element
   * @see CreateTableBuilder#unique
   */
  static TableElement unique(String constraint, String... columns) {
    return new TableElements.Step(table -> table.unique(constraint, columns));
  }

  /**
   * A check constraint.
   *
   * @param constraint the constraint name
   * @param expression the SQL boolean expression
   * @return the element
   * @see CreateTableBuilder#check
   */
  static TableElement check(String constraint, String expression) {
    return new TableElements.Step(table -> table.check(constraint, expression));
  }

  /**
   * The start of a foreign key: its name and referring columns. Name what it references next:
   * {@code foreignKey("fk_books_author_id", "author_id").references("authors", "id")}.
   *
   * @param constraint the constraint name
   * @param columns the referring columns of this table
   * @return the step that takes the referenced table and columns
   */
  static ForeignKeyElement.Referring foreignKey(String constraint, String... columns) {
    return new ForeignKeyElement.Referring(constraint, columns);
  }

  /**
   * An index, created right after the table.
   *
   * @param index the index name
   * @param columns the indexed columns
   * @return the element
   * @see CreateTableBuilder#index
   */
  static TableElement index(String index, String... columns) {
    return new TableElements.Step(table -> table.index(index, columns));
  }

  /**
   * A unique index, created right after the table.
   *
   * @param index the index name
   * @param columns the indexed columns
   * @return the element
   * @see CreateTableBuilder#uniqueIndex
   */
  static TableElement uniqueIndex(String index, String... columns) {
    return new TableElements.Step(table -> table.uniqueIndex(index, columns));
  }

  /**
   * The table comment. (A column's comment is the column option {@code comment(…)}.)
   *
   * @param text the comment
   * @return the element
   * @see CreateTableBuilder#comment
   */
  static TableElement tableComment(String text) {
    return new TableElements.Step(table -> table.comment(text));
  }

  /**
   * Places the table in a database schema other than the connection's own.
   *
   * @param schemaName the schema
   * @return the element
   * @see CreateTableBuilder#inSchema
   */
  static TableElement inSchema(String schemaName) {
    return new TableElements.Step(table -> table.inSchema(schemaName));
  }
}
