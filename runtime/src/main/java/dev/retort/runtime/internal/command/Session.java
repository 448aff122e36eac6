package dev.retort.runtime.internal.command;

import dev.retort.runtime.AppliedRevision;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.internal.Advice;
import dev.retort.runtime.internal.DriverHint;
import dev.retort.runtime.internal.connect.ConnectionSource;
import dev.retort.runtime.internal.connect.CurrentSchema;
import dev.retort.runtime.internal.graph.RevisionGraph;
import dev.retort.runtime.internal.history.VersionTable;
import dev.retort.runtime.internal.lock.MigrationLock;
import dev.retort.runtime.internal.lock.MigrationLocks;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * One command's connection: opened in auto-commit mode, with its dialect and version table,
 * and given back in the auto-commit mode it came in.
 */
final class Session implements AutoCloseable {

  /**
   * How the SQLite driver starts the message of a file it cannot open: a directory on its path that does not exist
   * (SQLite creates the file, not its directories) or that the process may not write. There is no server to be
   * running.
   */
  private static final String SQLITE_CANNOT_OPEN = "[SQLITE_CANTOPEN]";

  private final Context context;
  private final Connection connection;
  private final boolean autoCommit;
  private final Dialect dialect;
  private final VersionTable versionTable;
  private final Optional<CurrentSchema> currentSchema;

  private Session(Context context, Connection connection, boolean autoCommit, Dialect dialect,
      Optional<CurrentSchema> currentSchema) {
    this.context = context;
    this.connection = connection;
    this.autoCommit = autoCommit;
    this.dialect = dialect;
    this.versionTable = new VersionTable(context.schema(), context.versionTable(), dialect);
    this.currentSchema = currentSchema;
  }

  /** Opens a connection, inside the {@linkplain Context#currentSchema current schema} if one is set. */
  static Session open(Context context) {
    Connection connection = openConnection(context.connections());
    try {
      boolean autoCommit = connection.getAutoCommit();
      if (!autoCommit) {
        connection.setAutoCommit(true);
      }
      Dialect dialect = context.dialect(connection);
      Optional<CurrentSchema> schema = context.currentSchema()
          .map(name -> CurrentSchema.enter(dialect, connection, name));
      return new Session(context, connection, autoCommit, dialect, schema);
    } catch (SQLException | RuntimeException e) {
      try {
        context.connections().close(connection);
      } catch (SQLException | RuntimeException closing) {
        e.addSuppressed(closing);
      }
      if (e instanceof RetortException retort) {
        throw retort;
      }
      throw new RetortException(ErrorCode.DATABASE_ERROR, "Could not prepare the connection: " + e.getMessage(), e);
    }
  }

  /**
   * What went wrong connecting, and what to check. {@link java.sql.DriverManager} reports a URL that no
   * driver on the class path takes with SQL state 08001 and "No suitable driver"; that needs a
   * driver, not a running database.
   */
  static String connectionFailure(Exception e) {
    String reason = String.valueOf(e.getMessage()).strip();
    if (reason.endsWith(".")) {
      reason = reason.substring(0, reason.length() - 1);
    }
    if (e instanceof SQLException sql && "08001".equals(sql.getSQLState())) {
      if (reason.startsWith(DriverHint.NO_DRIVER)) {
        // The command line's and Maven's data source: the message already says what to do.
        return "Could not connect to the database: " + reason + ".";
      }
      String suitable = "No suitable driver found for ";
      if (reason.startsWith(suitable)) {
        return "Could not connect to the database: " + reason + ". " + DriverHint.NO_DRIVER + ". "
            + DriverHint.forUrl(reason.substring(suitable.length()).strip());
      }
    }
    if (reason.startsWith(SQLITE_CANNOT_OPEN)) {
      return "Could not connect to the database: " + reason + ". SQLite creates a missing database file, but not the"
          + " directory it goes in: create the directory first (Files.createDirectories), and check that this process"
          + " may write the directory and the file.";
    }
    return "Could not connect to the database: " + reason + ". Check the URL, user and password, and that the"
        + " database is running.";
  }

  /**
   * Points the connection back at its own schema, committed at once. A connection that cannot be is aborted, so
   * that a pool does not lend it to the application still pointing into the schema of the command.
   */
  private void restoreSchema(CurrentSchema schema) throws SQLException {
    connection.setAutoCommit(true);
    try {
      schema.restore();
    } catch (SQLException | RuntimeException e) {
      LoggerFactory.getLogger(Session.class).error("Could not point the connection back at its own schema after"
          + " working in " + context.currentSchema().orElseThrow() + "; aborting the connection so that it is not"
          + " used again", e);
      connection.abort(Runnable::run);
    }
  }

