package dev.retort.bench.compile;

import dev.retort.bench.measure.ChildReport;
import dev.retort.bench.workload.Javac;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One compilation of the compile benchmark, in its own JVM: javac run in process (as Maven's
 * compiler plugin runs it) over every source under a root. Arguments: the {@link Compiler}'s
 * name, the source root, the class output directory, the generated-sources directory, and the
 * instant the Retort processor takes as now (it names the revisions it writes).
 */
public final class CompileMain {

  private CompileMain() {}

  /** How javac runs. */
  public enum Compiler {
    /** Without annotation processing ({@code -proc:none}). */
    PLAIN,
    /** With {@link NoopProcessor}: javac's own cost of annotation processing. */
    NOOP,
    /** With the Retort processor in its default mode, {@code generate}. */
    RETORT,
    /** The Retort processor alone ({@code -proc:only}): writes a migration, compiles nothing. */
    RETORT_ONLY;

    /** The name on the command line and in log file names. */
    public String argument() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Compiler of(String argument) {
      for (Compiler compiler : values()) {
        if (compiler.argument().equals(argument)) {
          return compiler;
        }
      }
      throw new IllegalArgumentException("no compiler '" + argument + "'; use plain, noop, retort or retort-only");
    }
  }

  /**
   * Compiles and prints the {@link ChildReport}.
   *
   * @param args compiler, source root, classes directory, generated sources directory, clock
   */
  public static void main(String[] args) {
    long start = System.nanoTime();
    Compiler compiler = Compiler.of(args[0]);
    List<String> options = new ArrayList<>(List.of(
        "--release", "17",
        "-d", args[2],
        "-s", args[3],
        "-classpath", Javac.dslClassPath()));
    switch (compiler) {
      case PLAIN:
        options.add("-proc:none");
        break;
      case NOOP:
        options.addAll(List.of("-processorpath", Javac.locationOf(NoopProcessor.class).toString(),
            "-processor", NoopProcessor.class.getName()));
        break;
      default:
        options.addAll(List.of("-processorpath", Javac.processorPath(), "-Aretort.clock=" + args[4]));
        if (compiler == Compiler.RETORT_ONLY) {
          options.add("-proc:only");
        }
        break;
    }
    Javac.compileTree(Path.of(args[1]), options);
    ChildReport.emit(start, Map.of());
  }
}
