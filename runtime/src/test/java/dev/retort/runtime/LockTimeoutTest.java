package dev.retort.runtime;

import static dev.retort.runtime.Codes.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.Migration;
import dev.retort.RevisionInfo;
import dev.retort.dsl.Schema;
import dev.retort.runtime.testdb.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** An upgrader that cannot get the lock in time gives up with nothing run. */
class LockTimeoutTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void waitingLongerThanTheTimeoutIsALockTimeout(TestDatabase.Kind kind) throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<RevisionInfo> revisions = List.of(Retort.revision("1", List.of(), () -> new Waiting(entered, release)));
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (TestDatabase db = TestDatabase.create(kind)) {
      Future<MigrationResult> holder = pool.submit(() -> Probe.retort(db, revisions).upgrade());
      assertThat(entered.await(60, TimeUnit.SECONDS)).as("the first upgrader started its migration").isTrue();
      Retort impatient = Retort.builder().url(db.url(), db.user(), db.password()).migrations(revisions)
          .lockTimeout(Duration.ofSeconds(1)).build();

      assertThatThrownBy(impatient::upgrade)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.LOCK_TIMEOUT))
          .hasMessageContaining("Timed out after 1 s waiting for the migration lock")
          .hasMessageContaining("lockTimeout");

      release.countDown();
      assertThat(holder.get(60, TimeUnit.SECONDS).runs()).hasSize(1);
      assertThat(impatient.upgrade().changed()).isFalse();
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  /** Signals that it runs, then waits to be released. */
  private static final class Waiting implements Migration {
    private final CountDownLatch entered;
    private final CountDownLatch release;

    Waiting(CountDownLatch entered, CountDownLatch release) {
      this.entered = entered;
      this.release = release;
    }

    @Override
    public void upgrade(Schema schema) {
      schema.run("wait for the test", connection -> {
        entered.countDown();
        try {
          if (!release.await(120, TimeUnit.SECONDS)) {
            throw new SQLException("the test never released the migration");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SQLException("interrupted", e);
        }
      });
    }

    @Override
    public void downgrade(Schema schema) {}
  }
}
