package dev.retort.runtime;

import static dev.retort.runtime.Probe.appliedIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.fixtures.Library;
import dev.retort.runtime.testdb.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The progress listener: told of each migration once, as soon as the version table records it. */
class ProgressTest {

  private static Retort retort(TestDatabase db, Consumer<MigrationRun> progress) {
    return Retort.builder().url(db.url(), db.user(), db.password()).migrations(Library.revisions())
        .lockTimeout(Duration.ofSeconds(60)).progress(progress).build();
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "POSTGRESQL"})
  void eachMigrationIsToldOnceAsSoonAsItIsRecorded(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      List<MigrationRun> told = new ArrayList<>();
      List<List<String>> recordedWhenTold = new ArrayList<>();
      Retort retort = retort(db, run -> {
        told.add(run);
        recordedWhenTold.add(appliedIds(db));
      });

      MigrationResult up = retort.upgrade("+2");
      MigrationResult down = retort.downgrade("base");
      MigrationResult nothing = retort.downgrade("base");

      assertThat(told).containsExactlyElementsOf(concat(up.runs(), down.runs()));
      assertThat(told).extracting(MigrationRun::revision).containsExactly("001", "002", "002", "001");
      assertThat(recordedWhenTold).containsExactly(List.of("001"), List.of("001", "002"), List.of("001"), List.of());
      assertThat(nothing.runs()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "POSTGRESQL"})
  void aListenerThatThrowsEndsTheCommandAfterTheMigrationItWasToldOf(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = retort(db, run -> {
        throw new IllegalStateException("cannot print " + run.revision());
      });

      assertThatThrownBy(retort::upgrade).isInstanceOf(IllegalStateException.class).hasMessage("cannot print 001");

      assertThat(appliedIds(db)).containsExactly("001");
    }
  }

  private static List<MigrationRun> concat(List<MigrationRun> first, List<MigrationRun> second) {
    List<MigrationRun> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
