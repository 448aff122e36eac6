package dev.retort.runtime;

import static dev.retort.runtime.Codes.code;
import static dev.retort.runtime.Probe.quote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.RevisionInfo;
import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.SchemaModel;
import dev.retort.operation.AddColumn;
import dev.retort.runtime.fixtures.Library;
import dev.retort.runtime.internal.execution.Planner;
import dev.retort.runtime.internal.graph.RevisionGraph;
import dev.retort.runtime.testdb.TestDatabase;
import dev.retort.snapshot.SnapshotCodec;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code baselineOnUpgrade}: the first upgrade of a database that exists records the baseline
 * itself, once the database's tables match it, on every database.
 */
class BaselineOnUpgradeTest {

  private static final String FLYWAY = "flyway_schema_history";

  @TempDir
  Path resources;

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aMatchingDatabaseIsStampedAtTheBaselineAndUpgradedFromThere(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      createLibraryAtTwo(db, true);
      createFlywayHistory(db);

      MigrationResult result = withBaseline(db, "002").upgrade();

      assertThat(result.baseline()).hasValueSatisfying(baseline -> {
        assertThat(baseline.target()).isEqualTo("002");
        assertThat(baseline.revisions()).containsExactly("002");
        assertThat(baseline.recorded()).containsExactly("001", "002");
        assertThat(baseline.tables()).containsExactly("authors", "books");
        assertThat(baseline.otherToolsTables()).containsExactly(FLYWAY);
      });
      assertThat(result.createdVersionTable()).hasValue("retort_version");
      assertThat(result.before()).isEmpty();
      assertThat(result.runs()).extracting(MigrationRun::revision).containsExactly("003", "004");
      assertThat(result.after()).containsExactly("004");
      assertThat(Probe.versionRows(db)).extracting(Probe.Row::revision).containsExactly("001", "002", "003", "004");
      assertThat(Probe.versionRows(db)).extracting(Probe.Row::executed).containsExactly(false, false, true, true);
      assertThat(Probe.columnExists(db, "authors", "born")).isTrue();
      assertThat(Probe.retort(db, Library.revisions()).check().differences())
          .containsExactly("table " + FLYWAY + " is in the database but not in the model");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aDatabaseThatDiffersIsRefusedAndLeftAsItWas(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      createLibraryAtTwo(db, false);
      createFlywayHistory(db);
      List<String> tables = Probe.tables(db);

      assertThatThrownBy(() -> withBaseline(db, "002").upgrade())
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.BASELINE_MISMATCH))
          .hasMessageContaining("no version table and 2 tables, which differ from revision 002")
          .hasMessageContaining("\n  - column books.title is missing")
          .hasMessageNotContaining(FLYWAY)
          .hasMessageContaining("Nothing was changed")
          .hasMessageContaining("stamp(\"002\")");

