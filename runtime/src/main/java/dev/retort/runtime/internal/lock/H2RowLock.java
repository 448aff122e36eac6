package dev.retort.runtime.internal.lock;

import dev.retort.runtime.internal.connect.ConnectionSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * H2: a row lock ({@code SELECT ... FOR UPDATE}) on a one-row lock table, held by an open
 * transaction on a connection of its own. It cannot share the migration connection, because
 * every DDL statement there commits and would release it. H2 releases it when the connection
 * closes or its process ends.
 */
final class H2RowLock extends MigrationLock {

  private static final Logger LOG = LoggerFactory.getLogger(H2RowLock.class);

  /** H2's "Timeout trying to lock table" error. */
  private static final int LOCK_TIMEOUT = 50200;

  /** H2's unique-key violation, when two connections create the lock row at once. */
  private static final int DUPLICATE_KEY = 23505;

  private final ConnectionSource source;
  private final Connection connection;
  private final String table;
  private final String displayName;
  private final String id;
  private final boolean autoCommit;
  private final long lockTimeout;

  /**
   * Creates the lock table if needed.
   *
   * @param source where the connection comes from, and goes back to
   * @param connection a connection used only for the lock; given back by {@link #close()}
   * @param table the quoted, qualified name of the lock table
   * @param displayName the lock table's name for messages
   * @param id the quoted name of its one column
   */
  H2RowLock(ConnectionSource source, Connection connection, String table, String displayName, String id)
      throws SQLException {
    this.source = source;
    this.connection = connection;
    this.table = table;
    this.displayName = displayName;
    this.id = id;
    this.autoCommit = connection.getAutoCommit();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT LOCK_TIMEOUT()")) {
      rows.next();
      this.lockTimeout = rows.getLong(1);
    }
    connection.setAutoCommit(true);
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS " + table + " (" + id + " INT NOT NULL PRIMARY KEY)");
      statement.execute("INSERT INTO " + table + " (" + id + ") SELECT 1 WHERE NOT EXISTS (SELECT " + id
          + " FROM " + table + ")");
    } catch (SQLException e) {
      if (e.getErrorCode() != DUPLICATE_KEY) {
        throw e;
      }
    }
  }

  @Override
  protected boolean tryAcquire(Duration wait) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET LOCK_TIMEOUT " + wait.toMillis());
      connection.setAutoCommit(false);
      statement.executeQuery("SELECT " + id + " FROM " + table + " WHERE " + id + " = 1 FOR UPDATE").close();
      return true;
    } catch (SQLException e) {
      connection.rollback();
      connection.setAutoCommit(true);
      if (e.getErrorCode() == LOCK_TIMEOUT) {
        return false;
      }
      throw e;
    }
  }

  @Override
  protected void unlock() throws SQLException {
    connection.rollback();
    connection.setAutoCommit(true);
  }

  /** Gives the connection back with the lock timeout and in the auto-commit mode it came with, and closes it. */
  @Override
  protected void dispose() {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET LOCK_TIMEOUT " + lockTimeout);
      connection.setAutoCommit(autoCommit);
    } catch (SQLException e) {
      LOG.debug("Could not restore the lock timeout and auto-commit mode of the lock connection; closing it anyway",
          e);
    }
    try {
      source.close(connection);
    } catch (SQLException e) {
      LOG.debug("Could not close the lock connection", e);
    }
  }

  @Override
  public String description() {
    return "row lock on H2 table " + displayName;
  }

  @Override
  protected String holderHint() {
    return "SELECT * FROM INFORMATION_SCHEMA.SESSIONS shows the open sessions; an embedded H2 database is"
        + " normally locked by another thread of this process.";
  }
}
