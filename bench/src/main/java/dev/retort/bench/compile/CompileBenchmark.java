package dev.retort.bench.compile;

import dev.retort.bench.measure.ChildJvm;
import dev.retort.bench.measure.Sample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Measures javac with and without the Retort processor over a project of generated entities
 * ({@link EntitySources}), each compilation a fresh JVM ({@link CompileMain}) writing into empty
 * output directories, in two situations:
 *
 * <ul>
 *   <li><b>first build</b>: no migration yet, so the processor writes one creating every table
 *       (and its snapshot) and javac compiles it in the same run; plain javac compiles the
 *       entities;
 *   <li><b>no-change build</b>: the migration written by the first build is in the source tree
 *       and matches the entities, so the processor writes nothing but the revision index; both
 *       compile the entities and the migration.
 * </ul>
 *
 * <p>Each situation starts with one discarded warm-up run of each compiler; within a run the two
 * take turns in an order that alternates from run to run.
 */
public final class CompileBenchmark {

  /** Where, in a project, the processor writes the migration: the entities' package plus {@code .migration}. */
  private static final String MIGRATIONS = "src/main/java/" + EntitySources.PACKAGE.replace('.', '/') + "/migration";

  private final Path workDirectory;
  private final ChildJvm jvm;
  private final int runs;

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
   * The measurements for one project size.
   *
   * @param entities how many entities
   * @param plainFirst plain javac over the entities
   * @param retortFirst javac with the processor writing the first migration
   * @param plainUnchanged plain javac over the entities and the migration
   * @param retortUnchanged javac with the processor, nothing to write
   * @param migrationLines the length of the generated migration's source, in lines
   */
  public record Result(int entities, List<Sample> plainFirst, List<Sample> retortFirst, List<Sample> plainUnchanged,
      List<Sample> retortUnchanged, long migrationLines) {}

  /**
   * Measures one project size.
   *
   * @param entities how many entities
   * @return the measurements
   */
  public Result measure(int entities) {
    Path project = workDirectory.resolve("compile-" + entities);
    delete(project);
    Path sources = project.resolve("src/main/java");
    EntitySources.write(sources, entities);
    List<Sample> plainFirst = new ArrayList<>();
    List<Sample> retortFirst = new ArrayList<>();
    for (int run = -1; run < runs; run++) {
      for (boolean retort : order(run)) {
        delete(project.resolve(MIGRATIONS));
        delete(project.resolve("src/main/resources"));
        Sample sample = compile(project, entities, "first", retort);
        if (retort) {
          requireOneMigration(project);
        }
        if (run >= 0) {
          (retort ? retortFirst : plainFirst).add(sample);
        }
      }
      progress(entities, "first build", run);
    }
    Path migration = requireOneMigration(project);
    List<Sample> plainUnchanged = new ArrayList<>();
    List<Sample> retortUnchanged = new ArrayList<>();
    for (int run = -1; run < runs; run++) {
      for (boolean retort : order(run)) {
        Sample sample = compile(project, entities, "unchanged", retort);
        if (!requireOneMigration(project).equals(migration)) {
          throw new IllegalStateException("the processor wrote a second migration although no entity changed: "
              + project.resolve(MIGRATIONS));
        }
        if (run >= 0) {
          (retort ? retortUnchanged : plainUnchanged).add(sample);
        }
      }
      progress(entities, "no-change build", run);
    }
    long lines;
    try (Stream<String> text = Files.lines(migration)) {
      lines = text.count();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + migration, e);
    }
    return new Result(entities, plainFirst, retortFirst, plainUnchanged, retortUnchanged, lines);
  }

  private Sample compile(Path project, int entities, String situation, boolean retort) {
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
    String variant = retort ? "retort" : "plain";
    return jvm.run("compile-" + entities + "-" + situation + "-" + variant, CompileMain.class,
        List.of(variant, project.resolve("src/main/java").toString(), classes.toString(), generated.toString()));
  }

  private static Path requireOneMigration(Path project) {
    Path directory = project.resolve(MIGRATIONS);
    List<Path> migrations;
    try (Stream<Path> files = Files.exists(directory) ? Files.list(directory) : Stream.empty()) {
      migrations = files.filter(file -> file.getFileName().toString().endsWith(".java")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("could not list " + directory, e);
    }
    if (migrations.size() != 1) {
      throw new IllegalStateException("expected the processor to have written one migration in " + directory
          + ", found " + migrations);
    }
    return migrations.get(0);
  }

  private static List<Boolean> order(int run) {
    return Math.floorMod(run, 2) == 0 ? List.of(false, true) : List.of(true, false);
  }

  private void progress(int entities, String situation, int run) {
    System.out.printf(Locale.ROOT, "bench: compile %d entities, %s %s%n", entities, situation,
        run < 0 ? "warm-up done" : "run " + (run + 1) + "/" + runs + " done");
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
