package dev.retort.bench.compile;

import dev.retort.bench.measure.ChildReport;
import dev.retort.bench.workload.Javac;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One compilation of the compile benchmark, in its own JVM: javac run in process (as Maven's
 * compiler plugin runs it) over every source under a root, either plain ({@code -proc:none}) or
 * with the Retort processor in its default mode, {@code generate}. Arguments: {@code plain} or
 * {@code retort}, the source root, the class output directory, the generated-sources directory.
 */
public final class CompileMain {

  /** The processor's clock, fixed so that a generated revision id does not depend on the day. */
  public static final String CLOCK = "2026-01-01T00:00:00Z";

  private CompileMain() {}

  /**
   * Compiles and prints the {@link ChildReport}.
   *
   * @param args {@code plain} or {@code retort}, source root, classes directory, generated
   *     sources directory
   */
  public static void main(String[] args) {
    long start = System.nanoTime();
    boolean retort = switch (args[0]) {
      case "plain" -> false;
      case "retort" -> true;
      default -> throw new IllegalArgumentException("the first argument is plain or retort, not " + args[0]);
    };
    List<String> options = new ArrayList<>(List.of(
        "--release", "17",
        "-d", args[2],
        "-s", args[3],
        "-classpath", Javac.dslClassPath()));
    if (retort) {
      options.addAll(List.of("-processorpath", Javac.processorPath(), "-Aretort.clock=" + CLOCK));
    } else {
      options.add("-proc:none");
    }
    Javac.compileTree(Path.of(args[1]), options);
    ChildReport.emit(start, Map.of());
  }
}
