package dev.retort.runtime.evolution;

import dev.retort.Migration;
import dev.retort.dsl.Schema;
import dev.retort.index.RevisionIndexFile;
import dev.retort.model.SchemaModel;
import dev.retort.snapshot.SnapshotCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.tools.Diagnostic;

/**
 * A project's history made the way a user makes it: random entities, built with the
 * processor, then changed at random and built again, a few times. Each build is checked as it
 * happens (see {@link #generate}); the history is then what the runtime applies.
 */
final class EvolvedHistory {

  private static final Instant FIRST_BUILD = Instant.parse("2026-11-21T15:30:00Z");

  private final Project project;
  private final StringBuilder story = new StringBuilder();
  /** The schema after each revision, oldest first. */
  private final List<SchemaModel> revisionModels = new ArrayList<>();
  /** The migration class of each revision, oldest first. */
  private final List<String> migrationClasses = new ArrayList<>();
  private final boolean handEdit;
  private Optional<String> editedClass = Optional.empty();
  private Project.Build last;

  private EvolvedHistory(Project project, boolean handEdit) {
    this.project = project;
    this.handEdit = handEdit;
  }

  /**
   * Generates the history of one seed: the entities drawn from it, built, then changed and
   * built again {@code changes} times. Each build must succeed, write a migration and a
   * snapshot exactly when the entities' schema changed (and touch no other file), and write
   * the entities' schema as that snapshot. At the end the history as compiled must give, in
   * memory, each revision's schema by its upgrades and the previous one by its downgrades; a
   * build with nothing changed must write nothing, and a build in check mode must pass.
   *
   * <p>For every other seed, one generated migration, the middle one, is then edited by hand
   * the way a reviewer does without changing what it does (a comment in its upgrade), and the
   * project built again: its snapshot no longer records its source, so the runtime must replay
   * every history that includes it.
   *
   * @param seed the seed to draw from
   * @param root an empty directory for the project
   * @param changes how many times the entities change after the first build
   * @param limits what the entities leave out for the database they are for
   * @return the history
   * @throws AssertionError describing the history so far and what went wrong
   */
  static EvolvedHistory generate(long seed, Path root, int changes, EntityGenerator.Limits limits) {
    EvolvedHistory history = new EvolvedHistory(new Project(root), seed % 2 == 0);
    try {
      history.run(new EntityGenerator(seed, limits), changes);
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(e.getMessage() + "\n" + history.story(), e);
    }
    return history;
  }

  /** What happened, build by build, with the sources of the last. */
  String story() {
    return "history:\n" + story;
  }

  /** The class loader of the last build: the application's migrations and snapshots. */
  URLClassLoader classLoader() {
    return last.classLoader();
  }

  /** Like {@link #classLoader()}, recording the classes loaded from the build. */
  Project.RecordingClassLoader recordingClassLoader() {
    return last.recordingClassLoader();
  }

  /** The migration class of each revision, oldest first. */
  List<String> migrationClasses() {
    return List.copyOf(migrationClasses);
  }

  /** The migration edited by hand after it was generated, if any. */
  Optional<String> editedClass() {
    return editedClass;
  }

