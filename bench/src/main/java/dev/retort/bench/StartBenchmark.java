package dev.retort.bench;

import dev.retort.bench.database.Databases;
import dev.retort.bench.measure.ChildJvm;
import dev.retort.bench.measure.Sample;
import dev.retort.bench.tool.Tool;
import dev.retort.bench.workload.Fixtures;
import dev.retort.bench.workload.History;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures, on one database server, every {@link Tool} measured there ({@link Tool#measuredOn})
 * applying the 200 migrations of the {@link History} to an empty database, then starting on the
 * database it brought to head (the no-op start, for the tools {@link Tool#inNoopStart}), then
 * applying the last migration to its database taken back to the revision before (a deploy), each
 * run in a fresh JVM.
 *
 * <p>Every measurement is preceded by one discarded warm-up run (it fills the operating system's
 * file cache and the server's caches). Within a run the tools take turns, in an order that
 * rotates from run to run, so that a slow moment of a shared machine does not land on one tool.
 */
final class StartBenchmark {

  private final Databases databases;
  private final Fixtures fixtures;
  private final ChildJvm jvm;
  private final int runs;

  StartBenchmark(Databases databases, Fixtures fixtures, ChildJvm jvm, int runs) {
    this.databases = databases;
    this.fixtures = fixtures;
    this.jvm = jvm;
    this.runs = runs;
  }

  /** What was measured on one server. */
  record Result(
      String product, Map<Tool, List<Sample>> apply, Map<Tool, List<Sample>> noop, Map<Tool, List<Sample>> deploy) {}

  Result run() throws SQLException {
    String server = databases.server().name().toLowerCase(Locale.ROOT);
    String product = databases.productVersion();
    Tool first = Tool.values()[0];
    databases.recreate(first.databaseName());
    Dialect dialect;
    try (Connection connection = databases.connect(first.databaseName())) {
      dialect = Dialects.detect(connection);
    }
    fixtures.writeSql(databases.server(), dialect);
    List<Tool> tools = Arrays.stream(Tool.values()).filter(tool -> tool.measuredOn(databases.server())).toList();
    List<Tool> noopTools = tools.stream().filter(Tool::inNoopStart).toList();

    Map<Tool, List<Sample>> apply = new EnumMap<>(Tool.class);
    Map<Tool, List<Sample>> noop = new EnumMap<>(Tool.class);
    for (int run = -1; run < runs; run++) {
      for (Tool tool : order(tools, run)) {
        databases.recreate(tool.databaseName());
        Sample sample = jvm.run(server + "-" + key(tool) + "-apply", tool.mainClass(), tool.arguments(databases, fixtures));
        check(tool, sample, History.REVISIONS);
        if (run >= 0) {
          apply.computeIfAbsent(tool, t -> new ArrayList<>()).add(sample);
        }
      }
      progress("apply", run);
    }
    for (int run = -1; run < runs; run++) {
      for (Tool tool : order(noopTools, run)) {
        Sample sample = jvm.run(server + "-" + key(tool) + "-noop", tool.mainClass(), tool.arguments(databases, fixtures));
        check(tool, sample, 0);
        if (run >= 0) {
          noop.computeIfAbsent(tool, t -> new ArrayList<>()).add(sample);
        }
      }
      progress("no-op start", run);
    }
    Map<Tool, List<Sample>> deploy = new EnumMap<>(Tool.class);
    for (int run = -1; run < runs; run++) {
      for (Tool tool : order(tools, run)) {
        tool.rewindLastRevision(databases);
        Sample sample = jvm.run(server + "-" + key(tool) + "-deploy", tool.mainClass(), tool.arguments(databases, fixtures));
        check(tool, sample, 1);
        if (run >= 0) {
          deploy.computeIfAbsent(tool, t -> new ArrayList<>()).add(sample);
        }
      }
      progress("deploy", run);
    }
    for (Tool tool : tools) {
      databases.drop(tool.databaseName());
    }
    return new Result(product, apply, noop, deploy);
  }

  private void check(Tool tool, Sample sample, int expectedRevisions) throws SQLException {
    tool.verifyAtHead(databases);
    if (tool == Tool.LIQUIBASE) {
      return;
    }
    String applied = sample.report().require("applied");
    if (Integer.parseInt(applied) != expectedRevisions) {
      throw new IllegalStateException(tool.displayName() + " on " + databases.server().displayName() + " applied "
          + applied + " revisions where " + expectedRevisions + " were expected");
    }
  }

  private static List<Tool> order(List<Tool> tools, int run) {
    List<Tool> order = new ArrayList<>();
    for (int i = 0; i < tools.size(); i++) {
      order.add(tools.get(Math.floorMod(run + i, tools.size())));
    }
    return order;
  }

  private void progress(String what, int run) {
    System.out.printf(Locale.ROOT, "bench: %s %s %s%n", databases.server().displayName(), what,
        run < 0 ? "warm-up done" : "run " + (run + 1) + "/" + runs + " done");
  }

  private static String key(Tool tool) {
    return tool.name().toLowerCase(Locale.ROOT);
  }
}
