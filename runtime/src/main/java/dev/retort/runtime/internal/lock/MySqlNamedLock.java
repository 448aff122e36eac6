package dev.retort.runtime.internal.lock;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * MySQL and MariaDB: a named lock ({@code GET_LOCK}) on the migration connection. Named locks
 * are server-wide and belong to the session, so the name includes the database, and the server
 * releases the lock when the session ends.
 */
final class MySqlNamedLock extends MigrationLock {

  /** MySQL rejects longer lock names. */
  private static final int MAX_NAME = 64;

  private final Connection connection;
  private final String name;

  MySqlNamedLock(Connection connection, String database, String versionTable) {
    this.connection = connection;
    this.name = name(database, versionTable);
  }

  /** {@code retort:database.table}, or a digest of it when that is too long. */
  static String name(String database, String versionTable) {
    String readable = "retort:" + database + "." + versionTable;
    if (readable.length() <= MAX_NAME) {
      return readable;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(readable.getBytes(StandardCharsets.UTF_8));
      return "retort:" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  @Override
  protected boolean tryAcquire(Duration wait) throws SQLException, InterruptedException {
    int seconds = (int) Math.min(wait.toSeconds(), Integer.MAX_VALUE);
    int acquired;
    try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
      statement.setString(1, name);
      statement.setInt(2, seconds);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        acquired = result.getInt(1);
        if (result.wasNull()) {
          throw new SQLException("GET_LOCK('" + name + "') returned NULL: the server could not take the lock");
        }
      }
    }
    if (acquired == 1) {
      return true;
    }
    if (seconds == 0) {
      pause(wait);
    }
    return false;
  }

  @Override
  protected void unlock() throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
      statement.setString(1, name);
      statement.executeQuery().close();
    }
  }

  @Override
  public String description() {
    return "named lock '" + name + "'";
  }

  @Override
  protected String holderHint() {
    return "SELECT IS_USED_LOCK('" + name + "') gives the connection id of the holder; SHOW PROCESSLIST shows"
        + " what it does.";
  }
}
