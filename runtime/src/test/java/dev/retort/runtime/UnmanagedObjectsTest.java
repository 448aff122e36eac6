package dev.retort.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.fixtures.Library;
import dev.retort.runtime.testdb.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code unmanaged}: the tables and sequences a library creates for itself are left out of {@code check} and of
 * the baseline, on every database, in whatever case the database keeps their names; what the model declares is
 * compared whatever its name.
 */
class UnmanagedObjectsTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void checkLeavesOutTheUndeclaredObjectsThatAPatternNames(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Probe.retort(db, Library.revisions()).upgrade();
      createSchedulerTables(db);

      List<String> unfiltered = Probe.retort(db, Library.revisions()).check().differences();
      CheckResult filtered = retort(db, "qrtz_*", "SHEDLOCK").check();

      assertThat(unfiltered).map(d -> d.toLowerCase(Locale.ROOT)).containsExactlyInAnyOrderElementsOf(extras(kind));
      assertThat(filtered.differences()).isEmpty();
      assertThat(filtered.matches()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aDeclaredObjectIsComparedWhateverItsName(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Probe.retort(db, Library.revisions()).upgrade();
      Probe.execute(db, "DROP TABLE " + Probe.quote(db, "books"));

      assertThat(retort(db, "*").check().differences()).containsExactly("table books is missing");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aPatternThatMatchesNothingLeavesEveryDifference(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Probe.retort(db, Library.revisions()).upgrade();
      createSchedulerTables(db);

      assertThat(retort(db, "qrtz", "shed?ock_x").check().differences())
          .map(d -> d.toLowerCase(Locale.ROOT)).containsExactlyInAnyOrderElementsOf(extras(kind));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aDatabaseHoldingOnlyUnmanagedTablesIsUpgradedFromBaseDespiteTheBaseline(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      createSchedulerTables(db);

      MigrationResult result = Retort.builder().url(db.url(), db.user(), db.password())
          .migrations(Library.revisions()).baselineOnUpgrade("002").unmanaged("qrtz_*", "shedlock").build().upgrade();

      assertThat(result.baseline()).isEmpty();
      assertThat(result.runs()).extracting(MigrationRun::revision).containsExactly("001", "002", "003", "004");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void theBaselineNeitherCountsNorComparesUnmanagedTables(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Probe.retort(db, Library.revisions()).upgrade("002");
      Probe.execute(db, "DROP TABLE " + Probe.quote(db, "retort_version"));
      createSchedulerTables(db);

      MigrationResult result = Retort.builder().url(db.url(), db.user(), db.password())
          .migrations(Library.revisions()).baselineOnUpgrade("002").unmanaged("QRTZ_*", "shedlock").build().upgrade();

      assertThat(result.baseline()).hasValueSatisfying(
          baseline -> assertThat(baseline.tables()).containsExactly("authors", "books"));
      assertThat(result.runs()).extracting(MigrationRun::revision).containsExactly("003", "004");
    }
  }

  /**
   * Quartz's and ShedLock's tables as their scripts create them (unquoted, so H2 keeps them in upper case), a view
   * on one and a sequence.
   */
  private static void createSchedulerTables(TestDatabase db) {
    Probe.execute(db,
        "CREATE TABLE QRTZ_LOCKS (SCHED_NAME VARCHAR(120) NOT NULL, LOCK_NAME VARCHAR(40) NOT NULL,"
            + " PRIMARY KEY (SCHED_NAME, LOCK_NAME))",
        "CREATE TABLE shedlock (name VARCHAR(64) NOT NULL, lock_until TIMESTAMP NULL, PRIMARY KEY (name))",
        "CREATE VIEW qrtz_paused AS SELECT SCHED_NAME FROM QRTZ_LOCKS");
    if (hasSequences(db.kind())) {
      Probe.execute(db, "CREATE SEQUENCE qrtz_job_seq");
    }
  }

  private static List<String> extras(TestDatabase.Kind kind) {
    List<String> objects = new ArrayList<>(List.of("table qrtz_locks is in the database but not in the model",
        "table shedlock is in the database but not in the model",
        "view qrtz_paused is in the database but not in the model"));
    if (hasSequences(kind)) {
      objects.add("sequence qrtz_job_seq is in the database but not in the model");
    }
    return objects;
  }

  private static boolean hasSequences(TestDatabase.Kind kind) {
    return kind != TestDatabase.Kind.SQLITE;
  }

  private static Retort retort(TestDatabase db, String... unmanaged) {
    return Retort.builder().url(db.url(), db.user(), db.password()).migrations(Library.revisions())
        .unmanaged(unmanaged).build();
  }
}
