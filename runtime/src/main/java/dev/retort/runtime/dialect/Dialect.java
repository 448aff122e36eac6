package dev.retort.runtime.dialect;

import dev.retort.model.ColumnType;
import dev.retort.model.SchemaModel;
import dev.retort.model.TableModel;
import dev.retort.operation.Operation;
import dev.retort.operation.Vendor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns operations into SQL for one database. This is the only place SQL for schema changes
 * is produced; the rest of the runtime never concatenates SQL.
 *
 * <p>Identifiers are always quoted, so reserved words ({@code order}, {@code user}) are legal
 * names. Defaults and check expressions are the only values written into DDL, because DDL
 * cannot bind parameters; literals are escaped. Check expressions are written in standard SQL,
 * with identifiers in double quotes where they need quoting (H2 folds unquoted names to upper
 * case); the MySQL and MariaDB dialect turns those quotes into backticks. Expression defaults
 * are written as they are.
 *
 * <p>Get one with {@link Dialects#forVendor} or {@link Dialects#detect}.
 */
public interface Dialect {

  /** The database this dialect renders for. */
  Vendor vendor();

  /**
   * Whether DDL runs inside transactions and rolls back with them (PostgreSQL, SQLite).
   * Where it does not (H2, MySQL, MariaDB) every DDL statement commits.
   */
  boolean transactionalDdl();

  /**
   * Quotes an identifier for this database, doubling any quote character inside it.
   *
   * @param identifier a table, column, index or constraint name
   * @return the quoted identifier
   */
  String quote(String identifier);

  /**
   * The SQL type this dialect writes for a column type, such as {@code varchar(20)} or
   * {@code DATETIME(6)}; each dialect's class documents its whole mapping. A PostgreSQL enum is
   * its quoted type name, unqualified.
   *
   * @param type the column type
   * @return the database's type
   */
  String columnType(ColumnType type);

  /**
   * Renders one operation.
   *
   * @param operation the operation
   * @param before the schema before the operation, which holds the full current definition of
   *     every table (needed for SQLite's table rebuild and MySQL's {@code MODIFY})
   * @return the steps to run, in order; empty if the operation needs nothing on this database
   * @throws UnsupportedOperationException naming the operation and database, with what to do
   *     instead, if the database cannot do it at all
   * @throws dev.retort.model.SchemaException if the operation does not fit {@code before}
   * @throws IllegalArgumentException if a literal default does not fit its column's type
   */
  List<Step> render(Operation operation, SchemaModel before);

  /**
   * Renders one operation whose result the caller already has, as the runtime's planner does
   * while it builds the schema one operation at a time; it spares applying the operation twice.
   *
   * @param operation the operation
   * @param before the schema before the operation
   * @param after {@code before.apply(operation)}
   * @return the steps to run, as {@link #render(Operation, SchemaModel)} gives them
   * @throws UnsupportedOperationException as {@link #render(Operation, SchemaModel)} does
   * @throws IllegalArgumentException as {@link #render(Operation, SchemaModel)} does
   */
  default List<Step> render(Operation operation, SchemaModel before, SchemaModel after) {
    return render(operation, before);
  }

  /**
   * The table that this dialect rebuilds for an operation, where it may do that rebuild together
   * with the rebuilds of the operations next to it: every step of the operation's rendering then
   * belongs to one rebuild, which creates the table anew with its definition in {@code after},
   * copies the rows of the columns that both definitions have, and replaces the old table. The
   * runtime's planner renders consecutive operations of a migration that each rebuild one table,
   * each changing a column of its own, as one {@link #renderRebuild rebuild}, so that the rows are
   * copied once. SQLite answers for the column changes it makes by a rebuild.
   *
   * @param operation the operation
   * @param before the schema before the operation
   * @param after {@code before.apply(operation)}
   * @return the table, by its name in both schemas; empty (the default) if this dialect renders the
   *     operation otherwise, or only on its own
   */
  default Optional<String> rebuiltTable(Operation operation, SchemaModel before, SchemaModel after) {
    return Optional.empty();
  }

  /**
   * Renders one rebuild of a table from its definition in {@code before} to that in {@code after},
   * for consecutive operations for each of which {@link #rebuiltTable} names the table:
   * {@code before} is the schema before the first of them, {@code after} the schema after the
   * last.
   *
   * @param table the table, by its name in both schemas
   * @param before the schema before the operations
   * @param after the schema after them
   * @return the steps to run, in order
   * @throws UnsupportedOperationException if this dialect names no table in {@link #rebuiltTable}
   *     (the default)
   */
  default List<Step> renderRebuild(String table, SchemaModel before, SchemaModel after) {
    throw new UnsupportedOperationException(this + " does not render table rebuilds");
  }

  /**
   * Creates a table unless the database has one of that name, for an offline script, which
   * cannot look first: {@code CREATE TABLE IF NOT EXISTS}, then the table's comments where they
   * are statements of their own (they are set again on a table that exists). The script from
   * base creates the version table so, because a database at base may have an empty one.
   *
   * @param table the table, without indexes (MySQL has no {@code CREATE INDEX IF NOT EXISTS})
   * @return the statements, in order
   * @throws IllegalArgumentException if the table has indexes
   */
  List<String> createTableIfMissing(TableModel table);

  /**
   * Puts a connection into the state this database needs for running schema changes, and
   * returns what puts it back. The engine calls it on the migration connection in auto-commit
   * mode, before it begins a migration's transaction, and closes the result after that
   * transaction has committed or rolled back:
   *
   * <pre>{@code
   * try (Dialect.SessionRestore restore = dialect.prepareConnection(connection)) {
   *   connection.setAutoCommit(false);
   *   ... run the steps, commit or roll back ...
   *   connection.setAutoCommit(true);
   * }
   * }</pre>
   *
   * <p>SQLite needs this: its table rebuild drops and recreates tables, which with foreign
   * key enforcement on would cascade into, or fail on, the tables referencing them, and
   * {@code PRAGMA foreign_keys} cannot change inside a transaction; it also turns
   * {@code PRAGMA legacy_alter_table} off, which the rebuild turns on only for its rename. See
   * {@link SqliteDialect}. MariaDB and MySQL take {@code NO_BACKSLASH_ESCAPES} out of the
   * session's {@code sql_mode}, since their string literals escape backslashes (see
   * {@link MySqlDialect}). The other dialects change nothing.
   *
   * @param connection the migration connection, in auto-commit mode
   * @return what restores the connection's settings; close it after the transaction
   * @throws SQLException if the settings cannot be read or changed
   * @throws IllegalStateException if the connection is inside a transaction where a setting
   *     could not take effect
   */
  default SessionRestore prepareConnection(Connection connection) throws SQLException {
    return SessionRestore.NOTHING;
  }

  /**
   * What an offline script runs before its first migration, in place of
   * {@link #prepareConnection} and of what the JDBC driver does to Retort's own connection, with
   * a comment saying how to run the script: SQLite turns foreign key enforcement and
   * {@code legacy_alter_table} off; PostgreSQL sets {@code client_encoding} and MySQL and
   * MariaDB the session's character sets ({@code SET NAMES utf8mb4}) to UTF-8, the script's
   * encoding, which the client would otherwise take from its locale; H2 has the comment alone.
   *
   * @return the script's opening part, if the database needs one
   */
  default Optional<ScriptPart> scriptOpening() {
    return Optional.empty();
  }

  /**
   * The {@linkplain #scriptOpening() opening} of an offline script whose migrations all run in one transaction
   * ({@link dev.retort.runtime.Retort.Builder#singleTransaction}), whose comment says so; the same as
   * {@link #scriptOpening()} unless the dialect says otherwise.
   *
   * @param singleTransaction whether the script's migrations run in one transaction
   * @return the script's opening part, if the database needs one
   */
  default Optional<ScriptPart> scriptOpening(boolean singleTransaction) {
    return scriptOpening();
  }

  /**
   * What an offline script runs after its last migration, in place of the
   * {@link SessionRestore} of {@link #prepareConnection}: SQLite turns foreign key enforcement
   * back on, and leaves {@code legacy_alter_table} off, since a script cannot read what it was;
   * PostgreSQL, MySQL and MariaDB give the session its own encoding back. Empty for the dialects
   * that prepare nothing.
   *
   * @return the script's closing part, if the database needs one
   */
  default Optional<ScriptPart> scriptClosing() {
    return Optional.empty();
  }

  /**
   * Statements that a dialect adds to an offline script around the migrations.
   *
   * @param comment one line saying why, written above the statements
   * @param statements the statements, without terminating semicolons
   */
  record ScriptPart(String comment, List<String> statements) {
    /** Validates and copies the components. */
    public ScriptPart {
      Objects.requireNonNull(comment, "comment == null");
      statements = List.copyOf(statements);
    }
  }

  /** Restores the connection settings that {@link #prepareConnection} changed. */
  @FunctionalInterface
  interface SessionRestore extends AutoCloseable {

    /** Restores nothing, for dialects that change nothing. */
    SessionRestore NOTHING = () -> { };

    /**
     * Restores the settings; call it outside a transaction.
     *
     * @throws SQLException if a setting cannot be restored
     */
    @Override
    void close() throws SQLException;
  }
}
