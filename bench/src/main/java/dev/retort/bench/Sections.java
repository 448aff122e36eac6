package dev.retort.bench;

import dev.retort.bench.compile.CompileBenchmark;
import dev.retort.bench.compile.CompileMain.Compiler;
import dev.retort.bench.compile.DifferMain;
import dev.retort.bench.database.Server;
import dev.retort.bench.measure.Sample;
import dev.retort.bench.measure.Summary;
import dev.retort.bench.report.MarkdownTable;
import dev.retort.bench.tool.Tool;
import java.util.Arrays;
import java.util.Collection;
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
        "| runs | " + settings.runs() + " per cell (start, differ), " + settings.compileRuns() + " per cell (compile),"
            + " after one warm-up; medians, with min–max |",
        "");
  }

  /** The no-op start, apply and deploy tables. */
  static String start(Map<Server, StartBenchmark.Result> results, Map<Server, String> skipped) {
    StringBuilder text = new StringBuilder();
    text.append("#### No-op start: the database is at head with 200 applied migrations\n\n");
    text.append(startTable(results, StartBenchmark.Result::noop));
    text.append("\n#### Apply 200 migrations to an empty database\n\n");
    text.append(startTable(results, StartBenchmark.Result::apply));
    text.append("\n#### Deploy: one new migration onto 199 applied\n\n");
    text.append(startTable(results, StartBenchmark.Result::deploy));
    text.append("\n").append(oneTransactionNote(results.keySet()));
    skipped.forEach((server, reason) -> text.append("\n").append(server.displayName()).append(" was not measured: ")
        .append(reason).append(".\n"));
    return text.toString();
  }

  private static String startTable(Map<Server, StartBenchmark.Result> results,
      Function<StartBenchmark.Result, Map<Tool, List<Sample>>> measurement) {
    MarkdownTable table = new MarkdownTable("database", "tool", "whole process, ms", "× raw JDBC", "CPU, ms",
        "CPU × raw JDBC", "peak RSS, MiB");
    results.forEach((server, result) -> {
      Map<Tool, List<Sample>> samples = measurement.apply(result);
      Summary wallBaseline = Summary.of(samples.get(Tool.JDBC), Sample::wallMillis);
      Summary cpuBaseline = Summary.of(samples.get(Tool.JDBC), s -> s.cpuMillis());
      samples.forEach((tool, toolSamples) -> {
        Summary wall = Summary.of(toolSamples, Sample::wallMillis);
        Summary cpu = Summary.of(toolSamples, s -> s.cpuMillis());
        table.row(server.displayName(), tool.label(), millis(wall), ratio(wall.ratioTo(wallBaseline)), millis(cpu),
            ratio(cpu.ratioTo(cpuBaseline)), mebibytes(Summary.of(toolSamples, s -> s.peakKib())));
      });
    });
    return table.render();
  }

  /**
   * The paragraph under the start tables on the tools measured with their one-transaction setting:
   * what the setting is, on which of the measured databases they ran, and why not in the no-op
   * start.
   */
  static String oneTransactionNote(Collection<Server> measured) {
    List<Tool> tools = Arrays.stream(Tool.values()).filter(Tool::oneTransaction).toList();
    List<String> on = measured.stream().filter(Server::transactionalDdl).map(Server::displayName).toList();
    List<String> off = measured.stream().filter(server -> !server.transactionalDdl()).map(Server::displayName).toList();
    StringBuilder note = new StringBuilder()
        .append(sentenceList(tools.stream().map(tool -> "*" + tool.displayName() + "*").toList()))
        .append(" are ")
        .append(sentenceList(tools.stream()
            .map(tool -> tool.defaults().displayName() + " with `" + tool.setting() + "(true)`").toList()))
        .append(", not their defaults: all the migrations of a start in one transaction instead of one per migration.");
    if (on.isEmpty()) {
      String anywhere = sentenceList(Arrays.stream(Server.values()).filter(Server::transactionalDdl)
          .map(Server::displayName).toList());
      return note.append(" They run only where DDL is transactional (").append(anywhere)
          .append("), which this run did not measure.\n").toString();
    }
    note.append(" They are measured where DDL is transactional, on ").append(sentenceList(on));
    if (!off.isEmpty()) {
      note.append(", and skipped on ").append(sentenceList(off))
          .append(", which commit each DDL statement (Retort refuses the setting there)");
    }
    return note.append(". A no-op start applies nothing, so the setting changes nothing there: they are left out of"
        + " the no-op table.\n").toString();
  }

  /** {@code a}, {@code a and b}, {@code a, b and c}. */
  private static String sentenceList(List<String> items) {
    if (items.size() < 2) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }

  /** The compile table. */
  static String compile(List<CompileBenchmark.Result> results) {
    MarkdownTable table = new MarkdownTable("entities", "build", "compiler", "whole process, s", "× plain",
        "CPU, s", "CPU × plain", "peak RSS, MiB");
    for (CompileBenchmark.Result result : results) {
      compileRows(table, result.entities(), result.first());
      compileRows(table, result.entities(), result.unchanged());
    }
    return table.render();
  }

  private static void compileRows(MarkdownTable table, int entities, CompileBenchmark.Build build) {
    String size = String.format(Locale.ROOT, "%,d", entities);
    if (build.retortFailure().isPresent()) {
      table.row(size, build.description(), compilerName(Compiler.RETORT), "fails: " + build.retortFailure().get(), "",
          "", "", "");
      return;
    }
    List<Sample> plain = build.samples().get(Compiler.PLAIN);
    Summary plainWall = Summary.of(plain, Sample::wallMillis);
    Summary plainCpu = Summary.of(plain, s -> s.cpuMillis());
    for (Compiler compiler : List.of(Compiler.PLAIN, Compiler.NOOP, Compiler.RETORT)) {
      List<Sample> samples = build.samples().get(compiler);
      if (samples != null) {
        Summary wall = Summary.of(samples, Sample::wallMillis);
        Summary cpu = Summary.of(samples, s -> s.cpuMillis());
        table.row(size, build.description(), compilerName(compiler), seconds(wall), ratio(wall.ratioTo(plainWall)),
            seconds(cpu), ratio(cpu.ratioTo(plainCpu)), mebibytes(Summary.of(samples, s -> s.peakKib())));
      }
    }
  }

  private static String compilerName(Compiler compiler) {
    switch (compiler) {
      case PLAIN:
        return "javac -proc:none";
      case NOOP:
        return "javac + a no-op processor";
      default:
        return "javac + Retort";
    }
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
