package dev.retort.runtime.internal.lock;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * PostgreSQL: a session-level advisory lock on the migration connection. It survives the
 * commits of each migration's transaction and is released when the session ends, however it
 * ends. Advisory locks are per database, so the key only needs to tell version tables apart.
 */
final class PostgresAdvisoryLock extends MigrationLock {

  private final Connection connection;
  private final long key;

  PostgresAdvisoryLock(Connection connection, String versionTable) {
    this.connection = connection;
    this.key = key(versionTable);
  }

  /** The first eight bytes of SHA-256 over the version table's name. */
  static long key(String versionTable) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(("retort:" + versionTable).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  @Override
  protected boolean tryAcquire(Duration wait) throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      if (call("SELECT pg_try_advisory_lock(?)")) {
        return true;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      pause(Duration.ofNanos(left));
    }
  }

  @Override
  protected void unlock() throws SQLException {
    call("SELECT pg_advisory_unlock(?)");
  }

  private boolean call(String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, key);
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }

  @Override
  public String description() {
    return "PostgreSQL advisory lock " + key;
  }

  @Override
  protected String holderHint() {
    return "SELECT pid, application_name, client_addr, state, query_start FROM pg_locks JOIN pg_stat_activity"
        + " USING (pid) WHERE locktype = 'advisory' AND classid = " + (key >>> 32) + " AND objid = "
        + (key & 0xFFFFFFFFL) + " shows the holder.";
  }
}
