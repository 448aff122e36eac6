package dev.retort.runtime.internal.lock;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import org.jdbi.v3.core.Handle;

/**
 * PostgreSQL: a session-level advisory lock on the migration connection. It survives the
 * commits of each migration's transaction and is released when the session ends, however it
 * ends. Advisory locks are per database, so the key only needs to tell version tables apart.
 */
final class PostgresAdvisoryLock extends MigrationLock {

  private final Handle handle;
  private final long key;

  PostgresAdvisoryLock(Handle handle, String versionTable) {
    this.handle = handle;
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
      Boolean acquired = handle.createQuery("SELECT pg_try_advisory_lock(?)").bind(0, key).mapTo(Boolean.class).one();
      if (Boolean.TRUE.equals(acquired)) {
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
  protected void unlock() {
    handle.createQuery("SELECT pg_advisory_unlock(?)").bind(0, key).mapTo(Boolean.class).one();
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
