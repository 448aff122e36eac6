package dev.retort.bench.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.bench.database.Databases;
import dev.retort.bench.database.Server;
import dev.retort.bench.workload.Fixtures;
import dev.retort.bench.workload.History;
import dev.retort.runtime.dialect.Dialects;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retort and Flyway on PostgreSQL, the database where their one-transaction settings are measured,
 * with those settings and with their defaults, run in this JVM with the harness's arguments: an
 * apply to an empty database and a deploy of the last revision, each checked as the harness checks
 * it; and the history rows of the apply written by one transaction with the setting, by one per
 * migration without it. The databases carry a suffix of their own, so a benchmark running on the
 * same server is not disturbed. Skipped when PostgreSQL does not answer, except under
 * {@code CI=true}.
 */
class ToolsOnPostgresTest {

  @TempDir
  static Path directory;

  private static Databases databases;
  private static InProcess mains;

  @BeforeAll
  static void prepare() throws Exception {
    String suffix = "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    databases = new Databases(Server.POSTGRESQL, directory.resolve("h2"), suffix);
    String unavailable = databases.unavailableReason();
    if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
      Assumptions.assumeTrue(unavailable == null, unavailable);
    }
    Fixtures fixtures = Fixtures.prepare(directory.resolve("fixtures"));
    fixtures.writeSql(Server.POSTGRESQL, Dialects.forVendor(Server.POSTGRESQL.vendor()));
    mains = new InProcess(databases, fixtures);
  }

  @AfterAll
  static void close() throws Exception {
    if (mains != null) {
      mains.close();
    }
  }

  static Stream<Tool> retortAndFlyway() {
    return Stream.of(Tool.RETORT, Tool.RETORT_SINGLE_TRANSACTION, Tool.FLYWAY, Tool.FLYWAY_GROUP);
  }

  @ParameterizedTest
  @MethodSource("retortAndFlyway")
  void appliesInOneTransactionExactlyWithTheSettingAndThenDeploys(Tool tool) throws Exception {
    assertThat(tool.measuredOn(Server.POSTGRESQL)).isTrue();
    databases.recreate(tool.databaseName());
    try {
      assertThat(mains.run(tool)).contains(" applied=" + History.REVISIONS);
      tool.verifyAtHead(databases);
      assertThat(transactionsThatWroteTheHistory(tool)).isEqualTo(tool.oneTransaction() ? 1 : History.REVISIONS);

      tool.rewindLastRevision(databases);
      assertThat(mains.run(tool)).contains(" applied=1");
      tool.verifyAtHead(databases);
    } finally {
      databases.drop(tool.databaseName());
    }
  }

  /** How many transactions inserted the rows of the tool's history: the distinct {@code xmin}s. */
  private static int transactionsThatWroteTheHistory(Tool tool) throws Exception {
    String rows = tool.defaults() == Tool.RETORT
        ? "\"retort_version\""
        : "\"flyway_schema_history\" WHERE \"version\" IS NOT NULL";
    try (Connection connection = databases.connect(tool.databaseName());
        Statement statement = connection.createStatement();
        ResultSet count = statement.executeQuery("SELECT COUNT(DISTINCT xmin::text) FROM " + rows)) {
      count.next();
      return count.getInt(1);
    }
  }
}
