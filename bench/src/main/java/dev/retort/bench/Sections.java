package dev.retort.bench;

import dev.retort.bench.compile.CompileBenchmark;
import dev.retort.bench.compile.DifferMain;
import dev.retort.bench.database.Server;
import dev.retort.bench.measure.Sample;
import dev.retort.bench.measure.Summary;
import dev.retort.bench.report.MarkdownTable;
import dev.retort.bench.tool.Tool;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Writes the results as the Markdown of the README's generated regions. */
final class Sections {

  private Sections() {}

  /** How the run went: the machine, the load, the command. */
  static String machine(Machine machine, Settings settings, String date, String loadBefore, String loadAfter,
      String versions) {
    return String.join("\n",
        "Measured " + date + " with",
        "",
        "    " + settings.command(),
        "",
        "| | |",
        "| --- | --- |",
        "| processors | " + machine.processors() + " × " + machine.cpuModel() + " |",
        "| memory | " + machine.memory() + " |",
        "| system | " + machine.os() + " |",
        "| JDK | " + machine.jdk() + " |",
        "| software | " + versions + " |",
        "| load average (1 / 5 / 15 min) | " + loadBefore + " at the start, " + loadAfter + " at the end |",
        "| runs | " + settings.runs() + " measured runs per cell after one warm-up; medians, with min–max |",
        "");
  }

  /** The no-op start and apply tables. */
  static String start(Map<Server, StartBenchmark.Result> results, Map<Server, String> skipped) {
    StringBuilder text = new StringBuilder();
    text.append("#### No-op start: the database is at head with 200 applied migrations\n\n");
    text.append(startTable(results, StartBenchmark.Result::noop));
    text.append("\n#### Apply 200 migrations to an empty database\n\n");
    text.append(startTable(results, StartBenchmark.Result::apply));
    skipped.forEach((server, reason) -> text.append("\n").append(server.displayName()).append(" was not measured: ")
        .append(reason).append(".\n"));
    return text.toString();
  }

  private static String startTable(Map<Server, StartBenchmark.Result> results,
      Function<StartBenchmark.Result, Map<Tool, List<Sample>>> measurement) {
    MarkdownTable table = new MarkdownTable("database", "tool", "whole process, ms", "× raw JDBC",
        "in main(), ms", "peak RSS, MiB");
    results.forEach((server, result) -> {
      Map<Tool, List<Sample>> samples = measurement.apply(result);
      Summary baseline = Summary.of(samples.get(Tool.JDBC), Sample::wallMillis);
      for (Tool tool : Tool.values()) {
        List<Sample> toolSamples = samples.get(tool);
        Summary wall = Summary.of(toolSamples, Sample::wallMillis);
        table.row(result.product(), (tool.displayName() + " " + tool.version()).strip(), millis(wall),
            ratio(wall.ratioTo(baseline)), millis(Summary.of(toolSamples, Sample::workMillis)),
            mebibytes(Summary.of(toolSamples, s -> s.peakKib())));
      }
    });
    return table.render();
  }

  /** The compile table. */
  static String compile(List<CompileBenchmark.Result> results) {
    MarkdownTable table = new MarkdownTable("entities", "build", "plain javac, s", "javac + Retort, s",
        "Retort / plain", "in process: plain / Retort, s", "peak RSS: plain / Retort, MiB");
    for (CompileBenchmark.Result result : results) {
      compileRow(table, result.entities(), "first (writes a " + result.migrationLines() + "-line migration)",
          result.plainFirst(), result.retortFirst());
      compileRow(table, result.entities(), "no change", result.plainUnchanged(), result.retortUnchanged());
    }
    return table.render();
  }

  private static void compileRow(MarkdownTable table, int entities, String build, List<Sample> plain,
      List<Sample> retort) {
    Summary plainWall = Summary.of(plain, Sample::wallMillis);
    Summary retortWall = Summary.of(retort, Sample::wallMillis);
    table.row(String.format(Locale.ROOT, "%,d", entities), build, seconds(plainWall), seconds(retortWall),
        ratio(retortWall.ratioTo(plainWall)),
        String.format(Locale.ROOT, "%.2f / %.2f", Summary.of(plain, Sample::workMillis).median() / 1000,
            Summary.of(retort, Sample::workMillis).median() / 1000),
        String.format(Locale.ROOT, "%.0f / %.0f", Summary.of(plain, s -> s.peakKib()).median() / 1024,
            Summary.of(retort, s -> s.peakKib()).median() / 1024));
  }

  /** The differ table. */
  static String differ(Map<Integer, Map<DifferMain.Scenario, List<Sample>>> results) {
    MarkdownTable table = new MarkdownTable("tables", "schemas compared", "diff, ms", "operations",
        "whole process, ms", "peak RSS, MiB");
    results.forEach((tables, scenarios) -> scenarios.forEach((scenario, samples) -> table.row(
        String.format(Locale.ROOT, "%,d", tables), scenario.displayName(),
        millis(Summary.of(samples, s -> Double.parseDouble(s.report().require("diff-ms")))),
        samples.get(0).report().require("operations"),
        millis(Summary.of(samples, Sample::wallMillis)),
        mebibytes(Summary.of(samples, s -> s.peakKib())))));
    return table.render();
  }

  private static String millis(Summary summary) {
    return String.format(Locale.ROOT, "%.0f (%.0f–%.0f)", summary.median(), summary.min(), summary.max());
  }

  private static String seconds(Summary summary) {
    return String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", summary.median() / 1000, summary.min() / 1000,
        summary.max() / 1000);
  }

  private static String mebibytes(Summary summary) {
    return String.format(Locale.ROOT, "%.0f (%.0f–%.0f)", summary.median() / 1024, summary.min() / 1024,
        summary.max() / 1024);
  }

  private static String ratio(double ratio) {
    return String.format(Locale.ROOT, "%.2f×", ratio);
  }
}
