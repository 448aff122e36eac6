package dev.retort.runtime.bench;

import dev.retort.runtime.Direction;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.dialect.Step;
import dev.retort.runtime.internal.execution.AppliedSchema;
import dev.retort.runtime.internal.execution.PlannedMigration;
import dev.retort.runtime.internal.execution.PlannedStep;
import dev.retort.runtime.internal.execution.Planner;
import dev.retort.runtime.internal.graph.RevisionGraph;
import dev.retort.runtime.testdb.TestDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Measures the runtime against plain JDBC doing the same work, on H2, PostgreSQL and MariaDB.
 * Not a test: run it with the command in {@code runtime/README.md}.
 *
 * <ul>
 *   <li><b>apply</b>: 200 migrations (100 create a table with an index, 100 add a column) on an
 *       empty database, against JDBC executing the same DDL in auto-commit mode;
 *   <li><b>no-op start, in process</b>: building a Retort and upgrading a database already at
 *       head, against a JDBC connect and a query of the version table;
 *   <li><b>no-op start, whole process</b>: the same, each in a fresh JVM, timed from launch to
 *       exit.
 * </ul>
 *
 * <p>Each measurement runs {@code -Dbench.runs} times (default 5) after one warm-up, raw and
 * Retort alternating; the table shows medians, ranges and the ratio of the medians.
 * {@code -Dbench.databases=H2,POSTGRESQL,MARIADB} chooses the databases.
 */
public final class RuntimeBenchmark {

  private RuntimeBenchmark() {}

  /**
   * Runs the benchmark and prints a Markdown table.
   *
   * @param args unused
   * @throws Exception if a database fails
   */
  public static void main(String[] args) throws Exception {
    int runs = Integer.getInteger("bench.runs", 5);
    List<TestDatabase.Kind> kinds = Arrays.stream(System.getProperty("bench.databases", "H2,POSTGRESQL,MARIADB")
        .split(",")).map(name -> TestDatabase.Kind.valueOf(name.strip().toUpperCase(Locale.ROOT))).toList();
    List<String> rows = new ArrayList<>();
    for (TestDatabase.Kind kind : kinds) {
      System.err.println("measuring " + kind + " ...");
      double[] raw = applyRaw(kind, runs);
      rows.add(row(kind, "apply 200 migrations", raw, applyRetort(kind, runs, false)));
      if (kind != TestDatabase.Kind.H2 && kind != TestDatabase.Kind.MARIADB) {
        rows.add(row(kind, "apply 200 migrations, singleTransaction", raw, applyRetort(kind, runs, true)));
      }
      try (TestDatabase db = TestDatabase.create(kind)) {
        BenchHistory.retort(db.url(), db.user(), db.password()).upgrade();
        rows.add(row(kind, "no-op start, in process", startRaw(db, runs * 4), startRetort(db, runs * 4)));
        rows.add(row(kind, "no-op start, whole process", processes(db, runs, false), processes(db, runs, true)));
      }
    }
    System.out.println();
    System.out.println(
        "| database | measurement | raw JDBC, ms: median (min–max) | Retort, ms: median (min–max) | Retort / raw |");
    System.out.println("| --- | --- | --- | --- | --- |");
    rows.forEach(System.out::println);
  }

  private static double[] applyRaw(TestDatabase.Kind kind, int runs) throws SQLException {
    double[] times = new double[runs];
    for (int run = -1; run < runs; run++) {
      try (TestDatabase db = TestDatabase.create(kind)) {
        List<String> ddl = ddl(db);
        long start = System.nanoTime();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
          for (String sql : ddl) {
            statement.execute(sql);
          }
        }
        record(times, run, start);
      }
    }
    return times;
  }

  private static double[] applyRetort(TestDatabase.Kind kind, int runs, boolean single) {
    double[] times = new double[runs];
    for (int run = -1; run < runs; run++) {
      try (TestDatabase db = TestDatabase.create(kind)) {
        long start = System.nanoTime();
        int applied = BenchHistory.retort(db.url(), db.user(), db.password(), single).upgrade().runs().size();
        record(times, run, start);
        if (applied != 2 * BenchHistory.TABLES) {
          throw new IllegalStateException("applied " + applied + " migrations");
        }
      }
    }
    return times;
  }

  private static double[] startRaw(TestDatabase db, int runs) throws SQLException {
    double[] times = new double[runs];
    for (int run = -1; run < runs; run++) {
      long start = System.nanoTime();
      try (Connection connection = db.connect(); Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery("SELECT * FROM " + versionTable(db))) {
        while (result.next()) {
          result.getString(1);
        }
      }
      record(times, run, start);
    }
    return times;
  }

  private static double[] startRetort(TestDatabase db, int runs) {
    double[] times = new double[runs];
    for (int run = -1; run < runs; run++) {
      long start = System.nanoTime();
      boolean changed = BenchHistory.retort(db.url(), db.user(), db.password()).upgrade().changed();
      record(times, run, start);
      if (changed) {
        throw new IllegalStateException("the database was not at head");
      }
    }
    return times;
  }

  private static double[] processes(TestDatabase db, int runs, boolean retort)
      throws IOException, InterruptedException {
    double[] times = new double[runs];
    for (int run = -1; run < runs; run++) {
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"),
          retort ? RetortStart.class.getName() : JdbcStart.class.getName(), db.url(), db.user(), db.password()));
      if (!retort) {
        command.add(versionTable(db));
      }
      long start = System.nanoTime();
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException("the start failed: " + command);
      }
      record(times, run, start);
    }
    return times;
  }

  /** The migrations' statements, rendered by the same dialect the runtime uses. */
  private static List<String> ddl(TestDatabase db) throws SQLException {
    Dialect dialect;
    try (Connection connection = db.connect()) {
      dialect = Dialects.detect(connection);
    }
    RevisionGraph graph = RevisionGraph.of(BenchHistory.revisions());
    List<String> statements = new ArrayList<>();
    for (PlannedMigration migration : Planner.plan(graph.revisions(), Direction.UPGRADE,
        AppliedSchema.of(graph, Set.of(), RuntimeBenchmark.class.getClassLoader()), dialect)) {
      for (PlannedStep step : migration.steps()) {
        statements.add(((Step.Sql) step.step()).sql());
      }
    }
    return statements;
  }

  private static String versionTable(TestDatabase db) {
    return db.kind() == TestDatabase.Kind.MARIADB ? "`retort_version`" : "\"retort_version\"";
  }

  private static void record(double[] times, int run, long start) {
    if (run >= 0) {
      times[run] = (System.nanoTime() - start) / 1e6;
    }
  }

  private static String row(TestDatabase.Kind kind, String measurement, double[] raw, double[] retort) {
    return "| " + kind + " | " + measurement + " | " + summary(raw) + " | " + summary(retort) + " | "
        + String.format(Locale.ROOT, "%.2f×", median(retort) / median(raw)) + " |";
  }

  private static String summary(double[] times) {
    double[] sorted = times.clone();
    Arrays.sort(sorted);
    return String.format(Locale.ROOT, "%.1f (%.1f–%.1f)", median(times), sorted[0], sorted[sorted.length - 1]);
  }

  private static double median(double[] times) {
    double[] sorted = times.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

}
