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
import dev.retort.operation.RenamePrimaryKey;
import dev.retort.operation.ValidateConstraint;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

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
 *
 * <p>A malformed call fails where it is made, with an {@link IllegalArgumentException} (a
 * {@link NullPointerException} for a null argument) whose message starts with
 * {@code alterTable("users")} and names the column or constraint. Whether the table has that
 * column or constraint is checked when the migration is applied to the schema.
 */
public final class AlterTableBuilder {

  private final String table;
  private final String context;
  private final Consumer<Operation> sink;

  AlterTableBuilder(String table, Consumer<Operation> sink) {
    this("alterTable", table, sink);
  }

  /**
   * A builder for one change made by a method of {@link Schema}, whose messages start with that
   * method: {@code addColumn("users")}.
   */
  AlterTableBuilder(String method, String table, Consumer<Operation> sink) {
    this.table = Names.require("table name", table);
    this.context = method + "(\"" + table + "\")";
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
    return add(() -> new AddColumn(table, Columns.define(table, column, type, options)));
  }

  /**
   * Drops a column and its data.
   *
   * @param column the column name
   * @return this builder
   */
  public AlterTableBuilder dropColumn(String column) {
    return add(() -> new DropColumn(table, column));
  }

  /**
   * Renames a column, keeping its data.
   *
   * @param from the current name
   * @param to the new name
   * @return this builder
   */
  public AlterTableBuilder renameColumn(String from, String to) {
    return add(() -> new RenameColumn(table, from, to));
  }

  /**
   * Alters a column's type, nullability, default, comment or identity.
   *
   * @param column the column name
   * @param changes the changes: {@code c -> c.type(varchar(100), varchar(255))}
   * @return this builder
   */
  public AlterTableBuilder alterColumn(String column, Function<AlterColumnStart, AlterColumnChanges> changes) {
    return add(() -> AlterColumnSpec.define(table, column, changes));
  }

  /**
   * Adds a primary key to a table without one.
   *
   * @param constraint the constraint name
   * @param columns the key columns
   * @return this builder
   */
  public AlterTableBuilder addPrimaryKey(String constraint, String... columns) {
    return add("primary key " + constraint,
        () -> new AddPrimaryKey(table, new PrimaryKeyModel(constraint, Calls.names("columns", columns))));
  }

  /**
   * Drops the primary key.
   *
   * @param constraint the constraint name
   * @return this builder
   */
  public AlterTableBuilder dropPrimaryKey(String constraint) {
    return add(() -> new DropPrimaryKey(table, constraint));
  }

  /**
   * Renames the primary key, keeping it: its columns, its index and the foreign keys that
   * reference it stay.
   *
   * @param from the current constraint name
   * @param to the new constraint name
   * @return this builder
   */
  public AlterTableBuilder renamePrimaryKey(String from, String to) {
    return add(() -> new RenamePrimaryKey(table, from, to));
  }

  /**
   * Adds a unique constraint.
   *
   * @param constraint the constraint name
   * @param columns the constrained columns
   * @return this builder
   */
  public AlterTableBuilder addUnique(String constraint, String... columns) {
    return add("unique constraint " + constraint,
        () -> new AddUnique(table, new UniqueModel(constraint, Calls.names("columns", columns))));
  }

  /**
   * Drops a unique constraint.
   *
   * @param constraint the constraint name
   * @return this builder
   */
  public AlterTableBuilder dropUnique(String constraint) {
    return add(() -> new DropUnique(table, constraint));
  }

  /**
   * Adds a check constraint.
   *
   * @param constraint the constraint name
   * @param expression the SQL boolean expression
   * @return this builder
   */
  public AlterTableBuilder addCheck(String constraint, String expression) {
    return add("check " + constraint, () -> new AddCheck(table, new CheckModel(constraint, expression)));
  }

  /**
   * Adds a check constraint without checking the rows already in the table: {@code ADD CONSTRAINT
   * … CHECK (…) NOT VALID} on PostgreSQL, which takes its ACCESS EXCLUSIVE lock only for a moment
   * instead of for a read of the whole table. Rows written from then on are checked. Check the
   * others with {@link #validateConstraint} in a later migration. Other databases have no such
   * state and add the check as {@link #addCheck} does, checking every row.
   *
   * @param constraint the constraint name
   * @param expression the SQL boolean expression
   * @return this builder
   */
  public AlterTableBuilder addCheckNotValid(String constraint, String expression) {
    return add("check " + constraint, () -> new AddCheck(table, new CheckModel(constraint, expression), true));
  }

  /**
   * Drops a check constraint.
   *
   * @param constraint the constraint name
   * @return this builder
   */
  public AlterTableBuilder dropCheck(String constraint) {
    return add(() -> new DropCheck(table, constraint));
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
    return add(() -> new AddForeignKey(table, ForeignKeySpec.define(constraint, definition)));
  }

