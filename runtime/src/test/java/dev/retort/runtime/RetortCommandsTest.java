package dev.retort.runtime;

import static dev.retort.runtime.Codes.code;
import static dev.retort.runtime.Probe.appliedIds;
import static dev.retort.runtime.Probe.columnExists;
import static dev.retort.runtime.Probe.retort;
import static dev.retort.runtime.Probe.tableExists;
import static dev.retort.runtime.Probe.versionRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.fixtures.Edited;
import dev.retort.runtime.fixtures.Library;
import dev.retort.runtime.testdb.TestDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every command and target form, on every database. */
class RetortCommandsTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void upgradeAppliesEveryRevisionOnceAndRecordsItExactly(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = retort(db, Library.revisions());
      Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

      MigrationResult result = retort.upgrade();

      assertThat(result.runs()).extracting(MigrationRun::revision).containsExactly("001", "002", "003", "004");
      assertThat(result.runs()).allSatisfy(run -> assertThat(run.direction()).isEqualTo(Direction.UPGRADE));
      assertThat(result.before()).isEmpty();
      assertThat(result.after()).containsExactly("004");
      assertThat(versionRows(db)).containsExactly(
          new Probe.Row("001", retort.show("001").checksum(), true),
          new Probe.Row("002", retort.show("002").checksum(), true),
          new Probe.Row("003", retort.show("003").checksum(), true),
          new Probe.Row("004", retort.show("004").checksum(), true));
      assertThat(retort.current().applied()).allSatisfy(row -> {
        assertThat(row.appliedAt()).isAfterOrEqualTo(before).isBeforeOrEqualTo(Instant.now());
        assertThat(row.executionTime()).isPresent();
      });
      assertThat(retort.current().applied()).extracting(AppliedRevision::description)
          .containsExactly("CreateAuthors", "CreateBooks", "AddAuthorsBorn", "IndexBooksTitle");
      assertThat(tableExists(db, "books")).isTrue();
      assertThat(columnExists(db, "authors", "born")).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void onlyTheUpgradeThatCreatedTheVersionTableSaysSo(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = retort(db, Library.revisions());

      MigrationResult first = retort.upgrade("+1");
      MigrationResult second = retort.upgrade("+1");
      MigrationResult down = retort.downgrade("base");
      MigrationResult fromBase = retort.upgrade();
      MigrationResult atHead = retort.upgrade();

      assertThat(first.createdVersionTable()).hasValue("retort_version");
      // An empty version table is not a missing one: the upgrade from base after a downgrade creates nothing.
      assertThat(List.of(second, down, fromBase, atHead))
          .allSatisfy(result -> assertThat(result.createdVersionTable()).isEmpty());
      assertThat(fromBase.before()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void upgradeAtHeadRunsNothing(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = retort(db, Library.revisions());
      retort.upgrade();
      List<Probe.Row> rows = versionRows(db);

      MigrationResult again = retort.upgrade("head");

      assertThat(again.changed()).isFalse();
      assertThat(again.before()).containsExactly("004").isEqualTo(again.after());
      assertThat(versionRows(db)).isEqualTo(rows);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void relativeTargetsMoveByRevisions(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = retort(db, Library.revisions());

      assertThat(retort.upgrade("+2").after()).containsExactly("002");
      assertThat(appliedIds(db)).containsExactly("001", "002");
      assertThat(retort.upgrade("+1").runs()).extracting(MigrationRun::revision).containsExactly("003");
      assertThat(columnExists(db, "authors", "born")).isTrue();

      MigrationResult back = retort.downgrade("-2");

      assertThat(back.runs()).extracting(MigrationRun::revision).containsExactly("003", "002");
      assertThat(back.runs()).allSatisfy(run -> assertThat(run.direction()).isEqualTo(Direction.DOWNGRADE));
      assertThat(back.after()).containsExactly("001");
      assertThat(appliedIds(db)).containsExactly("001");
      assertThat(tableExists(db, "books")).isFalse();
      assertThat(columnExists(db, "authors", "born")).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void revisionTargetsByIdAndPrefixAndBase(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = retort(db, Library.revisions());

      retort.upgrade("003");
      assertThat(appliedIds(db)).containsExactly("001", "002", "003");
      retort.downgrade("001");
      assertThat(appliedIds(db)).containsExactly("001");
      retort.upgrade("head");
      assertThat(appliedIds(db)).containsExactly("001", "002", "003", "004");

      MigrationResult base = retort.downgrade("base");

      assertThat(base.runs()).extracting(MigrationRun::revision).containsExactly("004", "003", "002", "001");
      assertThat(base.after()).isEmpty();
      assertThat(versionRows(db)).isEmpty();
      assertThat(tableExists(db, "authors")).isFalse();
      assertThat(tableExists(db, "retort_version")).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void targetsOutOfRangeAndUnknownAreErrorsThatRunNothing(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = retort(db, Library.revisions());
      retort.upgrade("+1");

      assertThatThrownBy(() -> retort.downgrade("-2"))
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.TARGET_OUT_OF_RANGE))
          .hasMessageContaining("past base");
      assertThatThrownBy(() -> retort.upgrade("+4"))
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.TARGET_OUT_OF_RANGE))
          .hasMessageContaining("only 3 revisions are pending: 002, 003, 004");
      assertThatThrownBy(() -> retort.upgrade("0"))
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.AMBIGUOUS_REVISION))
          .hasMessageContaining("001, 002, 003, 004");
      assertThatThrownBy(() -> retort.upgrade("005"))
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.UNKNOWN_REVISION))
          .hasMessageContaining("Did you mean");
      assertThatThrownBy(() -> retort.downgrade("003"))
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.INVALID_TARGET));
      assertThat(appliedIds(db)).containsExactly("001");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aRefusedTargetOnANewDatabaseCreatesNoVersionTable(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = retort(db, Library.revisions());

      assertThatThrownBy(() -> retort.upgrade("base"))
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.INVALID_TARGET));
      assertThatThrownBy(() -> retort.upgrade("-1"))
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.INVALID_TARGET));
      assertThatThrownBy(() -> retort.upgrade("+5"))
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.TARGET_OUT_OF_RANGE));
      assertThatThrownBy(() -> retort.stamp("+5"))
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.TARGET_OUT_OF_RANGE))
          .hasMessage("Cannot stamp +5: only 4 revisions are pending. Use stamp(\"head\") to record every revision.");
      assertThatThrownBy(() -> retort.stamp("-1"))
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.TARGET_OUT_OF_RANGE))
          .hasMessage("Cannot stamp -1: only 0 revisions are applied. Use stamp(\"base\") to record none.");

      // Not even H2's lock table: the database is left exactly as it was.
      assertThat(Probe.tables(db)).as("a refused command creates nothing").isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aDowngradeOfANewDatabaseRunsNothingAndCreatesNothing(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = retort(db, Library.revisions());

      MigrationResult result = retort.downgrade("base");

      assertThat(result.runs()).isEmpty();
      assertThat(result.after()).isEmpty();
      assertThat(Probe.tables(db)).isEmpty();
    }
  }

  /**
   * A version table written by an offline script, with no lock table beside it on H2: a command refused there
   * leaves the lock table out too.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aRefusedUpgradeOfADatabaseWithoutALockTableCreatesNone(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      retort(db, Library.revisions()).stamp("002");
      if (tableExists(db, "retort_version_lock")) {
        Probe.execute(db, "DROP TABLE " + Probe.quote(db, "retort_version_lock"));
      }
      List<String> tables = Probe.tables(db);

      assertThatThrownBy(() -> retort(db, Library.revisions().subList(0, 1)).upgrade())
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.DATABASE_AHEAD));
      assertThatThrownBy(() -> retort(db, Library.revisions()).stamp("+5"))
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.TARGET_OUT_OF_RANGE));

      assertThat(Probe.tables(db)).isEqualTo(tables).doesNotContain("retort_version_lock");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void currentAndHistoryReportWhatIsApplied(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = retort(db, Library.revisions());

      Current empty = retort.current();
      assertThat(empty.atBase()).isTrue();
      assertThat(empty.pending()).containsExactly("001", "002", "003", "004");
      assertThat(tableExists(db, "retort_version")).as("reading creates nothing").isFalse();

      retort.upgrade("002");
      Current current = retort.current();
      History history = retort.history();

      assertThat(current.revisions()).containsExactly("002");
      assertThat(current.head()).isEqualTo("004");
      assertThat(current.pending()).containsExactly("003", "004");
      assertThat(current.atHead()).isFalse();
      assertThat(history.entries()).extracting(HistoryEntry::revision).containsExactly("001", "002", "003", "004");
      assertThat(history.entries()).extracting(HistoryEntry::isApplied).containsExactly(true, true, false, false);
      assertThat(history.entries()).extracting(HistoryEntry::head).containsExactly(false, false, false, true);
      assertThat(history.entries().get(1).migrationClass()).isEqualTo(Library.CreateBooks.class.getName());
      assertThat(history.entries().get(1).parents()).containsExactly("001");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void stampRecordsWithoutRunningAndRemovesRows(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = retort(db, Library.revisions());

      StampResult adopted = retort.stamp("003");

      assertThat(adopted.recorded()).containsExactly("001", "002", "003");
      assertThat(adopted.after()).containsExactly("003");
      assertThat(versionRows(db)).extracting(Probe.Row::executed).containsExactly(false, false, false);
      assertThat(tableExists(db, "authors")).as("stamp runs no migration").isFalse();

      StampResult back = retort.stamp("-2");

      assertThat(back.removed()).containsExactly("003", "002");
      assertThat(appliedIds(db)).containsExactly("001");
      assertThat(retort.stamp("base").removed()).containsExactly("001");
      assertThat(versionRows(db)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aMigrationChangedAfterItWasAppliedIsCaughtByEveryCommand(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      retort(db, Library.revisions()).upgrade();
      Retort edited = retort(db, Edited.libraryWithEditedBooks());

      for (Runnable command : List.<Runnable>of(edited::upgrade, edited::current, edited::history,
          () -> edited.downgrade("-1"))) {
        assertThatThrownBy(command::run)
            .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.CHECKSUM_MISMATCH))
            .hasMessageContaining("revision 002 (" + Edited.CreateBooksWiderTitle.class.getName() + ")")
            .hasMessageContaining("restore the migration")
            .hasMessageContaining("stamp(\"004\")");
      }
      assertThat(appliedIds(db)).containsExactly("001", "002", "003", "004");

      StampResult repaired = edited.stamp("004");

      assertThat(repaired.checksumsUpdated()).containsExactly("002");
      assertThat(edited.current().atHead()).isTrue();
      assertThat(versionRows(db).get(1).checksum()).isEqualTo(edited.show("002").checksum());
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aTamperedChecksumInTheTableIsCaught(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = retort(db, Library.revisions());
      retort.upgrade();
      Probe.execute(db, "UPDATE " + Probe.quote(db, "retort_version") + " SET " + Probe.quote(db, "checksum")
          + " = '" + "0".repeat(64) + "' WHERE " + Probe.quote(db, "revision") + " = '003'");

      assertThatThrownBy(retort::current)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.CHECKSUM_MISMATCH))
          .hasMessageContaining("revision 003 (" + Library.AddAuthorsBorn.class.getName()
              + ") was applied with checksum " + "0".repeat(64));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aRelativeStampOnAVersionTableMissingAParentIsRefused(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = retort(db, Library.revisions());
      retort.upgrade();
      Probe.execute(db, "DELETE FROM " + Probe.quote(db, "retort_version") + " WHERE " + Probe.quote(db, "revision")
          + " = '002'");

      for (String relative : List.of("-1", "+1")) {
        assertThatThrownBy(() -> retort.stamp(relative))
            .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.INCONSISTENT_VERSION_TABLE))
            .hasMessageContaining("003 without its parent 002")
            .hasMessageContaining("record exactly those with stamp; if it has every revision up to the ones recorded"
                + " last, that is stamp(\"004\").");
      }
      assertThat(appliedIds(db)).containsExactly("001", "003", "004");

      assertThat(retort.stamp("004").recorded()).containsExactly("002");
      assertThat(retort.current().revisions()).containsExactly("004");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aDatabaseAheadOfTheCodeIsAnErrorListingTheUnknownRevisions(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      retort(db, Library.revisions()).upgrade();
      Retort older = retort(db, Edited.libraryUpTo(2));

      for (Runnable command : List.<Runnable>of(older::upgrade, older::current, () -> older.stamp("head"))) {
        assertThatThrownBy(command::run)
            .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.DATABASE_AHEAD))
            .hasMessageContaining("ahead of this code")
            .hasMessageContaining("003 (AddAuthorsBorn")
            .hasMessageContaining("004 (IndexBooksTitle")
            // The way back for a developer who switched to an older branch: the newer build's downgrade.
            .hasMessageContaining("To bring the database back to this code, run downgrade(\"002\") with the version"
                + " that has those revisions.");
      }
      assertThat(appliedIds(db)).containsExactly("001", "002", "003", "004");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void anIrreversibleMigrationFailsTheDowngradeBeforeAnythingRuns(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = retort(db, Edited.libraryWithIrreversible());
      retort.upgrade();

      assertThatThrownBy(() -> retort.downgrade("002"))
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.IRREVERSIBLE_MIGRATION))
          .hasMessageContaining("revision 005 (" + Edited.UppercaseNames.class.getName() + ")")
          .hasMessageContaining("Nothing was run");
      assertThat(appliedIds(db)).containsExactly("001", "002", "003", "004", "005");
      assertThat(columnExists(db, "authors", "born")).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void showAndHeadsDescribeTheHistory(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = retort(db, Library.revisions());

      RevisionDetails details = retort.show("002");

      assertThat(details.parents()).containsExactly("001");
      assertThat(details.children()).containsExactly("003");
      assertThat(details.migrationClass()).isEqualTo(Library.CreateBooks.class.getName());
      assertThat(details.upgrade()).hasSize(1);
      assertThat(details.downgrade()).hasValueSatisfying(ops -> assertThat(ops).hasSize(1));
      assertThat(details.checksum()).matches("[0-9a-f]{64}");
      assertThat(retort.show("head").revision()).isEqualTo("004");
      assertThat(retort.heads().revisions()).containsExactly("004");
    }
  }
}
