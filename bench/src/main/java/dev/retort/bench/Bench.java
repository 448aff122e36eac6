package dev.retort.bench;

import dev.retort.bench.compile.CompileBenchmark;
import dev.retort.bench.compile.DifferBenchmark;
import dev.retort.bench.compile.DifferMain;
import dev.retort.bench.database.Databases;
import dev.retort.bench.database.Server;
import dev.retort.bench.measure.ChildJvm;
import dev.retort.bench.measure.Sample;
import dev.retort.bench.report.Readme;
import dev.retort.bench.tool.Tool;
import dev.retort.bench.workload.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark harness: measures what {@link Settings} selects and writes the results into the
 * README's generated regions. Run it with the command in {@code bench/README.md}.
 */
public final class Bench {

  private Bench() {}

  /**
   * Runs the benchmark.
   *
   * @param args none; the settings are system properties
   * @throws Exception if a measurement fails; nothing is written then
   */
  public static void main(String[] args) throws Exception {
    Settings settings = Settings.from(System.getProperties());
    Machine machine = Machine.current();
    String loadBefore = Machine.loadAverage();
    String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    Path work = settings.work().toAbsolutePath().normalize();
    Files.createDirectories(work);
    System.out.println("bench: compiling the 200 Retort migrations");
    Fixtures fixtures = Fixtures.prepare(work.resolve("fixtures"));
    ChildJvm jvm = new ChildJvm(List.of(fixtures.retortClasses()), work.resolve("logs"));

    Map<String, String> regions = new LinkedHashMap<>();
    List<String> versions = new ArrayList<>();
    if (settings.sections().contains(Settings.Section.START)) {
      Map<Server, StartBenchmark.Result> results = new LinkedHashMap<>();
      Map<Server, String> skipped = new LinkedHashMap<>();
      for (Server server : settings.servers()) {
        Databases databases = new Databases(server, work.resolve("h2"));
        String reason = databases.unavailableReason();
        if (reason != null) {
          System.out.println("bench: skipping " + server.displayName() + ": " + reason);
          skipped.put(server, reason);
          continue;
        }
        StartBenchmark.Result result = new StartBenchmark(databases, fixtures, jvm, settings.runs()).run();
        results.put(server, result);
        versions.add(result.product());
      }
      versions.add("Flyway " + Tool.FLYWAY.version());
      versions.add("Liquibase " + Tool.LIQUIBASE.version());
      regions.put("start", Sections.start(results, skipped));
    }
    if (settings.sections().contains(Settings.Section.COMPILE)) {
      CompileBenchmark benchmark = new CompileBenchmark(work, jvm, settings.compileRuns());
      List<CompileBenchmark.Result> results = new ArrayList<>();
      for (int entities : settings.entities()) {
        results.add(benchmark.measure(entities));
      }
      regions.put("compile", Sections.compile(results));
    }
    if (settings.sections().contains(Settings.Section.DIFFER)) {
      DifferBenchmark benchmark = new DifferBenchmark(jvm, settings.runs());
      Map<Integer, Map<DifferMain.Scenario, List<Sample>>> results = new LinkedHashMap<>();
      for (int tables : settings.tables()) {
        results.put(tables, benchmark.measure(tables));
      }
      regions.put("differ", Sections.differ(results));
    }
    Map<String, String> all = new LinkedHashMap<>();
    all.put("machine", Sections.machine(machine, settings, date, loadBefore, Machine.loadAverage(),
        versions.isEmpty() ? "see the tables" : String.join(", ", versions)));
    all.putAll(regions);
    all.forEach((region, text) -> System.out.println("\n" + text));
    if (settings.readme().isPresent()) {
      Path readme = settings.readme().get();
      String text = Files.readString(readme, StandardCharsets.UTF_8);
      for (Map.Entry<String, String> region : all.entrySet()) {
        text = Readme.replace(text, region.getKey(), region.getValue());
      }
      Files.writeString(readme, text, StandardCharsets.UTF_8);
      System.out.println("bench: wrote the results into " + readme);
    }
  }
}
