package dev.retort.dsl;

import dev.retort.model.CheckModel;
import dev.retort.model.ColumnType;
import dev.retort.model.IndexModel;
import dev.retort.model.Names;
import dev.retort.model.PrimaryKeyModel;
import dev.retort.model.UniqueModel;
import dev.retort.operation.AddCheck;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AddForeignKey;
import dev.retort.operation.AddPrimaryKey;
import dev.retort.operation.AddUnique;
import dev.retort.operation.AlterTableComment;
import dev.retort.operation.Change;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.DropCheck;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropForeignKey;
import dev.retort.operation.DropIndex;
import dev.retort.operation.DropPrimaryKey;
import dev.retort.operation.DropUnique;
import dev.retort.operation.Operation;
import dev.retort.operation.RenameColumn;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Changes an existing table inside {@link Schema#alterTable}. Each call adds one operation,
 * in call order:
 *
 * <pre>{@code
 * schema.alterTable("users", t -> t
 *     .addColumn("phone", varchar(20))
 *     .renameColumn("mail", "email")
 *     .createIndex("ix_users_phone", "phone"));
 * }</pre>
 */
public final class AlterTableBuilder {

  private final String table;
  private final Consumer<Operation> sink;

  AlterTableBuilder(String table, Consumer<Operation> sink) {
    this.table = Names.require("table name", table);
    this.sink = sink;
  }

  /**
   * Adds a column at the end of the table; nullable unless an option says otherwise.
   *
   * @param column the column name
   * @param type the column type
   * @param options {@link ColumnOption}s
   * @return this builder
   */
  public AlterTableBuilder addColumn(String column, ColumnType type, ColumnOption... options) {
    sink.accept(new AddColumn(table, Columns.define(table, column, type, options)));
    return this;
  }

  /**
   * Drops a column and its data.
   *
   * @param column the column name
   * @return this builder
   */
  public AlterTableBuilder dropColumn(String column) {
    sink.accept(new DropColumn(table, column));
    return this;
  }

  /**
   * Renames a column, keeping its data.
   *
   * @param from the current name
   * @param to the new name
   * @return this builder
   */
  public AlterTableBuilder renameColumn(String from, String to) {
    sink.accept(new RenameColumn(table, from, to));
    return this;
  }

  /**
   * Alters a column's type, nullability, default, comment or identity.
   *
   * @param column the column name
   * @param changes the changes: {@code c -> c.type(varchar(100), varchar(255))}
   * @return this builder
   */
  public AlterTableBuilder alterColumn(String column, Function<AlterColumnStart, AlterColumnChanges> changes) {
    sink.accept(AlterColumnSpec.define(table, column, changes));
    return this;
  }

  /**
   * Adds a primary key to a table without one.
   *
   * @param constraint the constraint name
   * @param columns the key columns
   * @return this builder
   */
  public AlterTableBuilder addPrimaryKey(String constraint, String... columns) {
    sink.accept(new AddPrimaryKey(table, new PrimaryKeyModel(constraint, List.of(columns))));
    return this;
  }

  /**
   * Drops the primary key.
   *
   * @param constraint the constraint name
   * @return this builder
   */
  public AlterTableBuilder dropPrimaryKey(String constraint) {
    sink.accept(new DropPrimaryKey(table, constraint));
    return this;
  }

  /**
   * Adds a unique constraint.
   *
   * @param constraint the constraint name
   * @param columns the constrained columns
   * @return this builder
   */
  public AlterTableBuilder addUnique(String constraint, String... columns) {
    sink.accept(new AddUnique(table, new UniqueModel(constraint, List.of(columns))));
    return this;
  }

  /**
   * Drops a unique constraint.
   *
   * @param constraint the constraint name
   * @return this builder
   */
  public AlterTableBuilder dropUnique(String constraint) {
    sink.accept(new DropUnique(table, constraint));
    return this;
  }

  /**
   * Adds a check constraint.
   *
   * @param constraint the constraint name
   * @param expression the SQL boolean expression
   * @return this builder
   */
  public AlterTableBuilder addCheck(String constraint, String expression) {
    sink.accept(new AddCheck(table, new CheckModel(constraint, expression)));
    return this;
  }

  /**
   * Drops a check constraint.
   *
   * @param constraint the constraint name
   * @return this builder
   */
  public AlterTableBuilder dropCheck(String constraint) {
    sink.accept(new DropCheck(table, constraint));
    return this;
  }

  /**
   * Adds a foreign key.
   *
   * @param constraint the constraint name
   * @param definition the steps: {@code fk -> fk.columns(…).references(table, …)}
   * @return this builder
   */
  public AlterTableBuilder addForeignKey(
      String constraint, Function<ForeignKeyColumns, ForeignKeyActions> definition) {
    sink.accept(new AddForeignKey(table, ForeignKeySpec.define(constraint, definition)));
    return this;
  }

  /**
   * Drops a foreign key.
   *
   * @param constraint the constraint name
   * @return this builder
   */
  public AlterTableBuilder dropForeignKey(String constraint) {
    sink.accept(new DropForeignKey(table, constraint));
    return this;
  }

  /**
   * Creates an index.
   *
   * @param index the index name
   * @param columns the indexed columns
   * @return this builder
   */
  public AlterTableBuilder createIndex(String index, String... columns) {
    sink.accept(new CreateIndex(table, new IndexModel(index, List.of(columns), false), false));
    return this;
  }

  /**
   * Creates a unique index.
   *
   * @param index the index name
   * @param columns the indexed columns
   * @return this builder
   */
  public AlterTableBuilder createUniqueIndex(String index, String... columns) {
    sink.accept(new CreateIndex(table, new IndexModel(index, List.of(columns), true), false));
    return this;
  }

  /**
   * Creates an index without blocking writes: {@code CREATE INDEX CONCURRENTLY} on
   * PostgreSQL, run outside the migration's transaction; a plain index elsewhere.
   *
   * @param index the index name
   * @param columns the indexed columns
   * @return this builder
   */
  public AlterTableBuilder createIndexConcurrently(String index, String... columns) {
    sink.accept(new CreateIndex(table, new IndexModel(index, List.of(columns), false), true));
    return this;
  }

  /**
   * Drops an index.
   *
   * @param index the index name
   * @return this builder
   */
  public AlterTableBuilder dropIndex(String index) {
    sink.accept(new DropIndex(table, index, false));
    return this;
  }

  /**
   * Drops an index without blocking writes: {@code DROP INDEX CONCURRENTLY} on PostgreSQL,
   * run outside the migration's transaction; a plain drop elsewhere.
   *
   * @param index the index name
   * @return this builder
   */
  public AlterTableBuilder dropIndexConcurrently(String index) {
    sink.accept(new DropIndex(table, index, true));
    return this;
  }

  /**
   * Gives a table without comment a comment.
   *
   * @param to the comment
   * @return this builder
   */
  public AlterTableBuilder setComment(String to) {
    sink.accept(new AlterTableComment(table, new Change<>(Optional.empty(), Optional.of(to))));
    return this;
  }

  /**
   * Replaces the table comment.
   *
   * @param from the comment now
   * @param to the new comment
   * @return this builder
   */
  public AlterTableBuilder changeComment(String from, String to) {
    sink.accept(new AlterTableComment(table, new Change<>(Optional.of(from), Optional.of(to))));
    return this;
  }

  /**
   * Removes the table comment.
   *
   * @param from the comment now
   * @return this builder
   */
  public AlterTableBuilder dropComment(String from) {
    sink.accept(new AlterTableComment(table, new Change<>(Optional.of(from), Optional.empty())));
    return this;
  }
}
