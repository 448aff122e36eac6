package dev.retort.bench.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.bench.database.Databases;
import dev.retort.bench.database.Server;
import dev.retort.bench.workload.Fixtures;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.dialect.Dialects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every tool's main measured on H2, run in this JVM: it brings an empty database to head, which
 * the harness's check confirms, and a second start changes nothing.
 */
class ToolsOnH2Test {

  @TempDir
  static Path directory;

  private static Fixtures fixtures;
  private static Databases databases;
  private static InProcess mains;

  @BeforeAll
  static void prepare() throws Exception {
    fixtures = Fixtures.prepare(directory.resolve("fixtures"));
    fixtures.writeSql(Server.H2, Dialects.forVendor(Server.H2.vendor()));
    databases = new Databases(Server.H2, directory.resolve("h2"));
    mains = new InProcess(databases, fixtures);
  }

  @AfterAll
  static void close() throws Exception {
    mains.close();
  }

  static Stream<Tool> measuredOnH2() {
    return Arrays.stream(Tool.values()).filter(tool -> tool.measuredOn(Server.H2));
  }

  @ParameterizedTest
  @MethodSource("measuredOnH2")
  void appliesTheHistoryThenFindsNothingToDo(Tool tool) throws Exception {
    databases.recreate(tool.databaseName());
    assertThatThrownBy(() -> tool.verifyAtHead(databases)).isNotNull();

    String apply = mains.run(tool);
    tool.verifyAtHead(databases);
    String noop = mains.run(tool);
    tool.verifyAtHead(databases);

    if (tool == Tool.RETORT || tool == Tool.FLYWAY || tool == Tool.JDBC_HISTORY) {
      assertThat(apply).contains(" applied=200");
      assertThat(noop).contains(" applied=0");
    }
    if (tool == Tool.JDBC) {
      assertThat(apply).doesNotContain(" statements=0");
      assertThat(noop).contains(" statements=0");
    }
    assertThat(noop).contains("bench-report work-ms=");
  }

  @Test
  void retortRefusesItsOneTransactionSettingOnH2WhoseDdlCommits() throws Exception {
    Tool tool = Tool.RETORT_SINGLE_TRANSACTION;
    databases.recreate(tool.databaseName());

    assertThat(tool.measuredOn(Server.H2)).isFalse();
    assertThatThrownBy(() -> mains.run(tool)).rootCause()
        .isInstanceOfSatisfying(RetortException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION))
        .hasMessageContaining("Cannot run the migrations in a single transaction on H2");
  }

  @Test
  void theHistoryToolRefusesAnAppliedRevisionWhoseStatementsChanged() throws Exception {
    Tool tool = Tool.JDBC_HISTORY;
    databases.recreate(tool.databaseName());
    mains.run(tool);
    Path statements = Path.of(tool.arguments(databases, fixtures).get(3));
    String original = Files.readString(statements);
    Files.writeString(statements, original.replaceFirst("CREATE INDEX", "CREATE  INDEX"));
    try {
      assertThatThrownBy(() -> mains.run(tool))
          .hasRootCauseInstanceOf(IllegalStateException.class)
          .rootCause().hasMessageContaining("revision 1 was applied with checksum");
    } finally {
      Files.writeString(statements, original);
    }
  }
}
