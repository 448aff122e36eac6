package dev.retort.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.Retort;
import dev.retort.runtime.fixtures.Validated;
import dev.retort.runtime.testdb.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * {@code retort.check-on-start} on PostgreSQL between the two releases of a constraint added not valid: start-up
 * goes on, and the log names the validation still to write.
 */
@ExtendWith(OutputCaptureExtension.class)
class CheckOnStartNotesTest {

  @Test
  void aConstraintLeftNotValidIsLoggedAndDoesNotStopStartUp(CapturedOutput output) {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
      Retort retort = Retort.builder().url(db.url(), db.user(), db.password())
          .migrations(Validated.revisions()).build();

      new RetortMigrationInitializer(retort, instance -> instance.upgrade("002"), true).afterPropertiesSet();

      assertThat(output.getAll()).contains("retort.check-on-start: ").contains("fk_books_author")
          .contains("validateConstraint");
    }
  }
}
