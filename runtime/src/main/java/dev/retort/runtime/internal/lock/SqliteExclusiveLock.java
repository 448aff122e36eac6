package dev.retort.runtime.internal.lock;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * SQLite: an exclusive transaction ({@code BEGIN EXCLUSIVE}) on the migration connection,
 * held for the whole command. Each migration runs in a savepoint inside it, so it stays
 * atomic; releasing the lock commits. SQLite ends the transaction, and with it the lock, when
 * the connection or its process ends.
 */
final class SqliteExclusiveLock extends MigrationLock {

  /** SQLITE_BUSY (the low byte of extended codes): another connection holds a conflicting lock. */
  private static final int BUSY = 5;

  private final Connection connection;
  private final String database;
  private Integer busyTimeout;

  SqliteExclusiveLock(Connection connection, String database) {
    this.connection = connection;
    this.database = database;
  }

  @Override
  protected boolean tryAcquire(Duration wait) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      if (busyTimeout == null) {
        try (ResultSet current = statement.executeQuery("PRAGMA busy_timeout")) {
          busyTimeout = current.next() ? current.getInt(1) : 0;
        }
      }
      statement.execute("PRAGMA busy_timeout = " + wait.toMillis());
      statement.execute("BEGIN EXCLUSIVE");
      return true;
    } catch (SQLException e) {
      if ((e.getErrorCode() & 0xFF) == BUSY) {
        return false;
      }
      throw e;
    }
  }

  @Override
  protected void unlock() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("COMMIT");
      statement.execute("PRAGMA busy_timeout = " + busyTimeout);
    }
  }

  @Override
  public String description() {
    return "exclusive transaction on SQLite database " + database;
  }

  @Override
  protected String holderHint() {
    return "Another connection, in this process or another, has the database file open in a transaction.";
  }
}
