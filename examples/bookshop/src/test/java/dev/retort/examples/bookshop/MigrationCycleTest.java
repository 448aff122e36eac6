package dev.retort.examples.bookshop;

import dev.retort.runtime.Retort;
import dev.retort.runtime.testing.MigrationCycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bookshop's whole history, on every database it runs on: upgrade from base to head,
 * downgrade to base, upgrade again, and after each the live schema equals the model.
 */
class MigrationCycleTest {

  // tag::cycle[]
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void upgradesDowngradesAndUpgradesAgainToTheModel(TestDatabase.Kind kind) {
    try (TestDatabase database = TestDatabase.create(kind)) {
      DatabaseSettings settings = database.settings();
      Retort retort = Retort.builder().url(settings.url(), settings.user(), settings.password()).build();

      MigrationCycle.verify(retort);
    }
  }
  // end::cycle[]

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void everyRevisionUndoesExactlyWhatItDid(TestDatabase.Kind kind) {
    try (TestDatabase database = TestDatabase.create(kind)) {
      DatabaseSettings settings = database.settings();
      Retort retort = Retort.builder().url(settings.url(), settings.user(), settings.password()).build();

      MigrationCycle.verifyEachStep(retort);
    }
  }
}
