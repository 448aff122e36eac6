package dev.retort.runtime.branches;

import static dev.retort.model.ColumnType.integer;
import static dev.retort.runtime.Codes.code;
import static dev.retort.runtime.Probe.appliedIds;
import static dev.retort.runtime.Probe.retort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.Migration;
import dev.retort.RevisionInfo;
import dev.retort.dsl.Schema;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.StampResult;
import dev.retort.runtime.testdb.TestDatabase;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ways out that errors name, on a database where one branch is applied and the other is
 * not merged yet: its current revisions are two, and a stamp of one of them would delete the
 * other branch's rows. History: {@code r}, then {@code a} and {@code b} after it, merged by
 * {@code m}; each creates its table.
 */
class BranchRepairTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aChecksumMismatchOnTwoBranchesNamesTheStampThatKeepsBoth(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      retort(db, history(() -> new BranchedHistory.CreatesItsTable("t_b"))).upgrade("a");
      retort(db, history(() -> new BranchedHistory.CreatesItsTable("t_b"))).upgrade("b");
      Retort edited = retort(db, history(WiderB::new));

      assertThatThrownBy(edited::current)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.CHECKSUM_MISMATCH))
          .hasMessageContaining("stamp(\"a\", \"b\"), the database's current revisions");
      StampResult repaired = edited.stamp("a", "b");

      assertThat(repaired.checksumsUpdated()).containsExactly("b");
      assertThat(repaired.recorded()).isEmpty();
      assertThat(repaired.removed()).isEmpty();
      assertThat(appliedIds(db)).containsExactly("a", "b", "r");
      assertThat(edited.current().revisions()).containsExactly("a", "b");
    }
  }

  /** On the databases that commit each DDL statement, a failed migration leaves part of it applied. */
  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "MARIADB"})
  void aFailedUpgradeOfOneBranchNamesTheStampThatKeepsTheOther(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = retort(db, history(FailsAfterItsTable::new));
      retort.upgrade("a");

      assertThatThrownBy(retort::upgrade)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.MIGRATION_FAILED))
          .hasMessageContaining("record the revision with stamp(\"a\", \"b\")");
      retort.stamp("a", "b");

      assertThat(appliedIds(db)).containsExactly("a", "b", "r");
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = "H2")
  void severalStampTargetsAreRevisions(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = retort(db, history(() -> new BranchedHistory.CreatesItsTable("t_b")));

      assertThat(retort.stamp("a", "r").after()).containsExactly("a");
      assertThat(retort.stamp("b", "head").after()).containsExactly("m");
      for (String other : List.of("base", "+1", "-1")) {
        assertThatThrownBy(() -> retort.stamp("a", other))
            .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.INVALID_TARGET))
            .hasMessageEndingWith("Stamp " + other + " alone, with stamp(\"" + other + "\").");
      }
      assertThatThrownBy(() -> retort.stamp("a", "x"))
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.UNKNOWN_REVISION));
      assertThat(appliedIds(db)).containsExactly("a", "b", "m", "r");
    }
  }

  private static List<RevisionInfo> history(Supplier<? extends Migration> b) {
    return List.of(
        Retort.revision("r", List.of(), () -> new BranchedHistory.CreatesItsTable("t_r")),
        Retort.revision("a", List.of("r"), () -> new BranchedHistory.CreatesItsTable("t_a")),
        Retort.revision("b", List.of("r"), b),
        Retort.revision("m", List.of("a", "b"), () -> new BranchedHistory.CreatesItsTable("t_m")));
  }

  /** Revision b edited after it was applied: its table has a second column. */
  static final class WiderB implements Migration {
    @Override
    public void upgrade(Schema schema) {
      schema.createTable("t_b", t -> t.column("id", integer()).column("extra", integer()));
    }

    @Override
    public void downgrade(Schema schema) {
      schema.dropTable("t_b");
    }
  }

  /** Revision b creating its table, then failing. */
  static final class FailsAfterItsTable implements Migration {
    @Override
    public void upgrade(Schema schema) {
      schema.createTable("t_b", t -> t.column("id", integer()));
      schema.execute("INSERT INTO no_such_table VALUES (1)");
    }

    @Override
    public void downgrade(Schema schema) {
      schema.dropTable("t_b");
    }
  }
}