  private void run(EntityGenerator generator, int changes) {
    Entities entities = generator.initial();
    SchemaModel previous = SchemaModel.empty();
    for (int step = 0; step <= changes; step++) {
      List<String> log = new ArrayList<>();
      if (step > 0) {
        entities = generator.evolve(entities, log);
      }
      story.append("build ").append(step + 1).append(step == 0 ? ": the first entities" : ": " + log).append('\n');
      project.writeEntities(entities);
      Map<Path, String> before = project.tree();
      last = project.build(clock(step));
      requireSucceeded(last, entities);
      Map<Path, String> written = written(before, project.tree());
      SchemaModel model = entities.model();
      if (model.equals(previous)) {
        require(written.isEmpty(), "the schema did not change, yet the build wrote " + written.keySet());
        continue;
      }
      require(written.size() == 2, "the schema changed and the build wrote " + written.keySet()
          + " instead of one migration and its snapshot");
      String migration = null;
      String snapshot = null;
      for (Map.Entry<Path, String> file : written.entrySet()) {
        if (file.getKey().toString().endsWith(".java")) {
          migration = file.getValue();
          String relative = Path.of("src/main/java").relativize(file.getKey()).toString();
          migrationClasses.add(relative.substring(0, relative.length() - ".java".length()).replace('/', '.'));
          story.append("  wrote ").append(file.getKey()).append(":\n").append(file.getValue().indent(4));
        } else if (file.getKey().toString().endsWith(".schema")) {
          snapshot = file.getValue();
        }
      }
      require(migration != null && snapshot != null, "the build wrote " + written.keySet());
      SchemaModel snapshotModel = SnapshotCodec.read(snapshot, "the new snapshot");
      require(snapshotModel.equals(model), "the snapshot is not the entities' schema:\nsnapshot:\n"
          + snapshot + "entities' schema:\n" + SnapshotCodec.write(model) + "entities:\n" + entities.describe());
      revisionModels.add(model);
      previous = model;
    }
    story.append("last entities:\n").append(entities.describe().indent(2));
    requireMigrationsGiveTheModels();
    if (handEdit) {
      String edited = migrationClasses.get(migrationClasses.size() / 2);
      project.edit(Path.of("src/main/java", edited.replace('.', '/') + ".java"), source -> source.replaceFirst(
          "public void upgrade\\(Schema schema\\) \\{\n", "$0    // Reviewed by hand: nothing to add.\n"));
      editedClass = Optional.of(edited);
      story.append("edited ").append(edited).append(" by hand, a comment in its upgrade\n");
    }

    Map<Path, String> before = project.tree();
    Project.Build again = project.build(clock(changes + 1));
    requireSucceeded(again, entities);
    last = again;
    require(written(before, project.tree()).isEmpty(), "a build without changes wrote "
        + written(before, project.tree()).keySet());
    Project.Build check = project.build(clock(changes + 2), "-Aretort.mode=check");
    requireSucceeded(check, entities);
  }

  private static Instant clock(int step) {
    return FIRST_BUILD.plus(Duration.ofDays(step));
  }

  /** Applies the compiled revisions in memory, up one at a time and back down. */
  private void requireMigrationsGiveTheModels() {
    try (URLClassLoader loader = last.classLoader()) {
      List<RevisionIndexFile.Entry> entries;
      try (InputStream in = loader.getResourceAsStream(RevisionIndexFile.RESOURCE)) {
        require(in != null, "the build wrote no revision index");
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
          entries = RevisionIndexFile.read(reader, RevisionIndexFile.RESOURCE);
        }
      }
      require(entries.size() == revisionModels.size(), "the index lists " + entries.size() + " revisions, not "
          + revisionModels.size());
      List<Migration> migrations = new ArrayList<>();
      for (RevisionIndexFile.Entry entry : entries) {
        migrations.add((Migration) loader.loadClass(entry.migrationClass()).getConstructor().newInstance());
      }
      SchemaModel schema = SchemaModel.empty();
      for (int i = 0; i < migrations.size(); i++) {
        Schema operations = new Schema();
        migrations.get(i).upgrade(operations);
        schema = schema.applyAll(operations.operations());
        require(schema.equals(revisionModels.get(i)), "the upgrade of " + entries.get(i).migrationClass()
            + " gives\n" + SnapshotCodec.write(schema) + "instead of\n" + SnapshotCodec.write(revisionModels.get(i)));
      }
      for (int i = migrations.size() - 1; i >= 0; i--) {
        Schema operations = new Schema();
        migrations.get(i).downgrade(operations);
        schema = schema.applyAll(operations.operations());
        SchemaModel expected = i == 0 ? SchemaModel.empty() : revisionModels.get(i - 1);
        require(schema.equals(expected), "the downgrade of " + entries.get(i).migrationClass()
            + " gives\n" + SnapshotCodec.write(schema) + "instead of\n" + SnapshotCodec.write(expected));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot load a compiled migration: " + e, e);
    }
  }

  /** The files that {@code after} has and {@code before} had not; fails if a file changed. */
  private static Map<Path, String> written(Map<Path, String> before, Map<Path, String> after) {
    Map<Path, String> written = new TreeMap<>();
    after.forEach((file, text) -> {
      String old = before.get(file);
      if (old == null) {
        written.put(file, text);
      } else {
        require(old.equals(text), "the build changed " + file);
      }
    });
    require(after.keySet().containsAll(before.keySet()), "the build deleted files");
    return written;
  }

  private static void requireSucceeded(Project.Build build, Entities entities) {
    require(build.succeeded() && build.diagnostics().stream().noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR),
        "the build failed:\n" + build.log() + "\nentities:\n" + entities.describe());
  }

  private static void require(boolean condition, String failure) {
    if (!condition) {
      throw new AssertionError(failure);
    }
  }
}
