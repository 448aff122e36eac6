package dev.retort.runtime;

import static dev.retort.runtime.Codes.code;
import static dev.retort.runtime.Probe.appliedIds;
import static dev.retort.runtime.Probe.execute;
import static dev.retort.runtime.Probe.retort;
import static dev.retort.runtime.Probe.tableExists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.fixtures.Failing;
import dev.retort.runtime.testdb.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A migration failing at its third statement: where DDL is transactional nothing of it
 * remains; elsewhere the version table stays exact and the error lists what had run.
 */
class FailingMigrationTest {

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"POSTGRESQL", "SQLITE"})
  void transactionalDdlRollsTheWholeMigrationBack(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = retort(db, Failing.revisions());

      assertThatThrownBy(retort::upgrade)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.MIGRATION_FAILED))
          .hasMessageContaining("revision 002 (" + Failing.FailsAtThirdStatement.class.getName() + ")")
          .hasMessageContaining("failed at statement 3 of 5")
          .hasMessageContaining("no_such_table")
          .hasMessageContaining("rolled back: nothing of revision 002 remains")
          .hasMessageContaining("the version table still says revision 001")
          .hasMessageContaining("Fix the migration, or the data it failed on, and run upgrade(\"head\") again.")
          .hasMessageNotContaining("before Retort")
          .hasMessageContaining("applied before it stay so: 001");

      assertThat(appliedIds(db)).containsExactly("001");
      assertThat(tableExists(db, "authors")).isTrue();
      assertThat(tableExists(db, "t1")).isFalse();
      assertThat(tableExists(db, "t2")).isFalse();
      assertThat(retort.current().revisions()).containsExactly("001");
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"MARIADB", "H2"})
  void nonTransactionalDdlKeepsTheVersionTableExactAndSaysWhatRan(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = retort(db, Failing.revisions());

      assertThatThrownBy(retort::upgrade)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.MIGRATION_FAILED))
          .hasMessageContaining("revision 002 (" + Failing.FailsAtThirdStatement.class.getName() + ")")
          .hasMessageContaining("failed at statement 3 of 5")
          .hasMessageContaining("no_such_table")
          .hasMessageContaining("partially migrated: statements 1 to 2 of revision 002 took effect")
          .hasMessageMatching("(?s).*\\n  1\\. CREATE TABLE .t1. .*\\n  2\\. CREATE TABLE .t2. .*")
          .hasMessageContaining("does not record revision 002")
          .hasMessageContaining("undo the statements above by hand and run upgrade(\"head\") again once the migration"
              + " is fixed; or run the remaining statements by hand and record the revision with stamp(\"002\").");

      assertThat(appliedIds(db)).containsExactly("001");
      assertThat(tableExists(db, "t1")).isTrue();
      assertThat(tableExists(db, "t2")).isTrue();
      assertThat(tableExists(db, "t3")).isFalse();
      assertThat(retort.current().revisions()).containsExactly("001");
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"MARIADB", "POSTGRESQL", "H2"})
  void aTableThatExistsAlreadyPointsAtStampingTheRevisionOfAnAdoptedDatabase(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      // As on a database adopted from Flyway and stamped one revision too early: t1 is there before 002 creates it.
      execute(db, kind == TestDatabase.Kind.MARIADB ? "CREATE TABLE `t1` (`id` INTEGER)" : "CREATE TABLE \"t1\" (\"id\" INTEGER)");
      Retort retort = retort(db, Failing.revisions());

      assertThatThrownBy(retort::upgrade)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.MIGRATION_FAILED))
          .hasMessageContaining("failed at statement 1 of 5")
          .hasMessageContaining("Fix the migration, or the data it failed on, and run upgrade(\"head\") again.")
          .hasMessageContaining("If the database had this object before Retort (a database adopted from another tool"
              + " and stamped at an earlier revision), the migration is right for a new database: leave it, and"
              + " record the revision on this one with stamp(\"002\").");

      assertThat(appliedIds(db)).containsExactly("001");
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"SQLITE", "H2"})
  void theFailureSaysWhatToRunNextInTheSyntaxOfTheFrontEnd(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = Retort.builder().url(db.url(), db.user(), db.password()).migrations(Failing.revisions())
          .commandSyntax(CommandSyntax.MAVEN).build();

      // 001 runs and 002 fails: going on means one revision more, not two.
      assertThatThrownBy(() -> retort.upgrade("+2"))
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.MIGRATION_FAILED))
          .hasMessageContaining(kind == TestDatabase.Kind.SQLITE
              ? "Fix the migration, or the data it failed on, and run 'mvn retort:upgrade -Dretort.target=+1' again."
              : "run 'mvn retort:upgrade -Dretort.target=+1' again once the migration is fixed; or run the remaining"
                  + " statements by hand and record the revision with 'mvn retort:stamp -Dretort.target=002'.")
          .hasMessageNotContaining("upgrade(")
          .hasMessageNotContaining("stamp(");
    }
  }
}