  /** Opens a connection from the source, or says what went wrong and what to check. */
  static Connection openConnection(ConnectionSource connections) {
    try {
      return connections.open();
    } catch (SQLException | RuntimeException e) {
      if (e instanceof RetortException retort) {
        throw retort;
      }
      throw new RetortException(ErrorCode.DATABASE_ERROR, connectionFailure(e), e);
    }
  }

  RevisionGraph graph() {
    return context.graph();
  }

  Advice advice() {
    return context.advice();
  }

  Connection connection() {
    return connection;
  }

  Dialect dialect() {
    return dialect;
  }

  VersionTable versionTable() {
    return versionTable;
  }

  /**
   * Reads the version table.
   *
   * @return the state, or empty if the table does not exist yet
   */
  Optional<DatabaseState> readState() {
    List<AppliedRevision> rows;
    try {
      rows = versionTable.read(connection());
    } catch (RetortException e) {
      // Reading first and looking for the table only on failure saves a metadata query on every start.
      if (!versionTable.exists(connection())) {
        return Optional.empty();
      }
      // Another process may have created it between the read and the look-up (a command that reads before it
      // takes the lock): read it again, and fail if that fails too.
      try {
        rows = versionTable.read(connection());
      } catch (RetortException again) {
        again.addSuppressed(e);
        throw again;
      }
    }
    return Optional.of(DatabaseState.of(rows, context.graph()));
  }

  /**
   * Runs work holding the migration lock, as {@link #underLock(Supplier)} does, unless taking the lock would create
   * a table (H2's lock table, on a database that has none yet): then the command first looks without the lock. A
   * command refused by that look, or that it finds with nothing to change, ends there and leaves the database
   * exactly as it was; one that changes something does it all again under the lock, which another process may
   * have taken meanwhile.
   *
   * @param look the command without the lock: its result if it changes nothing, empty if it would change
   *     something; it must not change anything
   * @param work what to do under the lock
   * @param <T> the result type
   * @return the result of the look or of the work
   */
  <T> T underLock(Supplier<Optional<T>> look, Supplier<T> work) {
    if (MigrationLocks.createsTable(dialect, connection, versionTable)) {
      Optional<T> unchanged;
      try {
        unchanged = look.get();
      } catch (RetortException e) {
        // A process that changes the database creates the lock table first: a look refused by what such a process
        // had half done is done again under the lock; one that no process can have disturbed stands.
        if (MigrationLocks.createsTable(dialect, connection, versionTable)) {
          throw e;
        }
        return underLock(work);
      }
      if (unchanged.isPresent()) {
        return unchanged.get();
      }
    }
    return underLock(work);
  }

  /**
   * Runs work holding the migration lock, with the connection prepared for schema changes
   * (see {@link Dialect#prepareConnection}). Waits for the lock up to the configured timeout.
   *
   * @param work what to do under the lock
   * @param <T> the result type
   * @return the work's result
   */
  <T> T underLock(Supplier<T> work) {
    Dialect.SessionRestore restore;
    try {
      restore = dialect.prepareConnection(connection);
    } catch (SQLException e) {
      throw new RetortException(ErrorCode.DATABASE_ERROR,
          "Could not prepare the connection for schema changes: " + e.getMessage(), e);
    }
    T result;
    try {
      MigrationLock lock = MigrationLocks.create(dialect, connection, context.connections(), versionTable);
      try {
        lock.acquire(context.lockTimeout());
        result = work.get();
      } finally {
        lock.close();
      }
    } catch (RuntimeException e) {
      try {
        restore.close();
      } catch (SQLException restoring) {
        e.addSuppressed(restoring);
      }
      throw e;
    }
    try {
      restore.close();
    } catch (SQLException e) {
      throw new RetortException(ErrorCode.DATABASE_ERROR,
          "Could not restore the connection's settings after migrating: " + e.getMessage(), e);
    }
    return result;
  }

  @Override
  public void close() {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
      if (currentSchema.isPresent()) {
        restoreSchema(currentSchema.get());
      }
      connection.setAutoCommit(autoCommit);
    } catch (SQLException e) {
      LoggerFactory.getLogger(Session.class).warn("Could not restore the connection's auto-commit mode", e);
    } finally {
      try {
        context.connections().close(connection);
      } catch (SQLException e) {
        LoggerFactory.getLogger(Session.class).warn("Could not close the connection", e);
      }
    }
  }
}
