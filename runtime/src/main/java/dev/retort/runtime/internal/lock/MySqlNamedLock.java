package dev.retort.runtime.internal.lock;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import org.jdbi.v3.core.Handle;

/**
 * MySQL and MariaDB: a named lock ({@code GET_LOCK}) on the migration connection. Named locks
 * are server-wide and belong to the session, so the name includes the database, and the server
 * releases the lock when the session ends.
 */
final class MySqlNamedLock extends MigrationLock {

  /** MySQL rejects longer lock names. */
  private static final int MAX_NAME = 64;

  private final Handle handle;
  private final String name;

  MySqlNamedLock(Handle handle, String database, String versionTable) {
    this.handle = handle;
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
    Integer acquired = handle.createQuery("SELECT GET_LOCK(?, ?)")
        .bind(0, name)
        .bind(1, seconds)
        .mapTo(Integer.class)
        .one();
    if (acquired == null) {
      throw new SQLException("GET_LOCK('" + name + "') returned NULL: the server could not take the lock");
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
  protected void unlock() {
    handle.createQuery("SELECT RELEASE_LOCK(?)").bind(0, name).mapTo(Integer.class).one();
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
