package dev.retort.runtime.reliability;

import static dev.retort.runtime.Probe.appliedIds;
import static dev.retort.runtime.Probe.retort;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.MigrationRun;
import dev.retort.runtime.fixtures.Counted;
import dev.retort.runtime.testdb.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Eight upgraders at once apply each revision exactly once. */
class ConcurrentUpgradeTest {

  private static final int UPGRADERS = 8;

  @TempDir
  Path logs;

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void eightThreadsApplyEachRevisionExactlyOnce(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      ExecutorService pool = Executors.newFixedThreadPool(UPGRADERS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<MigrationResult>> futures = new ArrayList<>();
      try {
        for (int i = 0; i < UPGRADERS; i++) {
          futures.add(pool.submit(() -> {
            start.await();
            return retort(db, Counted.revisions()).upgrade();
          }));
        }
        start.countDown();
        List<String> applied = new ArrayList<>();
        for (Future<MigrationResult> future : futures) {
          future.get(120, TimeUnit.SECONDS).runs().forEach(run -> applied.add(run.revision()));
        }

        assertThat(applied).containsExactlyInAnyOrderElementsOf(RunLog.eachOnce());
        assertThat(RunLog.read(db)).isEqualTo(RunLog.eachOnce());
        assertThat(appliedIds(db)).isEqualTo(RunLog.eachOnce());
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"POSTGRESQL", "MARIADB"})
  void eightProcessesApplyEachRevisionExactlyOnce(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      List<Process> processes = new ArrayList<>();
      List<Path> outputs = new ArrayList<>();
      try {
        for (int i = 0; i < UPGRADERS; i++) {
          Path output = logs.resolve("upgrader-" + i + ".log");
          outputs.add(output);
          processes.add(Upgraders.start(db, output));
        }
        List<String> applied = new ArrayList<>();
        for (int i = 0; i < UPGRADERS; i++) {
          assertThat(processes.get(i).waitFor(180, TimeUnit.SECONDS)).as("upgrader %d finished", i).isTrue();
          String output = Files.readString(outputs.get(i));
          assertThat(processes.get(i).exitValue()).as("exit code of upgrader %d:%n%s", i, output).isZero();
          applied.addAll(Upgraders.applied(output));
        }

        assertThat(applied).containsExactlyInAnyOrderElementsOf(RunLog.eachOnce());
        assertThat(RunLog.read(db)).isEqualTo(RunLog.eachOnce());
        assertThat(appliedIds(db)).isEqualTo(RunLog.eachOnce());
      } finally {
        processes.forEach(Process::destroyForcibly);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"POSTGRESQL", "MARIADB"})
  void killingTheLockHolderLetsTheNextUpgraderFinishWithNothingHalfRecorded(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Path signal = logs.resolve("holding-the-lock");
      Path output = logs.resolve("holder.log");
      Process holder = Upgraders.start(db, output, "-D" + Counted.BLOCK_PROPERTY + "=" + signal);
      ExecutorService pool = Executors.newSingleThreadExecutor();
      try {
        Upgraders.awaitFile(signal, holder, output);
        Future<MigrationResult> next = pool.submit(() -> retort(db, Counted.revisions()).upgrade());
        assertThat(Upgraders.finishesWithin(next, 1)).as("an upgrade finished while another held the lock").isFalse();

        holder.destroyForcibly();
        assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        MigrationResult result = next.get(120, TimeUnit.SECONDS);

        assertThat(result.runs()).extracting(MigrationRun::revision)
            .containsExactly(Counted.BLOCKING_REVISION, "r4", "r5", "r6");
        assertThat(RunLog.read(db)).isEqualTo(RunLog.eachOnce());
        assertThat(appliedIds(db)).isEqualTo(RunLog.eachOnce());
      } finally {
        holder.destroyForcibly();
        pool.shutdownNow();
      }
    }
  }

  /** Starts and watches {@link UpgraderMain} processes. */
  private static final class Upgraders {

    private Upgraders() {}

    static Process start(TestDatabase db, Path output, String... jvmOptions) throws IOException {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-XX:TieredStopAtLevel=1");
      command.addAll(List.of(jvmOptions));
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), UpgraderMain.class.getName(),
          db.url(), db.user(), db.password()));
      return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    static List<String> applied(String output) {
      return output.lines().filter(line -> line.startsWith("applied:"))
          .flatMap(line -> List.of(line.substring("applied:".length()).split(",")).stream())
          .filter(id -> !id.isEmpty())
          .toList();
    }

    static void awaitFile(Path file, Process process, Path output) throws Exception {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (!Files.exists(file)) {
        if (!process.isAlive()) {
          throw new AssertionError("the upgrader exited before blocking:\n" + Files.readString(output));
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the upgrader did not reach the blocking revision:\n" + Files.readString(output));
        }
        Thread.sleep(50);
      }
    }

    static boolean finishesWithin(Future<?> future, long seconds) throws Exception {
      try {
        future.get(seconds, TimeUnit.SECONDS);
        return true;
      } catch (TimeoutException e) {
        return false;
      }
    }
  }
}
