package dev.retort.dsl;

import dev.retort.model.CheckModel;
import dev.retort.model.ColumnType;
import dev.retort.model.IndexModel;
import dev.retort.model.Names;
import dev.retort.model.PrimaryKeyModel;
import dev.retort.model.TableModel;
import dev.retort.model.UniqueModel;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Defines a new table inside {@link Schema#createTable}. Every constraint and index takes its
 * name first, then what it covers:
 *
 * <pre>{@code
 * schema.createTable("books", t -> t
 *     .column("id", bigint(), notNull(), identity())
 *     .column("author_id", bigint(), notNull())
 *     .column("title", varchar(200), notNull())
 *     .primaryKey("pk_books", "id")
 *     .foreignKey("fk_books_author_id", fk -> fk.columns("author_id").references("authors", "id"))
 *     .index("ix_books_title", "title"));
 * }</pre>
 */
public final class CreateTableBuilder {

  private final String name;
  private final TableModel.Builder table;

  CreateTableBuilder(String name) {
    this.name = Names.require("table name", name);
    this.table = new TableModel.Builder(name);
  }

  /**
   * Adds a column; nullable unless an option says {@code notNull()} or {@code identity()}.
   *
   * @param column the column name
   * @param type the column type
   * @param options {@link ColumnOption}s
   * @return this builder
   */
  public CreateTableBuilder column(String column, ColumnType type, ColumnOption... options) {
    table.column(Columns.define(name, column, type, options));
    return this;
  }

  /**
   * Sets the primary key.
   *
   * @param constraint the constraint name, such as {@code pk_books}
   * @param columns the key columns in order
   * @return this builder
   */
  public CreateTableBuilder primaryKey(String constraint, String... columns) {
    table.primaryKey(Optional.of(new PrimaryKeyModel(constraint, List.of(columns))));
    return this;
  }

  /**
   * Adds a unique constraint.
   *
   * @param constraint the constraint name
   * @param columns the constrained columns
   * @return this builder
   */
  public CreateTableBuilder unique(String constraint, String... columns) {
    table.uniques().add(new UniqueModel(constraint, List.of(columns)));
    return this;
  }

  /**
   * Adds a check constraint.
   *
   * @param constraint the constraint name
   * @param expression the SQL boolean expression
   * @return this builder
   */
  public CreateTableBuilder check(String constraint, String expression) {
    table.checks().add(new CheckModel(constraint, expression));
    return this;
  }

  /**
   * Adds a foreign key.
   *
   * @param constraint the constraint name
   * @param definition the steps: {@code fk -> fk.columns(…).references(table, …)}
   * @return this builder
   */
  public CreateTableBuilder foreignKey(String constraint, Function<ForeignKeyColumns, ForeignKeyActions> definition) {
    table.foreignKeys().add(ForeignKeySpec.define(constraint, definition));
    return this;
  }

  /**
   * Adds an index, created right after the table.
   *
   * @param index the index name
   * @param columns the indexed columns
   * @return this builder
   */
  public CreateTableBuilder index(String index, String... columns) {
    table.indexes().add(new IndexModel(index, List.of(columns), false));
    return this;
  }

  /**
   * Adds a unique index, created right after the table.
   *
   * @param index the index name
   * @param columns the indexed columns
   * @return this builder
   */
  public CreateTableBuilder uniqueIndex(String index, String... columns) {
    table.indexes().add(new IndexModel(index, List.of(columns), true));
    return this;
  }

  /**
   * Sets the table comment.
   *
   * @param text the comment
   * @return this builder
   */
  public CreateTableBuilder comment(String text) {
    table.comment(Optional.of(text));
    return this;
  }

  /**
   * Places the table in a database schema other than the connection's own.
   *
   * @param schemaName the schema
   * @return this builder
   */
  public CreateTableBuilder inSchema(String schemaName) {
    table.schema(Names.require("schema name", schemaName));
    return this;
  }

  TableModel build() {
    try {
      return table.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("createTable(\"" + name + "\"): " + e.getMessage(), e);
    }
  }
}
