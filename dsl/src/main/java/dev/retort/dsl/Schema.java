package dev.retort.dsl;

import dev.retort.operation.CreateTable;
import dev.retort.operation.DropTable;
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
 *   schema.createTable("authors", t -> t
 *       .column("id", bigint(), notNull(), identity())
 *       .column("name", varchar(200), notNull())
 *       .primaryKey("pk_authors", "id"));
 *   schema.alterTable("books", t -> t.addColumn("author_id", bigint()));
 * }
 * }</pre>
 */
public final class Schema {

  private final List<Operation> operations = new ArrayList<>();

  /** Creates an empty schema description. */
  public Schema() {}

  /**
   * Creates a table.
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
