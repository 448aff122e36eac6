package dev.retort.runtime;

import static dev.retort.runtime.Codes.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.RevisionInfo;
import dev.retort.runtime.fixtures.Library;
import dev.retort.runtime.testdb.TestDatabase;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code allowDatabaseAhead}: the previous version of an application starts on the database its newer version
 * migrated, and nothing else that a database ahead of the build means is let through. H2 looks before taking the
 * lock, SQLite only under it: both paths.
 */
class DatabaseAheadTest {

  /** The previous version's history: the newer one adds revision 004. */
  private static final List<RevisionInfo> PREVIOUS = Library.revisions().subList(0, 3);

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "SQLITE"})
  void thePreviousVersionStartsOnTheNewerSchemaWithoutTouchingIt(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Probe.retort(db, Library.revisions()).upgrade();

      MigrationResult result = previous(db, true).upgrade();

      assertThat(result.runs()).isEmpty();
      assertThat(result.before()).containsExactly("003");
      assertThat(result.after()).containsExactly("003");
      assertThat(result.changed()).isFalse();
      assertThat(Probe.appliedIds(db)).containsExactly("001", "002", "003", "004");
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "SQLITE"})
  void withoutTheSettingTheDatabaseAheadIsAnError(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Probe.retort(db, Library.revisions()).upgrade();

      assertThatThrownBy(() -> previous(db, false).upgrade())
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.DATABASE_AHEAD))
          .hasMessageContaining("records 1 revision that this build does not know: 004")
          .hasMessageContaining("let upgrade start on it with allowDatabaseAhead");
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "SQLITE"})
  void aDatabaseThatLacksARevisionOfThisBuildIsStillAnError(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      // Another branch: 001, 002 and its own 004, without this build's 003.
      List<RevisionInfo> otherBranch = List.of(Library.revisions().get(0), Library.revisions().get(1),
          Retort.revision("004", List.of("002"), Library.IndexBooksTitle::new));
      Probe.retort(db, otherBranch).upgrade();

      assertThatThrownBy(() -> previous(db, true).upgrade())
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.DATABASE_AHEAD))
          .hasMessageNotContaining("allowDatabaseAhead");
      assertThat(Probe.appliedIds(db)).containsExactly("001", "002", "004");
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "SQLITE"})
  void everyOtherCommandStillRefusesTheDatabaseAhead(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Probe.retort(db, Library.revisions()).upgrade();
      Retort previous = previous(db, true);

      assertThatThrownBy(() -> previous.downgrade("-1"))
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.DATABASE_AHEAD));
      assertThatThrownBy(previous::check)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.DATABASE_AHEAD));
      assertThatThrownBy(() -> previous.stamp("002"))
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.DATABASE_AHEAD));
      assertThat(Probe.appliedIds(db)).containsExactly("001", "002", "003", "004");
    }
  }

  private static Retort previous(TestDatabase db, boolean allowAhead) {
    return Retort.builder().url(db.url(), db.user(), db.password()).migrations(PREVIOUS)
        .allowDatabaseAhead(allowAhead).build();
  }
}
