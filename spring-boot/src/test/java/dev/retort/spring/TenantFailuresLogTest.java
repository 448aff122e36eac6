package dev.retort.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.fixtures.Library;
import dev.retort.runtime.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The log of a start-up over several tenants that all fail alike, as they do for a setting the database refuses:
 * the message and its stack trace once, then a line per tenant naming the first.
 */
@ExtendWith(OutputCaptureExtension.class)
class TenantFailuresLogTest {

  @Test
  void aFailureLikeAnEarlierTenantsIsLoggedOnce(CapturedOutput output) throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2)) {
      try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
        statement.execute("CREATE SCHEMA TENANT_A");
        statement.execute("CREATE SCHEMA TENANT_B");
        statement.execute("CREATE SCHEMA TENANT_C");
      }
      Retort retort = Retort.builder().url(db.url(), db.user(), db.password()).migrations(Library.revisions())
          .singleTransaction(true).build();
      RetortMigrationInitializer initializer = new RetortMigrationInitializer(retort, Retort::upgrade, false, false,
          List.of("tenant_*"));

      assertThatThrownBy(initializer::afterPropertiesSet).isInstanceOf(RetortException.class)
          .hasMessageContaining("single transaction on H2");

      String log = output.getAll();
      assertThat(log.split("Cannot run the migrations in a single transaction on H2", -1)).as("the message once")
          .hasSize(2);
      assertThat(log).contains("Migrating schema TENANT_B failed as TENANT_A did, with the same message (above);"
          + " going on with the other schemas")
          .contains("Migrating schema TENANT_C failed as TENANT_A did")
          .contains("Migrated 0 of 3 schemas; 3 failed: TENANT_A, TENANT_B, TENANT_C.");
    }
  }

  /**
   * The failure that stops start-up, which "APPLICATION FAILED TO START" shows, is the first tenant's and says how
   * the others came out: a tenant that failed too is named there, not only in the log above it.
   */
  @Test
  void theFailureThatStopsStartUpNamesEveryTenantThatFailed() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2)) {
      try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
        statement.execute("CREATE SCHEMA TENANT_A");
        statement.execute("CREATE SCHEMA TENANT_B");
        statement.execute("CREATE SCHEMA TENANT_C");
        // A table of the first revision's, there before Retort: its migration fails in these two tenants.
        statement.execute("CREATE TABLE TENANT_A.\"authors\" (\"id\" INTEGER)");
        statement.execute("CREATE TABLE TENANT_C.\"authors\" (\"id\" INTEGER)");
      }
      Retort retort = Retort.builder().url(db.url(), db.user(), db.password()).migrations(Library.revisions())
          .build();
      RetortMigrationInitializer initializer = new RetortMigrationInitializer(retort, Retort::upgrade, false, false,
          List.of("tenant_*"));

      Throwable failure = catchThrowable(initializer::afterPropertiesSet);

      assertThat(failure).isInstanceOf(RetortException.class);
      String description = new RetortFailureAnalyzer().analyze(failure).getDescription();
      assertThat(description).contains("in schema TENANT_A")
          .endsWith("\nMigrated 1 of 3 schemas; 2 failed: TENANT_A, TENANT_C. Each failure is logged above.");
      assertThat(((RetortException) failure).code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
    }
  }
}