  /**
   * Adds a foreign key without checking the rows already in the table: {@code ADD CONSTRAINT …
   * FOREIGN KEY … NOT VALID} on PostgreSQL, which takes its SHARE ROW EXCLUSIVE locks on both
   * tables only for a moment instead of for a read of the whole table. Rows written from then on
   * are checked. Check the others with {@link #validateConstraint} in a later migration. Other
   * databases have no such state and add the key as {@link #addForeignKey} does, checking every
   * row.
   *
   * @param constraint the constraint name
   * @param definition the steps: {@code fk -> fk.columns(…).references(table, …)}
   * @return this builder
   */
  public AlterTableBuilder addForeignKeyNotValid(
      String constraint, Function<ForeignKeyColumns, ForeignKeyActions> definition) {
    return add(() -> new AddForeignKey(table, ForeignKeySpec.define(constraint, definition), true));
  }

  /**
   * Checks the rows that a foreign key or check constraint added by {@link #addForeignKeyNotValid}
   * or {@link #addCheckNotValid} left unchecked: {@code ALTER TABLE … VALIDATE CONSTRAINT} on
   * PostgreSQL, which lets reads and writes go on while it reads the table (SHARE UPDATE
   * EXCLUSIVE), and fails at a row that breaks the constraint. Other databases checked the rows
   * when the constraint was added, and run nothing. It changes no schema: its downgrade is
   * nothing.
   *
   * @param constraint the name of the foreign key or check constraint
   * @return this builder
   */
  public AlterTableBuilder validateConstraint(String constraint) {
    return add(() -> new ValidateConstraint(table, constraint));
  }

  /**
   * Drops a foreign key.
   *
   * @param constraint the constraint name
   * @return this builder
   */
  public AlterTableBuilder dropForeignKey(String constraint) {
    return add(() -> new DropForeignKey(table, constraint));
  }

  /**
   * Creates an index.
   *
   * @param index the index name
   * @param columns the indexed columns
   * @return this builder
   */
  public AlterTableBuilder createIndex(String index, String... columns) {
    return add("index " + index,
        () -> new CreateIndex(table, new IndexModel(index, Calls.names("columns", columns), false), false));
  }

  /**
   * Creates a unique index.
   *
   * @param index the index name
   * @param columns the indexed columns
   * @return this builder
   */
  public AlterTableBuilder createUniqueIndex(String index, String... columns) {
    return add("unique index " + index,
        () -> new CreateIndex(table, new IndexModel(index, Calls.names("columns", columns), true), false));
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
    return add("index " + index,
        () -> new CreateIndex(table, new IndexModel(index, Calls.names("columns", columns), false), true));
  }

  /**
   * Drops an index.
   *
   * @param index the index name
   * @return this builder
   */
  public AlterTableBuilder dropIndex(String index) {
    return add(() -> new DropIndex(table, index, false));
  }

  /**
   * Drops an index without blocking writes: {@code DROP INDEX CONCURRENTLY} on PostgreSQL,
   * run outside the migration's transaction; a plain drop elsewhere.
   *
   * @param index the index name
   * @return this builder
   */
  public AlterTableBuilder dropIndexConcurrently(String index) {
    return add(() -> new DropIndex(table, index, true));
  }

  /**
   * Gives a table without comment a comment.
   *
   * @param to the comment
   * @return this builder
   */
  public AlterTableBuilder setComment(String to) {
    Objects.requireNonNull(to, context + ": the new comment == null");
    return comment(Optional.empty(), Optional.of(to));
  }

  /**
   * Replaces the table comment.
   *
   * @param from the comment now
   * @param to the new comment
   * @return this builder
   */
  public AlterTableBuilder changeComment(String from, String to) {
    Objects.requireNonNull(from, context + ": the comment now == null");
    Objects.requireNonNull(to, context + ": the new comment == null");
    return comment(Optional.of(from), Optional.of(to));
  }

  /**
   * Removes the table comment.
   *
   * @param from the comment now
   * @return this builder
   */
  public AlterTableBuilder dropComment(String from) {
    Objects.requireNonNull(from, context + ": the comment now == null");
    return comment(Optional.of(from), Optional.empty());
  }

  /** Records the operation; a validation failure names this table in front of its message. */
  private AlterTableBuilder add(Supplier<Operation> operation) {
    sink.accept(Calls.build(context, operation));
    return this;
  }

  /** Records the operation; a validation failure names this table and {@code what}. */
  private AlterTableBuilder add(String what, Supplier<Operation> operation) {
    sink.accept(Calls.build(context + ": " + what, operation));
    return this;
  }

  private AlterTableBuilder comment(Optional<String> from, Optional<String> to) {
    if (from.equals(to)) {
      throw Calls.fail(context, "the comment changes from '" + from.orElseThrow() + "' to the same value");
    }
    return add(() -> new AlterTableComment(table, new Change<>(from, to)));
  }
}