      // Nothing at all: neither the version table nor, on H2, the table of the lock.
      assertThat(Probe.tables(db)).isEqualTo(tables);
      assertThat(Probe.columns(db, "books")).map(String::toLowerCase).containsExactly("id", "author_id");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void anEmptyDatabaseIsUpgradedFromBase(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      createFlywayHistory(db);

      MigrationResult result = withBaseline(db, "002").upgrade();

      assertThat(result.baseline()).isEmpty();
      assertThat(result.runs()).extracting(MigrationRun::revision).containsExactly("001", "002", "003", "004");
      assertThat(Probe.versionRows(db)).extracting(Probe.Row::executed).containsOnly(true);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aDatabaseWithAVersionTableIgnoresTheSetting(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Probe.retort(db, Library.revisions()).upgrade("001");

      MigrationResult result = withBaseline(db, "003").upgrade();

      assertThat(result.baseline()).isEmpty();
      assertThat(result.createdVersionTable()).isEmpty();
      assertThat(result.runs()).extracting(MigrationRun::revision).containsExactly("002", "003", "004");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void afterAFirstUpgradeThatFailedWithoutTheSettingItAdoptsTheDatabase(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      createLibraryAtTwo(db, true);

      assertThatThrownBy(() -> Probe.retort(db, Library.revisions()).upgrade())
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.MIGRATION_FAILED))
          .hasMessageContaining("already exists");

      // The failed upgrade leaves its version table behind, empty: that records nothing, as no table does.
      assertThat(Probe.tables(db)).contains("retort_version");
      assertThat(Probe.appliedIds(db)).isEmpty();

      MigrationResult result = withBaseline(db, "002").upgrade();

      assertThat(result.baseline()).map(Baseline::recorded).hasValue(List.of("001", "002"));
      assertThat(result.runs()).extracting(MigrationRun::revision).containsExactly("003", "004");
      assertThat(Probe.appliedIds(db)).containsExactly("001", "002", "003", "004");
    }
  }

  @Test
  void anUnknownBaselineIsAnErrorBeforeAnythingRuns() {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2)) {
      createLibraryAtTwo(db, true);
      Retort.Builder builder = Retort.builder().url(db.url(), db.user(), db.password())
          .migrations(Library.revisions()).baselineOnUpgrade("009");

      assertThatThrownBy(builder::build)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.UNKNOWN_REVISION))
          .hasMessageContaining("The baseline to record on upgrade is wrong: No revision 009");
      assertThatThrownBy(() -> Retort.builder().offline().migrations(Library.revisions()).baselineOnUpgrade("base")
          .build())
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.INVALID_TARGET));
      assertThat(Probe.tables(db)).containsExactly("authors", "books");
    }
  }

  @Test
  void headIsABaselineAsForStamp() {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort.builder().url(db.url(), db.user(), db.password()).migrations(Library.revisions())
          .versionTable("scratch_version").build().upgrade();
      Probe.execute(db, "DROP TABLE \"scratch_version\"");

      MigrationResult result = withBaseline(db, "head").upgrade();

      assertThat(result.baseline()).map(Baseline::recorded).hasValue(List.of("001", "002", "003", "004"));
      assertThat(result.runs()).isEmpty();
      assertThat(result.after()).containsExactly("004");
    }
  }

  @Test
  void theBaselinesSnapshotIsWhatTheTablesAreComparedWith() throws IOException {
    String snapshot = "db/library/002.schema";
    SchemaModel atTwo = Planner.modelOf(RevisionGraph.of(Library.revisions()), Set.of("001", "002"));
    Path file = resources.resolve(snapshot);
    Files.createDirectories(file.getParent());
    Files.writeString(file, SnapshotCodec.write(
        atTwo.apply(new AddColumn("authors", ColumnModel.of("country", ColumnType.varchar(2))))));
    List<RevisionInfo> revisions = new ArrayList<>(Library.revisions());
    RevisionInfo two = revisions.get(1);
    revisions.set(1, new RevisionInfo(two.id(), two.parents(), "create books", snapshot, two.migration()));

    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2);
        URLClassLoader loader =
            new URLClassLoader(new URL[] {resources.toUri().toURL()}, getClass().getClassLoader())) {
      createLibraryAtTwo(db, true);
      Retort retort = Retort.builder().url(db.url(), db.user(), db.password()).migrations(revisions)
          .classLoader(loader).baselineOnUpgrade("002").build();

      assertThatThrownBy(retort::upgrade)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.BASELINE_MISMATCH))
          .hasMessageContaining("compared with its snapshot " + snapshot)
          .hasMessageContaining("country");
    }
  }

  @Test
  void concurrentUpgradersRecordTheBaselineOnce() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
      createLibraryAtTwo(db, true);
      int upgraders = 4;
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService threads = Executors.newFixedThreadPool(upgraders);
      List<Future<MigrationResult>> results = new ArrayList<>();
      try {
        for (int i = 0; i < upgraders; i++) {
          Retort retort = withBaseline(db, "002");
          results.add(threads.submit(() -> {
            start.await();
            return retort.upgrade();
          }));
        }
        start.countDown();
        List<Optional<Baseline>> baselines = new ArrayList<>();
        List<String> ran = new ArrayList<>();
        for (Future<MigrationResult> result : results) {
          baselines.add(result.get().baseline());
          result.get().runs().forEach(run -> ran.add(run.revision()));
        }

        assertThat(baselines).filteredOn(Optional::isPresent).hasSize(1);
        assertThat(ran).containsExactly("003", "004");
        assertThat(Probe.appliedIds(db)).containsExactly("001", "002", "003", "004");
      } finally {
        threads.shutdownNow();
      }
    }
  }

  private static Retort withBaseline(TestDatabase db, String baseline) {
    return Retort.builder().url(db.url(), db.user(), db.password()).migrations(Library.revisions())
        .lockTimeout(Duration.ofSeconds(60)).baselineOnUpgrade(baseline).build();
  }

  /** The library's tables at revision 002, by plain SQL; {@code books.title} left out unless asked. */
  private static void createLibraryAtTwo(TestDatabase db, boolean withTitle) {
    Probe.execute(db,
        "CREATE TABLE " + quote(db, "authors") + " (" + quote(db, "id") + " BIGINT NOT NULL, " + quote(db, "name")
            + " VARCHAR(100) NOT NULL, CONSTRAINT " + quote(db, "pk_authors") + " PRIMARY KEY (" + quote(db, "id")
            + "))",
        "CREATE TABLE " + quote(db, "books") + " (" + quote(db, "id") + " BIGINT NOT NULL, " + quote(db, "author_id")
            + " BIGINT NOT NULL, " + (withTitle ? quote(db, "title") + " VARCHAR(200) NOT NULL, " : "")
            + "CONSTRAINT " + quote(db, "pk_books") + " PRIMARY KEY (" + quote(db, "id") + "), CONSTRAINT "
            + quote(db, "fk_books_author") + " FOREIGN KEY (" + quote(db, "author_id") + ") REFERENCES "
            + quote(db, "authors") + " (" + quote(db, "id") + "))");
  }

  /** Flyway's history table, as Flyway leaves it behind. */
  private static void createFlywayHistory(TestDatabase db) {
    Probe.execute(db, "CREATE TABLE " + quote(db, FLYWAY) + " (" + quote(db, "installed_rank") + " INTEGER NOT NULL"
        + " PRIMARY KEY, " + quote(db, "version") + " VARCHAR(50))");
  }
}
