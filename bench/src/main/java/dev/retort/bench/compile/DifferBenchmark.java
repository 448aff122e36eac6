package dev.retort.bench.compile;

import dev.retort.bench.measure.ChildJvm;
import dev.retort.bench.measure.Sample;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the differ alone ({@link DifferMain}) for each {@link DifferMain.Scenario}, each run a
 * fresh JVM after one discarded warm-up run.
 */
public final class DifferBenchmark {

  private final ChildJvm jvm;
  private final int runs;

  /**
   * Creates the benchmark.
   *
   * @param jvm launches the runs
   * @param runs measured runs per size and scenario
   */
  public DifferBenchmark(ChildJvm jvm, int runs) {
    this.jvm = jvm;
    this.runs = runs;
  }

  /**
   * Measures one schema size.
   *
   * @param tables how many tables
   * @return the samples of each scenario
   */
  public Map<DifferMain.Scenario, List<Sample>> measure(int tables) {
    Map<DifferMain.Scenario, List<Sample>> samples = new EnumMap<>(DifferMain.Scenario.class);
    for (DifferMain.Scenario scenario : DifferMain.Scenario.values()) {
      for (int run = -1; run < runs; run++) {
        Sample sample = jvm.run("differ-" + tables + "-" + scenario.name().toLowerCase(Locale.ROOT), DifferMain.class,
            List.of(String.valueOf(tables), scenario.name()));
        if (run >= 0) {
          samples.computeIfAbsent(scenario, s -> new ArrayList<>()).add(sample);
        }
      }
      System.out.printf(Locale.ROOT, "bench: differ %d tables, %s done%n", tables, scenario.displayName());
    }
    return samples;
  }
}
