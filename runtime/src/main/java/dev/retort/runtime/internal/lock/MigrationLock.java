package dev.retort.runtime.internal.lock;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.internal.SqliteFileHint;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock that serialises migrating processes. Every implementation is released by the
 * database itself when the holding connection dies, so a killed process never leaves a stale
 * lock behind.
 *
 * <p>{@link #acquire} waits up to a timeout, logging that it waits; {@link #close} releases.
 */
public abstract class MigrationLock implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MigrationLock.class);

  /** How long one attempt may wait before the loop logs and tries again. */
  private static final Duration ATTEMPT = Duration.ofSeconds(1);

  /** How often a waiting process says it still waits. */
  private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

  private boolean held;

  /**
   * Tries to take the lock, waiting up to {@code wait} if the database can wait for it.
   *
   * @param wait the longest time to wait in this attempt
   * @return whether the lock is now held
   * @throws SQLException if the database fails
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  protected abstract boolean tryAcquire(Duration wait) throws SQLException, InterruptedException;

  /**
   * Releases the lock.
   *
   * @throws SQLException if the database fails
   */
  protected abstract void unlock() throws SQLException;

  /** The lock as messages name it, such as {@code PostgreSQL advisory lock 4711}. */
  public abstract String description();

  /** How a person finds who holds the lock, for the timeout message. */
  protected abstract String holderHint();

  /**
   * Takes the lock, waiting up to the timeout.
   *
   * @param timeout the longest time to wait
   * @throws RetortException {@link ErrorCode#LOCK_TIMEOUT} if the lock is not free in time,
   *     {@link ErrorCode#DATABASE_ERROR} if the database fails
   */
  public final void acquire(Duration timeout) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    long nextReport = 0;
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        Duration wait = Duration.ofNanos(Math.max(0, Math.min(left, ATTEMPT.toNanos())));
        if (tryAcquire(wait)) {
          held = true;
          if (nextReport != 0) {
            LOG.info("Acquired the migration lock ({}) after waiting {} ms", description(),
                Duration.ofNanos(System.nanoTime() - start).toMillis());
          }
          return;
        }
        long now = System.nanoTime();
        if (now - deadline >= 0) {
          throw new RetortException(ErrorCode.LOCK_TIMEOUT,
              "Timed out after " + describe(timeout) + " waiting for the migration lock (" + description()
                  + "): another process is migrating this database, or hangs while doing so. " + holderHint()
                  + " The database releases the lock when the holder's connection closes. If migrations"
                  + " legitimately take longer, raise the lock timeout (Retort.builder().lockTimeout(...), the command line's --lock-timeout,"
                  + " or the Maven plugin's retort.lockTimeout).");
        }
        if (nextReport == 0) {
          LOG.info("Waiting for the migration lock ({}): another process is migrating this database;"
              + " giving up after {}", description(), describe(timeout));
          nextReport = now + REPORT_EVERY.toNanos();
        } else if (now - nextReport >= 0) {
          LOG.info("Still waiting for the migration lock ({}) after {} s", description(),
              Duration.ofNanos(now - start).toSeconds());
          nextReport = now + REPORT_EVERY.toNanos();
        }
      }
    } catch (SQLException e) {
      throw new RetortException(ErrorCode.DATABASE_ERROR,
          "Could not take the migration lock (" + description() + "): " + e.getMessage() + SqliteFileHint.of(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetortException(ErrorCode.LOCK_TIMEOUT,
          "Interrupted while waiting for the migration lock (" + description() + "); nothing was run.", e);
    }
  }

  /**
   * Releases the lock if it is held. A failure is logged, not thrown: the database releases
   * the lock anyway when the connection closes, and the command's own outcome matters more.
   */
  @Override
  public final void close() {
    try {
      if (held) {
        held = false;
        unlock();
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warn("Could not release the migration lock ({}); it is released when the connection closes",
          description(), e);
    } finally {
      dispose();
    }
  }

  /** Frees what the lock holds besides the lock itself, whether or not it was acquired. */
  protected void dispose() {}

  private static String describe(Duration duration) {
    if (duration.toMillis() < 1000) {
      return duration.toMillis() + " ms";
    }
    if (duration.toSeconds() < 120) {
      return duration.toSeconds() + " s";
    }
    return duration.toMinutes() + " min";
  }

  /** Sleeps for the shorter of {@code wait} and a short polling interval, for locks that cannot wait natively. */
  static void pause(Duration wait) throws InterruptedException {
    long millis = Math.min(wait.toMillis(), 50);
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }
}
