package dev.retort.dsl;

import dev.retort.model.ColumnType;
import dev.retort.operation.CreateSequence;
import dev.retort.operation.CreateTable;
import dev.retort.operation.CreateView;
import dev.retort.operation.DropSequence;
import dev.retort.operation.DropTable;
import dev.retort.operation.DropView;
import dev.retort.operation.Execute;
import dev.retort.operation.JdbcStep;
import dev.retort.operation.Operation;
import dev.retort.operation.RenameTable;
import dev.retort.operation.Vendor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a {@link dev.retort.Migration} describes its changes to. Each call records one or more
 * {@link Operation}s, in call order; nothing touches a database here. A malformed call fails
 * at once with a message naming the table, column or constraint.
 *
 * <pre>{@code
 * public void upgrade(Schema schema) {
 *   schema.createTable("authors",
 *       column("id", bigint(), notNull(), identity()),
 *       column("name", varchar(200), notNull()),
 *       primaryKey("pk_authors", "id"));
 *   schema.addColumn("books", "author_id", bigint());
 *   schema.alterTable("books", t -> t
 *       .createIndex("ix_books_author_id", "author_id")
 *       .addForeignKey("fk_books_author_id", fk -> fk.columns("author_id").references("authors", "id")));
 * }
 * }</pre>
 */
public final class Schema {

  private final List<Operation> operations = new ArrayList<>();

  /** Creates an empty schema description. */
  public Schema() {}

  /**
   * Creates a table from its columns, keys, checks and indexes, each made by a static method
   * of {@link TableElement}: {@code createTable("authors", column("id", bigint(), identity()),
   * column("name", varchar(200)), primaryKey("pk_authors", "id"))}.
   *
   * @param table the table name
   * @param elements the columns, keys, checks and indexes, in the order of the table's columns
   * @return this schema
   * @throws IllegalArgumentException if an element is malformed, naming the table and the element
   */
  public Schema createTable(String table, TableElement... elements) {
    CreateTableBuilder builder = new CreateTableBuilder(table);
    TableElements.addAll(builder, elements);
    operations.add(new CreateTable(builder.build()));
    return this;
  }

  /**
   * Creates a table with a builder: the same as {@link #createTable(String, TableElement...)},
   * written as calls on {@link CreateTableBuilder}.
   *
   * @param table the table name
   * @param definition defines columns, keys, checks and indexes
   * @return this schema
   */
  public Schema createTable(String table, Consumer<CreateTableBuilder> definition) {
    Objects.requireNonNull(definition, "definition == null");
    CreateTableBuilder builder = new CreateTableBuilder(table);
    definition.accept(builder);
    operations.add(new CreateTable(builder.build()));
    return this;
  }

  /**
   * Drops a table and its data.
   *
   * @param table the table name
   * @return this schema
   */
  public Schema dropTable(String table) {
    operations.add(new DropTable(table));
    return this;
  }

  /**
   * Renames a table, keeping its data.
   *
   * @param from the current name
   * @param to the new name
   * @return this schema
   */
  public Schema renameTable(String from, String to) {
    operations.add(new RenameTable(from, to));
    return this;
  }

  /**
   * Changes an existing table. Each call on the builder records one operation, in order; if
   * one call fails, none of them is recorded.
   *
   * @param table the table name
   * @param changes the changes, in order
   * @return this schema
   */
  public Schema alterTable(String table, Consumer<AlterTableBuilder> changes) {
    Objects.requireNonNull(changes, "changes == null");
    List<Operation> recorded = new ArrayList<>();
    changes.accept(new AlterTableBuilder(table, recorded::add));
    operations.addAll(recorded);
    return this;
  }

  /**
   * Adds a column to a table: the same as {@code alterTable(table, t -> t.addColumn(column,
   * type, options))}.
   *
   * @param table the table name
   * @param column the column name
   * @param type the column type
   * @param options {@link ColumnOption}s, each kind at most once
   * @return this schema
   * @see AlterTableBuilder#addColumn
   */
  public Schema addColumn(String table, String column, ColumnType type, ColumnOption... options) {
    new AlterTableBuilder("addColumn", table, operations::add).addColumn(column, type, options);
    return this;
  }

  /**
   * Drops a column and its data: the same as {@code alterTable(table, t -> t.dropColumn(column))}.
   *
   * @param table the table name
   * @param column the column name
   * @return this schema
   * @see AlterTableBuilder#dropColumn
   */
  public Schema dropColumn(String table, String column) {
    new AlterTableBuilder("dropColumn", table, operations::add).dropColumn(column);
    return this;
  }

  /**
   * Creates a sequence that starts at 1 and increments by 1.
   *
   * @param sequence the sequence name
   * @return this schema
   */
  public Schema createSequence(String sequence) {
    operations.add(new CreateSequence(new CreateSequenceBuilder(sequence).build()));
    return this;
  }

