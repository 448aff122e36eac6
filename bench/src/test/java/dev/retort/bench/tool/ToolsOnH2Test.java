package dev.retort.bench.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.bench.database.Databases;
import dev.retort.bench.database.Server;
import dev.retort.bench.workload.Fixtures;
import dev.retort.runtime.dialect.Dialects;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every tool's main, run in this JVM on H2: it brings an empty database to head, which the
 * harness's check confirms, and a second start changes nothing.
 */
class ToolsOnH2Test {

  @TempDir
  static Path directory;

  private static Fixtures fixtures;
  private static Databases databases;
  private static URLClassLoader migrations;

  @BeforeAll
  static void prepare() throws Exception {
    fixtures = Fixtures.prepare(directory.resolve("fixtures"));
    fixtures.writeSql(Server.H2, Dialects.forVendor(Server.H2.vendor()));
    databases = new Databases(Server.H2, directory.resolve("h2"));
    migrations = new URLClassLoader(new URL[] {fixtures.retortClasses().toUri().toURL()},
        ToolsOnH2Test.class.getClassLoader());
  }

  @AfterAll
  static void close() throws Exception {
    migrations.close();
  }

  @ParameterizedTest
  @EnumSource(Tool.class)
  void appliesTheHistoryThenFindsNothingToDo(Tool tool) throws Exception {
    databases.recreate(tool.databaseName());
    assertThatThrownBy(() -> tool.verifyAtHead(databases)).isNotNull();

    String apply = runMain(tool);
    tool.verifyAtHead(databases);
    String noop = runMain(tool);
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
  void theHistoryToolRefusesAnAppliedRevisionWhoseStatementsChanged() throws Exception {
    Tool tool = Tool.JDBC_HISTORY;
    databases.recreate(tool.databaseName());
    runMain(tool);
    Path statements = Path.of(tool.arguments(databases, fixtures).get(3));
    String original = Files.readString(statements);
    Files.writeString(statements, original.replaceFirst("CREATE INDEX", "CREATE  INDEX"));
    try {
      assertThatThrownBy(() -> runMain(tool))
          .hasRootCauseInstanceOf(IllegalStateException.class)
          .rootCause().hasMessageContaining("revision 1 was applied with checksum");
    } finally {
      Files.writeString(statements, original);
    }
  }

  private static String runMain(Tool tool) throws Exception {
    Method main = tool.mainClass().getMethod("main", String[].class);
    List<String> arguments = tool.arguments(databases, fixtures);
    Thread thread = Thread.currentThread();
    ClassLoader previousLoader = thread.getContextClassLoader();
    PrintStream standardOut = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    thread.setContextClassLoader(migrations);
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      main.invoke(null, (Object) arguments.toArray(String[]::new));
    } finally {
      System.setOut(standardOut);
      thread.setContextClassLoader(previousLoader);
    }
    return printed.toString(StandardCharsets.UTF_8);
  }
}
