package dev.retort.spring.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.RetortException;
import dev.retort.spring.SchemaDriftException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A start-up that Retort stops fails with Retort's exception, and Spring Boot reports it as
 * "APPLICATION FAILED TO START" with Retort's message.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartUpFailureTest {

  private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";

  @Test
  void aRetortErrorIsReportedWithItsMessage(CapturedOutput output) throws SQLException {
    start().close();
    sql("DELETE FROM retort_version WHERE revision = '20261121_190131'");

    assertThatThrownBy(this::start).hasRootCauseInstanceOf(RetortException.class);
    assertThat(output.getErr()).contains("APPLICATION FAILED TO START")
        .contains("Retort could not bring the database up to date (INCONSISTENT_VERSION_TABLE)")
        .contains("The version table retort_version records 20261121_190158 without its parent 20261121_190131.")
        .contains("the troubleshooting page of Retort's guide explains INCONSISTENT_VERSION_TABLE");
  }

  @Test
  void driftIsReportedWithTheDifferences(CapturedOutput output) throws SQLException {
    start().close();
    sql("ALTER TABLE books ADD COLUMN edition INTEGER");

    assertThatThrownBy(this::start).hasRootCauseInstanceOf(SchemaDriftException.class);
    assertThat(output.getErr()).contains("APPLICATION FAILED TO START")
        .contains("The database differs from revision 20261121_190158")
        .contains("edition")
        .contains("set retort.check-on-start=false to start anyway");
  }

  private ConfigurableApplicationContext start() {
    // retort.target: see RetortAutoConfigurationTest.
    return SpringApplication.run(LibraryApplication.class, "--spring.datasource.url=" + url,
        "--spring.main.banner-mode=off", "--retort.target=head");
  }

  private void sql(String statement) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement sql = connection.createStatement()) {
      sql.execute(statement);
    }
  }
}
