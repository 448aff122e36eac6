package dev.retort.runtime.reliability;

import static dev.retort.runtime.Probe.appliedIds;
import static dev.retort.runtime.Probe.retort;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.MigrationRun;
import dev.retort.runtime.Probe;
import dev.retort.runtime.fixtures.Counted;
import dev.retort.runtime.fixtures.RebuildThenBlock;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Eight upgraders at once apply each revision exactly once; an upgrader killed mid-way leaves nothing half done. */
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

  /**
   * On SQLite the migration lock is an exclusive transaction, and each migration a savepoint inside it: a process
   * killed after a table rebuild has dropped the old table and copied its rows leaves a hot journal, which the next
   * connection rolls back, so the database is as it was before the command (docs/history.md, Transactions).
   */
  @Test
  void killedInTheMiddleOfASqliteTableRebuildTheDatabaseIsAsBeforeTheCommand() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      retort(db, RebuildThenBlock.revisions()).upgrade("k1");
      Probe.execute(db,
          "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)"
              + " INSERT INTO parent (id, name) SELECT i, 'parent ' || i FROM n",
          "INSERT INTO child (id, parent_id) SELECT id, id FROM parent");
      Path signal = logs.resolve("rebuilt");
      Path output = logs.resolve("holder.log");
      Process holder = Upgraders.start(db, "rebuild-then-block", output, "-D" + Counted.BLOCK_PROPERTY + "=" + signal);
      try {
        Upgraders.awaitFile(signal, holder, output);
        holder.destroyForcibly();
        assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
      } finally {
        holder.destroyForcibly();
      }
      Path file = Path.of(db.url().substring("jdbc:sqlite:".length()));
      assertThat(file.resolveSibling(file.getFileName() + "-journal")).as("the killed process's rollback journal")
          .exists();

      assertThat(appliedIds(db)).containsExactly("k1");
      assertThat(Probe.tables(db)).containsExactly("child", "parent", "retort_version");
      assertThat(Probe.strings(db, "SELECT sql FROM sqlite_master WHERE name = 'parent'"))
          .singleElement().asString().contains("VARCHAR(20)").doesNotContain("VARCHAR(200)");
      assertThat(Probe.strings(db, "SELECT count(*) || ' ' || sum(length(name)) FROM parent"))
          .containsExactly("1000 9893");
      assertThat(Probe.strings(db, "SELECT count(*) FROM child")).containsExactly("1000");
      assertThat(Probe.strings(db, "SELECT * FROM pragma_foreign_key_check")).isEmpty();

      assertThat(retort(db, RebuildThenBlock.revisions()).upgrade().after())
          .containsExactly(RebuildThenBlock.REBUILDING_REVISION);
      assertThat(Probe.strings(db, "SELECT count(*) FROM child")).containsExactly("1000");
    }
  }

  /** Starts and watches {@link UpgraderMain} processes. */
  private static final class Upgraders {

    private Upgraders() {}

    static Process start(TestDatabase db, Path output, String... jvmOptions) throws IOException {
      return start(db, "counted", output, jvmOptions);
    }

    /** Starts an upgrader that applies the history {@link UpgraderMain#HISTORIES} names. */
    static Process start(TestDatabase db, String history, Path output, String... jvmOptions) throws IOException {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-XX:TieredStopAtLevel=1");
      command.addAll(List.of(jvmOptions));
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), UpgraderMain.class.getName(),
          db.url(), db.user(), db.password(), history));
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
