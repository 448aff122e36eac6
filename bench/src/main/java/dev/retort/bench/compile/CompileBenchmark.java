package dev.retort.bench.compile;

import dev.retort.bench.compile.CompileMain.Compiler;
import dev.retort.bench.measure.ChildFailedException;
import dev.retort.bench.measure.ChildJvm;
import dev.retort.bench.measure.Sample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Measures javac with and without the Retort processor over a project of generated entities
 * ({@link EntitySources}), each compilation a fresh JVM ({@link CompileMain}) writing into empty
 * output directories (a clean build), in two situations:
 *
 * <ul>
 *   <li><b>first build</b>: no migration yet, so the processor writes one creating every table
 *       (and its snapshot) and javac compiles it in the same run; plain javac compiles the
 *       entities. When the processor's migration does not compile, that failure is the result;
 *   <li><b>no-change build</b>: the project's history, one migration per
 *       {@value #ENTITIES_PER_MIGRATION} entities (written beforehand by the processor as the
 *       entities were added), is in the source tree and matches the entities, so the processor
 *       writes nothing but the revision index. Plain javac, javac with a {@link NoopProcessor}
 *       (up to {@value #NOOP_LIMIT} entities) and javac with Retort compile the same sources,
 *       entities and migrations.
 * </ul>
 *
 * <p>The first measured build of the benchmark starts with one discarded warm-up run of each
 * compiler; within a run the compilers take turns in an order that rotates from run to run.
 */
public final class CompileBenchmark {

  /** How many entities the project adds between two migrations of its history. */
  public static final int ENTITIES_PER_MIGRATION = 1000;

  /** The largest project on which the no-op processor is measured too: beyond, it would cost minutes. */
  public static final int NOOP_LIMIT = 1000;

  /** The time the processor takes as now; each migration of the history is an hour later. */
  public static final Instant CLOCK = Instant.parse("2026-01-01T00:00:00Z");

  /** Where, in a project, the processor writes the migrations: the entities' package plus {@code .migration}. */
  private static final String MIGRATIONS = "src/main/java/" + EntitySources.PACKAGE.replace('.', '/') + "/migration";

  private final Path workDirectory;
  private final ChildJvm jvm;
  private final int runs;
  private boolean warmedUp;

  /**
   * Creates the benchmark.
   *
   * @param workDirectory where the generated projects go
   * @param jvm launches the compilations
   * @param runs measured runs per situation and compiler
   */
  public CompileBenchmark(Path workDirectory, ChildJvm jvm, int runs) {
    this.workDirectory = workDirectory;
    this.jvm = jvm;
    this.runs = runs;
  }

  /**
   * The measurements of one build.
   *
   * @param description what the build is, for the results
   * @param samples the runs of each compiler measured
   * @param retortFailure javac's error when the Retort processor's output does not compile
   */
  public record Build(String description, Map<Compiler, List<Sample>> samples, Optional<String> retortFailure) {

    /** Copies the values. */
    public Build {
      samples = Map.copyOf(samples);
    }
  }

  /**
   * The measurements for one project size.
   *
   * @param entities how many entities
   * @param first the first build
   * @param unchanged the no-change build
   */
  public record Result(int entities, Build first, Build unchanged) {}

  /**
   * Measures one project size.
   *
   * @param entities how many entities
   * @return the measurements
   */
  public Result measure(int entities) {
    Path project = workDirectory.resolve("compile-" + entities);
    Path sources = project.resolve("src/main/java");
    delete(project);
    EntitySources.write(sources, 1, entities);
    Build first = firstBuild(project, entities);

    delete(project);
    int migrations = 0;
    for (int from = 1; from <= entities; from += ENTITIES_PER_MIGRATION) {
      int to = Math.min(entities, from + ENTITIES_PER_MIGRATION - 1);
      EntitySources.write(sources, from, to);
      compile(project, entities, "history-" + to, Compiler.RETORT_ONLY, CLOCK.plus(Duration.ofHours(migrations)));
      migrations++;
      if (migrationFiles(project).size() != migrations) {
        throw new IllegalStateException("after entities " + from + " to " + to + " the project should have "
            + migrations + " migrations, but " + project.resolve(MIGRATIONS) + " holds " + migrationFiles(project));
      }
    }
    List<Path> history = migrationFiles(project);
    List<Compiler> compilers = entities <= NOOP_LIMIT
        ? List.of(Compiler.PLAIN, Compiler.NOOP, Compiler.RETORT)
        : List.of(Compiler.PLAIN, Compiler.RETORT);
    Measured measured = measureRuns(project, entities, "unchanged", compilers, () -> { }, () -> { }, () -> {
          if (!migrationFiles(project).equals(history)) {
            throw new IllegalStateException("the processor wrote a migration although no entity changed: "
                + project.resolve(MIGRATIONS));
          }
        });
    String description = "no change (" + migrations + (migrations == 1 ? " migration)" : " migrations)");
    return new Result(entities, first, new Build(description, measured.samples(), measured.retortFailure()));
  }

  private Build firstBuild(Path project, int entities) {
    Runnable clean = () -> {
      delete(project.resolve(MIGRATIONS));
      delete(project.resolve("src/main/resources"));
    };
    List<String> migration = new ArrayList<>(List.of("no migration"));
    Runnable describe = () -> {
      List<Path> written = migrationFiles(project);
      if (written.size() == 1) {
        migration.set(0, "a " + lines(written.get(0)) + "-line migration");
      }
    };
    Measured measured = measureRuns(project, entities, "first", List.of(Compiler.PLAIN, Compiler.RETORT), clean,
        describe, () -> {
          if (migrationFiles(project).size() != 1) {
            throw new IllegalStateException("the first build should have written one migration in "
                + project.resolve(MIGRATIONS) + ", not " + migrationFiles(project));
          }
        });
    String description = measured.retortFailure().isEmpty()
        ? "first (writes " + migration.get(0) + ")"
        : "first (writes " + migration.get(0) + ", which does not compile)";
    return new Build(description, measured.samples(), measured.retortFailure());
  }

  /** The runs of a build, and javac's error if the Retort processor's output did not compile. */
  private record Measured(Map<Compiler, List<Sample>> samples, Optional<String> retortFailure) {}

  /**
   * Runs each compiler {@link #runs} times (after a warm-up if none was run yet). When the Retort
   * run fails, the build's measurement ends there: without it there is nothing to compare.
   */
  private Measured measureRuns(Path project, int entities, String situation, List<Compiler> compilers,
      Runnable before, Runnable afterRetort, Runnable checkRetort) {
    Map<Compiler, List<Sample>> samples = new EnumMap<>(Compiler.class);
    for (int run = warmedUp ? 0 : -1; run < runs; run++) {
      for (Compiler compiler : rotated(compilers, run)) {
        before.run();
        Sample sample;
        try {
          sample = compile(project, entities, situation, compiler, CLOCK);
        } catch (ChildFailedException e) {
          if (compiler != Compiler.RETORT) {
            throw e;
          }
          afterRetort.run();
          String error = e.output().stream().filter(line -> line.contains("error:")).findFirst()
              .map(line -> line.substring(line.indexOf("error:") + "error:".length()).strip())
              .orElse(e.getMessage());
          System.out.printf(Locale.ROOT, "bench: compile %d entities, %s build: the Retort run fails (%s)%n",
              entities, situation, error);
          return new Measured(Map.of(), Optional.of(error));
        }
        if (compiler == Compiler.RETORT) {
          afterRetort.run();
          checkRetort.run();
        }
        if (run >= 0) {
          samples.computeIfAbsent(compiler, c -> new ArrayList<>()).add(sample);
        }
      }
      System.out.printf(Locale.ROOT, "bench: compile %d entities, %s build %s%n", entities, situation,
          run < 0 ? "warm-up done" : "run " + (run + 1) + "/" + runs + " done");
      warmedUp = true;
    }
    return new Measured(samples, Optional.empty());
  }

  private static List<Compiler> rotated(List<Compiler> compilers, int run) {
    List<Compiler> order = new ArrayList<>();
    for (int i = 0; i < compilers.size(); i++) {
      order.add(compilers.get(Math.floorMod(run + i, compilers.size())));
    }
    return order;
  }

  private Sample compile(Path project, int entities, String situation, Compiler compiler, Instant clock) {
    Path classes = project.resolve("classes");
    Path generated = project.resolve("generated");
    delete(classes);
    delete(generated);
    try {
      Files.createDirectories(classes);
      Files.createDirectories(generated);
    } catch (IOException e) {
      throw new UncheckedIOException("could not create the output directories under " + project, e);
    }
    return jvm.run("compile-" + entities + "-" + situation + "-" + compiler.argument(), CompileMain.class,
        List.of(compiler.argument(), project.resolve("src/main/java").toString(), classes.toString(),
            generated.toString(), clock.toString()));
  }

  private static List<Path> migrationFiles(Path project) {
    Path directory = project.resolve(MIGRATIONS);
    if (!Files.exists(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("could not list " + directory, e);
    }
  }

  private static String lines(Path file) {
    try (Stream<String> text = Files.lines(file)) {
      return String.format(Locale.ROOT, "%,d", text.count());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file, e);
    }
  }

  static void delete(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + path, e);
    }
  }
}
