package dev.retort.runtime.internal.execution;

import dev.retort.operation.Vendor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long a migration's statements wait for the locks they need on tables that other sessions use, and how often
 * a migration that waited too long is tried again. A DDL statement that waits for such a lock holds up every
 * session that asks for the table after it, so waiting briefly and trying again later keeps an application
 * answering while it migrates.
 *
 * <ul>
 *   <li>PostgreSQL: {@code SET LOCAL lock_timeout} at the start of each migration transaction, so that it ends with
 *       the transaction; statements outside a transaction ({@code CREATE INDEX CONCURRENTLY}) keep the session's
 *       own, since that one stops halfway with an invalid index. A timeout is SQLState {@code 55P03}.
 *   <li>MariaDB, MySQL: the session's {@code lock_wait_timeout} (metadata locks), in whole seconds, while the
 *       command migrates, then the value before. A timeout is error 1205.
 *   <li>H2: the session's {@code LOCK_TIMEOUT}, then the value before. A timeout is error 50200.
 *   <li>SQLite: nothing; the migration lock is the database's own, held for the whole command.
 * </ul>
 *
 * <p>A statement that timed out had no effect: PostgreSQL rolls back the migration's transaction (from its last
 * statement outside one), and the other databases refuse the statement before it changes anything; the migration
 * is tried again from there.
 *
 * @param vendor the database
 * @param timeout the longest wait of one statement
 * @param retries how many more times a migration that timed out is tried, after waiting as long again
 */
public record TableLocks(Vendor vendor, Duration timeout, int retries) {

  private static final String POSTGRES_LOCK_NOT_AVAILABLE = "55P03";
  private static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;
  private static final int H2_LOCK_TIMEOUT = 50200;

  /** Validates the components. */
  public TableLocks {
    Objects.requireNonNull(vendor, "vendor == null");
    Objects.requireNonNull(timeout, "timeout == null");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("table lock timeout must be positive: " + timeout);
    }
    if (retries < 0) {
      throw new IllegalArgumentException("table lock retries must be 0 or more: " + retries);
    }
  }

  /** Whether this database has a timeout to set. */
  boolean applies() {
    return vendor != Vendor.SQLITE;
  }

  /**
   * Sets the session's timeout where it is a session setting (H2, MariaDB, MySQL).
   *
   * @param connection the migration connection, in auto-commit mode
   * @return what sets the value back, to run once the command is done with the connection
   * @throws SQLException if the database refuses
   */
  public Restore applyToSession(Connection connection) throws SQLException {
    switch (vendor) {
      case H2 -> {
        long before = queryLong(connection, "SELECT LOCK_TIMEOUT()");
        execute(connection, "SET LOCK_TIMEOUT " + timeout.toMillis());
        return () -> execute(connection, "SET LOCK_TIMEOUT " + before);
      }
      case MARIADB, MYSQL -> {
        long before = queryLong(connection, "SELECT @@SESSION.lock_wait_timeout");
        execute(connection, "SET SESSION lock_wait_timeout = " + wholeSeconds());
        return () -> execute(connection, "SET SESSION lock_wait_timeout = " + before);
      }
      default -> {
        return () -> {};
      }
    }
  }

  /** The statement that starts each migration transaction: PostgreSQL's, which ends with the transaction. */
  Optional<String> transactionStatement() {
    return vendor == Vendor.POSTGRESQL
        ? Optional.of("SET LOCAL lock_timeout = '" + timeout.toMillis() + "ms'")
        : Optional.empty();
  }

  /** Whether a failure, or one of its causes, is this database's lock timeout. */
  boolean isTimeout(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && switch (vendor) {
        case POSTGRESQL -> POSTGRES_LOCK_NOT_AVAILABLE.equals(sql.getSQLState());
        case MARIADB, MYSQL -> sql.getErrorCode() == MYSQL_LOCK_WAIT_TIMEOUT;
        case H2 -> sql.getErrorCode() == H2_LOCK_TIMEOUT;
        default -> false;
      }) {
        return true;
      }
    }
    return false;
  }

  /** The timeout as the database takes it, for messages. */
  public String shown() {
    return vendor == Vendor.MARIADB || vendor == Vendor.MYSQL ? wholeSeconds() + " s" : display(timeout);
  }

  /** How to find the session that holds the lock, for the failure message. */
  String holderHint() {
    return switch (vendor) {
      case POSTGRESQL -> "SELECT pid, state, xact_start, query FROM pg_stat_activity WHERE pid = ANY"
          + " (pg_blocking_pids(<the migrating pid>)), or every session 'idle in transaction'";
      case MARIADB, MYSQL -> "SHOW PROCESSLIST, and information_schema.METADATA_LOCK_INFO on MariaDB"
          + " (performance_schema.metadata_locks on MySQL), for the transaction that has used the table";
      case H2 -> "SELECT * FROM INFORMATION_SCHEMA.SESSIONS, for the session whose transaction has used the table";
      default -> "";
    };
  }

  private long wholeSeconds() {
    long seconds = timeout.toSeconds();
    return timeout.equals(Duration.ofSeconds(seconds)) ? Math.max(1, seconds) : seconds + 1;
  }

  private static String display(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  private static long queryLong(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Sets a session value back. */
  @FunctionalInterface
  public interface Restore {
    /** Sets it back. */
    void restore() throws SQLException;
  }
}
