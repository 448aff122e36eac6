package dev.retort.dsl;

import dev.retort.model.CheckModel;
import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.ForeignKeyModel;
import dev.retort.model.IndexModel;
import dev.retort.model.Names;
import dev.retort.model.PrimaryKeyModel;
import dev.retort.model.TableModel;
import dev.retort.model.UniqueModel;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
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
 *
 * <p>A malformed call fails where it is made, with a message naming the table and the column
 * or constraint: a column or constraint name used twice, a second primary key, an empty
 * column list. That a key or index names columns the table has is checked when the
 * definition ends, so columns and constraints may come in any order.
 */
public final class CreateTableBuilder {

  private final String name;
  private final String context;
  private final TableModel.Builder table;
  private final Map<String, String> objectKinds = new HashMap<>();
  private Optional<PrimaryKeyModel> primaryKey = Optional.empty();
  private boolean commentSet;
  private boolean schemaSet;

  CreateTableBuilder(String name) {
    this.name = Names.require("table name", name);
    this.context = "createTable(\"" + name + "\")";
    this.table = new TableModel.Builder(name);
  }

  /**
   * Adds a column; nullable unless an option says {@code notNull()} or {@code identity()}.
   *
   * @param column the column name
   * @param type the column type
   * @param options {@link ColumnOption}s, each kind at most once
   * @return this builder
   * @throws IllegalArgumentException if the table already has a column of that name, or an
   *     option is repeated or does not fit the column
   */
  public CreateTableBuilder column(String column, ColumnType type, ColumnOption... options) {
    ColumnModel model = Calls.build(context, () -> Columns.define(name, column, type, options));
    if (table.columns().stream().anyMatch(c -> c.name().equals(column))) {
      throw Calls.fail(context, "column " + column + " is defined twice");
    }
    table.column(model);
    return this;
  }

  /**
   * Sets the primary key. A table has one, so list all its columns in this call.
   *
   * @param constraint the constraint name, such as {@code pk_books}
   * @param columns the key columns in order
   * @return this builder
   * @throws IllegalArgumentException if the table already has a primary key or the name is
   *     taken by another constraint or index of the table
   */
  public CreateTableBuilder primaryKey(String constraint, String... columns) {
    String what = "primary key " + constraint;
    PrimaryKeyModel key = Calls.build(context + ": " + what,
        () -> new PrimaryKeyModel(constraint, Calls.names("columns", columns)));
    if (primaryKey.isPresent()) {
      throw Calls.fail(context, what + ": the table already has primary key " + primaryKey.get().name()
          + "; list every key column in one primaryKey call");
    }
    claim("primary key", constraint);
    primaryKey = Optional.of(key);
    table.primaryKey(primaryKey);
    return this;
  }

  /**
   * Adds a unique constraint.
   *
   * @param constraint the constraint name
   * @param columns the constrained columns
   * @return this builder
   * @throws IllegalArgumentException if the column list is empty or repeats a name, or the
   *     name is taken by another constraint or index of the table
   */
  public CreateTableBuilder unique(String constraint, String... columns) {
    String what = "unique constraint " + constraint;
    UniqueModel unique = Calls.build(context + ": " + what,
        () -> new UniqueModel(constraint, Calls.names("columns", columns)));
    claim("unique constraint", constraint);
    table.uniques().add(unique);
    return this;
  }

  /**
   * Adds a check constraint.
   *
   * @param constraint the constraint name
   * @param expression the SQL boolean expression
   * @return this builder
   * @throws IllegalArgumentException if the expression is blank or the name is taken by
   *     another constraint or index of the table
   */
  public CreateTableBuilder check(String constraint, String expression) {
    String what = "check " + constraint;
    CheckModel check = Calls.build(context + ": " + what, () -> new CheckModel(constraint, expression));
    claim("check", constraint);
    table.checks().add(check);
    return this;
  }

  /**
   * Adds a foreign key.
   *
   * @param constraint the constraint name
   * @param definition the steps: {@code fk -> fk.columns(…).references(table, …)}
   * @return this builder
   * @throws IllegalArgumentException if the definition is malformed or the name is taken by
   *     another constraint or index of the table
   */
  public CreateTableBuilder foreignKey(String constraint, Function<ForeignKeyColumns, ForeignKeyActions> definition) {
    ForeignKeyModel key = Calls.build(context, () -> ForeignKeySpec.define(constraint, definition));
    claim("foreign key", constraint);
    table.foreignKeys().add(key);
    return this;
  }

  /**
   * Adds an index, created right after the table.
   *
   * @param index the index name
   * @param columns the indexed columns
   * @return this builder
   * @throws IllegalArgumentException if the column list is empty or repeats a name, or the
   *     name is taken by another constraint or index of the table
   */
  public CreateTableBuilder index(String index, String... columns) {
    return addIndex(index, false, columns);
  }

  /**
   * Adds a unique index, created right after the table.
   *
   * @param index the index name
   * @param columns the indexed columns
   * @return this builder
   * @throws IllegalArgumentException if the column list is empty or repeats a name, or the
   *     name is taken by another constraint or index of the table
   */
  public CreateTableBuilder uniqueIndex(String index, String... columns) {
    return addIndex(index, true, columns);
  }

  /**
   * Sets the table comment.
   *
   * @param text the comment
   * @return this builder
   * @throws IllegalArgumentException if the table already has a comment
   */
  public CreateTableBuilder comment(String text) {
    Objects.requireNonNull(text, context + ": comment == null");
    if (commentSet) {
      throw Calls.fail(context, "the comment is set twice");
    }
    commentSet = true;
    table.comment(Optional.of(text));
    return this;
  }

  /**
   * Places the table in a database schema other than the connection's own.
   *
   * @param schemaName the schema
   * @return this builder
   * @throws IllegalArgumentException if the schema name is blank or set twice
   */
  public CreateTableBuilder inSchema(String schemaName) {
    String schema = Calls.build(context, () -> Names.require("schema name", schemaName));
    if (schemaSet) {
      throw Calls.fail(context, "inSchema is called twice");
    }
    schemaSet = true;
    table.schema(schema);
    return this;
  }

  /** The call that defines the table, for messages: {@code createTable("books")}. */
  String context() {
    return context;
  }

  TableModel build() {
    return Calls.build(context, table::build);
  }

  private CreateTableBuilder addIndex(String index, boolean unique, String... columns) {
    String kind = unique ? "unique index" : "index";
    String what = kind + " " + index;
    IndexModel model =
        Calls.build(context + ": " + what, () -> new IndexModel(index, Calls.names("columns", columns), unique));
    claim(kind, index);
    table.indexes().add(model);
    return this;
  }

  /** Records a constraint or index name; a table's constraints and indexes share one namespace. */
  private void claim(String kind, String objectName) {
    String previous = objectKinds.putIfAbsent(objectName, kind);
    if (previous != null) {
      throw Calls.fail(context, kind + " " + objectName
          + ": the table already has a constraint or index of that name (" + previous + ")");
    }
  }
}
