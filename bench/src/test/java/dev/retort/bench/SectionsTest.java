package dev.retort.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.bench.database.Server;
import dev.retort.bench.measure.ChildReport;
import dev.retort.bench.measure.Sample;
import dev.retort.bench.tool.Tool;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class SectionsTest {

  @Test
  void theOneTransactionToolsHaveRowsInTheApplyAndDeployTablesOfPostgresqlOnly() {
    Map<Server, StartBenchmark.Result> results = new LinkedHashMap<>();
    results.put(Server.H2, measured(Server.H2));
    results.put(Server.POSTGRESQL, measured(Server.POSTGRESQL));

    String[] tables = Sections.start(results, Map.of()).split("\n#### ");

    assertThat(tables).hasSize(3);
    String noop = tables[0];
    String apply = tables[1];
    String deploy = tables[2];
    for (String table : List.of(apply, deploy)) {
      assertThat(rows(table, "PostgreSQL")).containsExactly("raw JDBC", "JDBC + history", "Retort",
          "Retort, singleTransaction", Tool.FLYWAY.label(), Tool.FLYWAY.label() + ", group", Tool.LIQUIBASE.label());
      assertThat(rows(table, "H2")).containsExactly("raw JDBC", "JDBC + history", "Retort", Tool.FLYWAY.label(),
          Tool.LIQUIBASE.label());
    }
    assertThat(rows(noop, "PostgreSQL")).containsExactly("raw JDBC", "JDBC + history", "Retort", Tool.FLYWAY.label(),
        Tool.LIQUIBASE.label());
  }

  @Test
  void theNoteUnderTheTablesSaysWhereTheOneTransactionToolsRanAndWhyNotInTheNoopStart() {
    Map<Server, StartBenchmark.Result> results = new LinkedHashMap<>();
    for (Server server : Server.values()) {
      results.put(server, measured(server));
    }

    assertThat(Sections.start(results, Map.of())).contains("\n*Retort, singleTransaction* and *Flyway, group* are"
        + " Retort with `singleTransaction(true)` and Flyway with `group(true)`, not their defaults: all the"
        + " migrations of a start in one transaction instead of one per migration. They are measured where DDL is"
        + " transactional, on PostgreSQL, and skipped on H2 and MariaDB, which commit each DDL statement (Retort"
        + " refuses the setting there). A no-op start applies nothing, so the setting changes nothing there: they are"
        + " left out of the no-op table.\n");
  }

  @Test
  void theNoteSaysSoWhenNoDatabaseWithTransactionalDdlWasMeasured() {
    assertThat(Sections.oneTransactionNote(List.of(Server.H2, Server.MARIADB)))
        .endsWith(" They run only where DDL is transactional (PostgreSQL), which this run did not measure.\n");
  }

  /** A result with a sample of each tool that the harness measures on the server, in each measurement. */
  private static StartBenchmark.Result measured(Server server) {
    Predicate<Tool> onServer = tool -> tool.measuredOn(server);
    return new StartBenchmark.Result(server.displayName(), samples(onServer), samples(onServer.and(Tool::inNoopStart)),
        samples(onServer));
  }

  private static Map<Tool, List<Sample>> samples(Predicate<Tool> measured) {
    Map<Tool, List<Sample>> samples = new EnumMap<>(Tool.class);
    for (Tool tool : Tool.values()) {
      if (measured.test(tool)) {
        ChildReport report = ChildReport.parse("bench-report work-ms=90.0 cpu-ms=150 peak-kib=65536 applied=1");
        samples.put(tool, List.of(new Sample(100 + tool.ordinal(), 90, 150, 65536, report)));
      }
    }
    return samples;
  }

  /** The tool column of the table's rows of one database. */
  private static List<String> rows(String table, String database) {
    List<String> tools = new ArrayList<>();
    for (String line : table.split("\n")) {
      if (line.startsWith("| " + database + " | ")) {
        tools.add(line.split(" \\| ")[1]);
      }
    }
    return tools;
  }
}
