package dev.retort.runtime.testing;

import static dev.retort.runtime.Probe.retort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.Probe;
import dev.retort.runtime.Retort;
import dev.retort.runtime.fixtures.Leaky;
import dev.retort.runtime.fixtures.Library;
import dev.retort.runtime.testdb.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MigrationCycleTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aSoundHistoryPassesTheCycleAndEndsAtHead(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = retort(db, Library.revisions());

      MigrationCycle.verify(retort);

      assertThat(Probe.appliedIds(db)).containsExactly("001", "002", "003", "004");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aSoundHistoryPassesStepByStep(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      MigrationCycle.verifyEachStep(retort(db, Library.revisions()));

      assertThat(Probe.appliedIds(db)).containsExactly("001", "002", "003", "004");
    }
  }

  @Test
  void sqliteWithForeignKeysEnforcedPassesStepByStep() {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = Retort.builder().url(db.url() + "?foreign_keys=true", "", "").migrations(Library.revisions())
          .build();

      MigrationCycle.verifyEachStep(retort);

      assertThat(Probe.appliedIds(db)).containsExactly("001", "002", "003", "004");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aDowngradeThatLeavesATableBehindFails(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      assertThatThrownBy(() -> MigrationCycle.verify(retort(db, Leaky.revisions())))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("after the downgrade from head to base")
          .hasMessageContaining("audit");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void stepByStepNamesTheRevisionWhoseDowngradeLeaks(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      assertThatThrownBy(() -> MigrationCycle.verifyEachStep(retort(db, Leaky.revisions())))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("after the downgrade from 005 to 004")
          .hasMessageContaining("audit");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aDatabaseThatIsNotEmptyIsRefused(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = retort(db, Library.revisions());
      retort.upgrade("+1");

      assertThatThrownBy(() -> MigrationCycle.verify(retort))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("needs an empty database")
          .hasMessageContaining("001");
    }
  }
}