  /**
   * Creates a sequence with a builder: {@code createSequence("orders_seq", s ->
   * s.startWith(1).incrementBy(50))}. PostgreSQL, H2 and MariaDB have sequences; on MySQL and
   * SQLite the migration is refused before anything runs.
   *
   * @param sequence the sequence name
   * @param definition sets the start, the increment and the database schema
   * @return this schema
   * @throws IllegalArgumentException if the start or increment is below 1, naming the sequence
   */
  public Schema createSequence(String sequence, Consumer<CreateSequenceBuilder> definition) {
    Objects.requireNonNull(definition, "definition == null");
    CreateSequenceBuilder builder = new CreateSequenceBuilder(sequence);
    definition.accept(builder);
    operations.add(new CreateSequence(builder.build()));
    return this;
  }

  /**
   * Drops a sequence, and the value it has reached.
   *
   * @param sequence the sequence name
   * @return this schema
   */
  public Schema dropSequence(String sequence) {
    operations.add(new DropSequence(sequence));
    return this;
  }

  /**
   * Changes a sequence's start or increment, each from its value now to a new one:
   * {@code alterSequence("orders_seq", s -> s.incrementBy(1, 50))}.
   *
   * @param sequence the sequence name
   * @param changes the changes
   * @return this schema
   * @throws IllegalArgumentException if the changes change nothing, naming the sequence
   */
  public Schema alterSequence(String sequence, Consumer<AlterSequenceBuilder> changes) {
    Objects.requireNonNull(changes, "changes == null");
    AlterSequenceBuilder builder = new AlterSequenceBuilder(sequence);
    changes.accept(builder);
    operations.add(builder.build());
    return this;
  }

  /**
   * Creates a view: {@code CREATE VIEW name AS query}, the query run as written on every
   * database. A view that needs one database's SQL is created with {@link #execute} instead.
   *
   * @param view the view name
   * @param query the query, a {@code SELECT} without a closing semicolon
   * @return this schema
   * @throws IllegalArgumentException if the query is blank or ends with a semicolon, naming the view
   */
  public Schema createView(String view, String query) {
    operations.add(new CreateView(new CreateViewBuilder(view, query).build()));
    return this;
  }

  /**
   * Creates a view with a builder, which places it in another database schema:
   * {@code createView("active_customer", "SELECT …", v -> v.inSchema("sales"))}.
   *
   * @param view the view name
   * @param query the query, a {@code SELECT} without a closing semicolon
   * @param definition sets the database schema
   * @return this schema
   * @throws IllegalArgumentException if the query is blank or ends with a semicolon, naming the view
   */
  public Schema createView(String view, String query, Consumer<CreateViewBuilder> definition) {
    Objects.requireNonNull(definition, "definition == null");
    CreateViewBuilder builder = new CreateViewBuilder(view, query);
    definition.accept(builder);
    operations.add(new CreateView(builder.build()));
    return this;
  }

  /**
   * Drops a view. The rows it showed stay in the tables its query reads.
   *
   * @param view the view name
   * @return this schema
   */
  public Schema dropView(String view) {
    operations.add(new DropView(view));
    return this;
  }

  /**
   * Runs a SQL statement as written, on every database. Retort cannot invert it: write the
   * migration's downgrade yourself.
   *
   * @param sql one statement
   * @return this schema
   */
  public Schema execute(String sql) {
    operations.add(Execute.of(sql));
    return this;
  }

  /**
   * Runs SQL written per database; a database without an entry fails the migration with a
   * message naming it (MariaDB falls back to MySQL's entry).
   *
   * @param perVendor one statement per database
   * @return this schema
   */
  public Schema execute(Map<Vendor, String> perVendor) {
    operations.add(new Execute(Optional.empty(), perVendor));
    return this;
  }

  /**
   * Runs SQL written per database, with a statement for the others.
   *
   * @param sql the statement for databases without an entry
   * @param perVendor statements for particular databases
   * @return this schema
   */
  public Schema execute(String sql, Map<Vendor, String> perVendor) {
    operations.add(new Execute(Optional.of(sql), perVendor));
    return this;
  }

  /**
   * Runs Java code with the migration's connection: a data migration. Bind values with a
   * {@link java.sql.PreparedStatement}.
   *
   * @param description what the step does; it is what the checksum covers
   * @param body the code
   * @return this schema
   */
  public Schema run(String description, JdbcStep.Body body) {
    operations.add(new JdbcStep(description, body));
    return this;
  }

  /**
   * Records an operation built directly.
   *
   * @param operation the operation
   * @return this schema
   */
  public Schema add(Operation operation) {
    operations.add(Objects.requireNonNull(operation, "operation == null"));
    return this;
  }

  /** The operations recorded so far, in order. */
  public List<Operation> operations() {
    return List.copyOf(operations);
  }
}
