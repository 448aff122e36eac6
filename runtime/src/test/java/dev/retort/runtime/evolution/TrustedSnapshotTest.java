package dev.retort.runtime.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.ClassName;
import dev.retort.index.RevisionIndexFile;
import dev.retort.model.SchemaDiff;
import dev.retort.model.SchemaModel;
import dev.retort.operation.Vendor;
import dev.retort.processor.write.MigrationSource;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.Retort;
import dev.retort.runtime.internal.execution.AppliedSchema;
import dev.retort.runtime.internal.execution.Planner;
import dev.retort.runtime.internal.graph.LoadedRevision;
import dev.retort.runtime.internal.graph.RevisionGraph;
import dev.retort.runtime.internal.graph.RevisionIndexResources;
import dev.retort.runtime.testdb.TestDatabase;
import dev.retort.snapshot.SnapshotCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A deploy plans from the applied head's snapshot only when that snapshot provably equals the
 * replay of the applied migrations, and then loads no applied migration class.
 *
 * <p>Each case is a project built with the real processor: a first migration creating table
 * {@code items}, applied; then the entities widen {@code items.name}, which SQLite can only do
 * by rebuilding the table from the schema the plan starts from, and the next build's migration
 * is deployed. When the first migration was edited by hand after it was generated (it creates
 * one more index than its snapshot shows), the plan must replay it, or the rebuild would drop
 * that index. The offline script follows the same rule, and a merge revision written as the
 * {@code merge} goal writes it is planned from its snapshot like a generated migration.
 */
class TrustedSnapshotTest {

  private static final Instant CLOCK = Instant.parse("2026-11-21T15:30:00Z");
  private static final String ENTITY = Entities.PACKAGE.replace('.', '/') + "/Item.java";
  private static final String HAND_INDEX = "ix_items_name_by_hand";
  private static final String ALPHA = Entities.PACKAGE.replace('.', '/') + "/Alpha.java";
  private static final String BETA = Entities.PACKAGE.replace('.', '/') + "/Beta.java";

  @TempDir Path root;

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aGeneratedHistoryIsPlannedFromTheSnapshotWithoutLoadingAppliedMigrations(TestDatabase.Kind kind)
      throws IOException {
    Project project = new Project(root);
    String first = buildFirst(project);

    try (TestDatabase db = TestDatabase.create(kind)) {
      apply(db, project.build(CLOCK.plusSeconds(60)));
      String second = buildSecond(project);
      Project.Build deployed = project.build(CLOCK.plusSeconds(180));

      try (Project.RecordingClassLoader loader = deployed.recordingClassLoader()) {
        Retort retort = retort(db, loader);
        MigrationResult result = retort.upgrade();

        assertThat(result.runs()).hasSize(1);
        assertThat(loader.loaded()).as("classes loaded by the deploy").contains(second).doesNotContain(first);
        assertThat(retort.check().differences()).isEmpty();
        assertThat(columnSize(db, "name")).isEqualTo(100);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aMigrationEditedAfterItWasGeneratedIsReplayedSoTheRebuildKeepsWhatTheEditAdded(TestDatabase.Kind kind)
      throws IOException {
    Project project = new Project(root);
    String first = buildFirst(project);
    addIndexByHand(project, first);

    try (TestDatabase db = TestDatabase.create(kind)) {
      apply(db, project.build(CLOCK.plusSeconds(60)));
      assertThat(indexes(db)).contains(HAND_INDEX);
      String second = buildSecond(project);
      Project.Build deployed = project.build(CLOCK.plusSeconds(180));

      try (Project.RecordingClassLoader loader = deployed.recordingClassLoader()) {
        MigrationResult result = retort(db, loader).upgrade();

        assertThat(result.runs()).hasSize(1);
        assertThat(indexes(db)).as("indexes after the deploy").contains(HAND_INDEX);
        assertThat(loader.loaded()).as("classes loaded by the deploy").contains(first, second);
        assertThat(columnSize(db, "name")).isEqualTo(100);
      }
    }
  }

  /**
   * A migration edited by hand in a way that leaves its schema as its snapshot shows (a data
   * step added to a generated migration, as a backfill is) is checked by describing it alone:
   * its upgrade applied to its parent's snapshot gives its own snapshot, so the deploy still
   * plans from the head's snapshot and loads neither the migrations before it nor after it.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aMigrationGivenADataStepByHandIsCheckedAloneAndTheRestIsNotLoaded(TestDatabase.Kind kind)
      throws IOException {
    Project project = new Project(root);
    String first = buildFirst(project);
    project.writeEntities(Map.of(ENTITY, item(70)));
    String backfill = onlyNewMigration(project, CLOCK.plusSeconds(60));
    addDataStepByHand(project, backfill);

    try (TestDatabase db = TestDatabase.create(kind)) {
      try (URLClassLoader loader = project.build(CLOCK.plusSeconds(90)).classLoader()) {
        assertThat(retort(db, loader).upgrade().runs()).hasSize(2);
      }
      String last = buildSecond(project);
      Project.Build deployed = project.build(CLOCK.plusSeconds(180));

      try (Project.RecordingClassLoader loader = deployed.recordingClassLoader()) {
        Retort retort = retort(db, loader);
        MigrationResult result = retort.upgrade();

        assertThat(result.runs()).hasSize(1);
        assertThat(loader.loaded()).as("classes loaded by the deploy").contains(backfill, last).doesNotContain(first);
        assertThat(retort.check().differences()).isEmpty();
        assertThat(columnSize(db, "name")).isEqualTo(100);
      }
    }
  }

  /**
   * A data migration written by hand, without a snapshot of its own, between two generated ones:
   * it has its first migration's snapshot, its upgrade changes no schema, so the deploy after it
   * checks it alone and plans from the newest applied snapshot.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aDataMigrationWrittenByHandWithoutASnapshotIsCheckedAloneAndTheRestIsNotLoaded(TestDatabase.Kind kind)
      throws IOException {
    Project project = new Project(root);
    String first = buildFirst(project);
    String data = writeDataMigrationByHand(project, first, "20261121_153100");

    try (TestDatabase db = TestDatabase.create(kind)) {
      try (URLClassLoader loader = project.build(CLOCK.plusSeconds(90)).classLoader()) {
        assertThat(retort(db, loader).upgrade().runs()).hasSize(2);
      }
      String last = buildSecond(project);
      assertThat(snapshotOf(data)).as("the data migration's snapshot").doesNotExist();
      Project.Build deployed = project.build(CLOCK.plusSeconds(180));

      try (Project.RecordingClassLoader loader = deployed.recordingClassLoader()) {
        Retort retort = retort(db, loader);
        MigrationResult result = retort.upgrade();

        assertThat(result.runs()).hasSize(1);
        assertThat(loader.loaded()).as("classes loaded by the deploy").contains(data, last).doesNotContain(first);
        assertThat(retort.check().differences()).isEmpty();
        assertThat(columnSize(db, "name")).isEqualTo(100);
      }
    }
  }

  @ParameterizedTest(name = "edited by hand: {0}")
  @ValueSource(booleans = {false, true})
  void anOfflineScriptStartsFromTheSnapshotOnlyWhenTheHistoryIsUnedited(boolean edited) throws IOException {
    Project project = new Project(root);
    String first = buildFirst(project);
    if (edited) {
      addIndexByHand(project, first);
    }
    buildSecond(project);
    Project.Build built = project.build(CLOCK.plusSeconds(180));
    String firstId = first.substring(first.lastIndexOf(".V") + 2, first.lastIndexOf('_'));

    try (Project.RecordingClassLoader loader = built.recordingClassLoader()) {
      Retort offline = Retort.builder().offline().classLoader(loader).build();
      String script = offline.sql(firstId, "head", Vendor.SQLITE).text();

      // SQLite rebuilds items to widen name, recreating the indexes the plan's schema has.
      assertThat(script).contains("CREATE TABLE");
      if (edited) {
        assertThat(script).contains(HAND_INDEX);
        assertThat(loader.loaded()).contains(first);
      } else {
        assertThat(script).doesNotContain(HAND_INDEX);
        assertThat(loader.loaded()).doesNotContain(first);
      }
    }
  }

  /**
   * A merge revision as the {@code merge} goal writes it (an empty class whose snapshot merges
   * its parents' three ways and records its source) joins two generated branches; the migration
   * after it is deployed from the merge's snapshot, which at every revision equals the replay.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aMergeWrittenAsTheMergeGoalWritesItIsPlannedFromItsSnapshot(TestDatabase.Kind kind) throws IOException {
    Project project = new Project(root);
    String base = buildFirst(project);
    project.writeEntities(Map.of(ENTITY, item(50), ALPHA, other("Alpha", "alpha")));
    String left = onlyNewMigration(project, CLOCK.plusSeconds(60));
    Map<Path, String> leftFiles = moveAside(left);
    project.writeEntities(Map.of(ENTITY, item(50), BETA, other("Beta", "beta")));
    String right = onlyNewMigration(project, CLOCK.plusSeconds(120));
    leftFiles.forEach(TrustedSnapshotTest::write);
    String merge = writeMerge(base, left, right, "20261121_153300");

    try (TestDatabase db = TestDatabase.create(kind)) {
      project.writeEntities(Map.of(ENTITY, item(50), ALPHA, other("Alpha", "alpha"), BETA, other("Beta", "beta")));
      Map<Path, String> before = project.tree();
      Project.Build merged = project.build(CLOCK.plusSeconds(240));
      assertThat(merged.succeeded()).as(merged.log()).isTrue();
      assertThat(project.tree()).as("a build at the merge writes nothing").isEqualTo(before);
      try (URLClassLoader loader = merged.classLoader()) {
        assertThat(retort(db, loader).upgrade().runs()).hasSize(4);
      }
      project.writeEntities(Map.of(ENTITY, item(100), ALPHA, other("Alpha", "alpha"), BETA, other("Beta", "beta")));
      String last = onlyNewMigration(project, CLOCK.plusSeconds(300));
      Project.Build deployed = project.build(CLOCK.plusSeconds(360));

      try (Project.RecordingClassLoader loader = deployed.recordingClassLoader()) {
        RevisionGraph graph = RevisionGraph.ofRevisions(RevisionIndexResources.read(loader));
        for (LoadedRevision revision : graph.revisions()) {
          Set<String> applied = graph.ancestorsOrSelf(revision.id());
          AppliedSchema start = AppliedSchema.of(graph, applied, loader);
          assertThat(start.replayed()).as("applied revisions replayed at %s", revision).isEmpty();
          assertThat(start.model()).as("the schema at %s", revision).isEqualTo(Planner.modelOf(graph, applied));
        }
      }
      try (Project.RecordingClassLoader loader = deployed.recordingClassLoader()) {
        Retort retort = retort(db, loader);
        assertThat(retort.upgrade().runs()).hasSize(1);
        assertThat(loader.loaded()).as("classes loaded by the deploy").containsExactly(last)
            .doesNotContain(base, left, right, merge);
        assertThat(retort.check().differences()).isEmpty();
      }
    }
  }

  /**
   * The deployed migration widens a column of a table with a foreign key to one table and
   * referenced by another: the plan reads the tables it needs from the lazily read snapshot (on
   * SQLite, whose rebuild needs every table referencing {@code items}, the whole snapshot), and the
   * applied migration is not loaded.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aDeployChangingATableWithForeignKeysIsPlannedFromTheSnapshot(TestDatabase.Kind kind) throws IOException {
    Project project = new Project(root);
    String first = buildLinked(project, 50, CLOCK);

    try (TestDatabase db = TestDatabase.create(kind)) {
      apply(db, project.build(CLOCK.plusSeconds(60)));
      String second = buildLinked(project, 100, CLOCK.plusSeconds(120));
      Project.Build deployed = project.build(CLOCK.plusSeconds(180));

      try (Project.RecordingClassLoader loader = deployed.recordingClassLoader()) {
        Retort retort = retort(db, loader);
        MigrationResult result = retort.upgrade();

        assertThat(result.runs()).hasSize(1);
        assertThat(loader.loaded()).as("classes loaded by the deploy").contains(second).doesNotContain(first);
        assertThat(retort.check().differences()).isEmpty();
        assertThat(columnSize(db, "name")).isEqualTo(100);
      }
    }
  }

  /**
   * A corrupt line in a table the plan does not look at is not read, so it changes nothing: the
   * deploy plans from the snapshot. SQLite's rebuild of {@code items} needs the whole schema, which
   * cannot be read, so there the plan replays the applied migration instead, as it does for any
   * snapshot that cannot be read.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aCorruptLineInATableTheDeployDoesNotLookAtIsNotRead(TestDatabase.Kind kind) throws IOException {
    Project project = new Project(root);
    String first = buildLinked(project, 50, CLOCK);

    try (TestDatabase db = TestDatabase.create(kind)) {
      apply(db, project.build(CLOCK.plusSeconds(60)));
      String second = buildLinked(project, 100, CLOCK.plusSeconds(120));
      Project.Build deployed = project.build(CLOCK.plusSeconds(180));
      corrupt(deployed, first, "body");

      try (Project.RecordingClassLoader loader = deployed.recordingClassLoader()) {
        assertThat(retort(db, loader).upgrade().runs()).hasSize(1);

        if (kind == TestDatabase.Kind.SQLITE) {
          assertThat(loader.loaded()).as("classes loaded by the deploy").contains(first, second);
        } else {
          assertThat(loader.loaded()).as("classes loaded by the deploy").contains(second).doesNotContain(first);
        }
        assertThat(columnSize(db, "name")).isEqualTo(100);
      }
    }
  }

  /**
   * A corrupt line in the table the deploy changes is found when the plan reads that table; the
   * plan then replays the applied migration, as for a snapshot that cannot be read at all, and the
   * deploy goes through.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aCorruptLineInTheTableTheDeployChangesMakesThePlanReplay(TestDatabase.Kind kind) throws IOException {
    Project project = new Project(root);
    String first = buildLinked(project, 50, CLOCK);

    try (TestDatabase db = TestDatabase.create(kind)) {
      apply(db, project.build(CLOCK.plusSeconds(60)));
      String second = buildLinked(project, 100, CLOCK.plusSeconds(120));
      Project.Build deployed = project.build(CLOCK.plusSeconds(180));
      corrupt(deployed, first, "owner_id");

      try (Project.RecordingClassLoader loader = deployed.recordingClassLoader()) {
        assertThat(retort(db, loader).upgrade().runs()).hasSize(1);

        assertThat(loader.loaded()).as("classes loaded by the deploy").contains(first, second);
        assertThat(columnSize(db, "name")).isEqualTo(100);
      }
    }
  }

  /**
   * Builds {@code owners}, {@code items} (name of the given length, a foreign key to owners),
   * {@code tags} (a foreign key to items) and {@code notes}; returns the one new migration.
   */
  private String buildLinked(Project project, int nameLength, Instant clock) {
    project.writeEntities(Map.of(
        ENTITY, """
            package %s;

            import dev.retort.Column;
            import dev.retort.Id;
            import dev.retort.References;
            import dev.retort.Table;

            @Table(name = "items")
            public record Item(@Id long id, @Column(length = %d) String name, @References(Owner.class) long ownerId) {}
            """.formatted(Entities.PACKAGE, nameLength),
        Entities.PACKAGE.replace('.', '/') + "/Owner.java", other("Owner", "owners"),
        Entities.PACKAGE.replace('.', '/') + "/Tag.java", """
            package %s;

            import dev.retort.Id;
            import dev.retort.References;
            import dev.retort.Table;

            @Table(name = "tags")
            public record Tag(@Id long id, @References(Item.class) long itemId) {}
            """.formatted(Entities.PACKAGE),
        Entities.PACKAGE.replace('.', '/') + "/Note.java", """
            package %s;

            import dev.retort.Column;
            import dev.retort.Id;
            import dev.retort.Table;

            @Table(name = "notes")
            public record Note(@Id long id, @Column(length = 200) String body) {}
            """.formatted(Entities.PACKAGE)));
    return onlyNewMigration(project, clock);
  }

  /**
   * Breaks the line of a column in a migration's snapshot, in the source tree and in the build's
   * output: its type becomes one Retort does not know.
   */
  private void corrupt(Project.Build build, String migration, String column) throws IOException {
    String relative = migration.replace('.', '/') + ".schema";
    for (Path file : List.of(snapshotOf(migration), build.classes().resolve(relative))) {
      if (Files.exists(file)) {
        String text = read(file);
        String broken = text.replaceFirst("(?m)^  column " + column + " .*$", "  column " + column + " no_such_type null");
        assertThat(broken).as("snapshot with column " + column).isNotEqualTo(text);
        write(file, broken);
      }
    }
  }

  /** Builds the entities with {@code items.name} of length 50; returns the migration's class. */
  private String buildFirst(Project project) {
    project.writeEntities(Map.of(ENTITY, item(50)));
    return onlyNewMigration(project, CLOCK);
  }

  /** Widens {@code items.name} to 100 and builds; returns the new migration's class. */
  private String buildSecond(Project project) {
    project.writeEntities(Map.of(ENTITY, item(100)));
    return onlyNewMigration(project, CLOCK.plusSeconds(120));
  }

  private static String item(int nameLength) {
    return """
        package %s;

        import dev.retort.Column;
        import dev.retort.Id;
        import dev.retort.Table;

        @Table(name = "items")
        public record Item(@Id long id, @Column(length = %d) String name) {}
        """.formatted(Entities.PACKAGE, nameLength);
  }

  private static String other(String record, String table) {
    return """
        package %s;

        import dev.retort.Id;
        import dev.retort.Table;

        @Table(name = "%s")
        public record %s(@Id long id) {}
        """.formatted(Entities.PACKAGE, table, record);
  }

  /** The revision id of a generated migration class, {@code V<id>_<Summary>}. */
  private static String idOf(String migration) {
    return migration.substring(migration.lastIndexOf(".V") + 2, migration.lastIndexOf('_'));
  }

  private Path sourceOf(String migration) {
    return root.resolve("src/main/java").resolve(migration.replace('.', '/') + ".java");
  }

  private Path snapshotOf(String migration) {
    return root.resolve("src/main/resources").resolve(migration.replace('.', '/') + ".schema");
  }

  private SchemaModel schemaOf(String migration) {
    return SnapshotCodec.read(read(snapshotOf(migration)), migration);
  }

  /** Removes a migration and its snapshot from the project, as on another branch; returns them. */
  private Map<Path, String> moveAside(String migration) throws IOException {
    Map<Path, String> files = new TreeMap<>();
    for (Path file : List.of(sourceOf(migration), snapshotOf(migration))) {
      files.put(file, read(file));
      Files.delete(file);
    }
    return files;
  }

  /**
   * Writes what the {@code merge} goal writes for two heads: an empty merge class, and the
   * snapshot of the right branch's changes since the base applied to the left branch's schema,
   * recording the class's source checksum.
   */
  private String writeMerge(String base, String left, String right, String id) {
    ClassName className = ClassName.get(Entities.PACKAGE + ".migration", "V" + id + "_MergeHeads");
    String source = MigrationSource.withoutOperations(id, List.of(idOf(left), idOf(right)), className, "Merge heads.",
        List.of("Nothing to do: applying every parent is the whole change."), List.of("Nothing to undo.")).toString();
    SchemaModel merged = schemaOf(left).applyAll(SchemaDiff.diff(schemaOf(base), schemaOf(right)));
    String migration = className.reflectionName();
    write(sourceOf(migration), source);
    write(snapshotOf(migration), SnapshotCodec.write(merged, RevisionIndexFile.sourceChecksum(source)));
    return migration;
  }

  /**
   * Writes a migration by hand after {@code parent}, without a snapshot: its upgrade runs a
   * statement that changes no schema, as a data step does.
   */
  private String writeDataMigrationByHand(Project project, String parent, String id) {
    ClassName className = ClassName.get(Entities.PACKAGE + ".migration", "V" + id + "_Backfill");
    String migration = className.reflectionName();
    write(sourceOf(migration), MigrationSource.withoutOperations(id, List.of(idOf(parent)), className, "Backfill.",
        List.of("Written by hand."), List.of("Nothing to undo.")).toString());
    addDataStepByHand(project, migration);
    return migration;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Builds, requires exactly one new migration, and returns its class's binary name. */
  private String onlyNewMigration(Project project, Instant clock) {
    Map<Path, String> before = project.tree();
    Project.Build build = project.build(clock);
    assertThat(build.succeeded()).as(build.log()).isTrue();
    assertThat(build.diagnostics()).noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
    List<Path> written = new ArrayList<>();
    project.tree().keySet().stream().filter(f -> !before.containsKey(f) && f.toString().endsWith(".java"))
        .forEach(written::add);
    assertThat(written).as("migrations written").hasSize(1);
    String relative = Path.of("src/main/java").relativize(written.get(0)).toString();
    return relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
  }

  /** Edits the generated migration: its upgrade creates one more index than its snapshot shows. */
  private static void addIndexByHand(Project project, String migration) {
    Path file = Path.of("src/main/java", migration.replace('.', '/') + ".java");
    project.edit(file, source -> source.replaceFirst(
        "(public void upgrade\\(Schema schema\\) \\{\\n(?:.*\\n)*?)(  \\}\\n)",
        "$1    schema.alterTable(\"items\", t -> t.createIndex(\"" + HAND_INDEX + "\", \"name\"));\n$2"));
  }

  /**
   * Edits the generated migration: its upgrade ends with a statement that changes no schema, as
   * a data step does ({@code SELECT 1}, which every database takes as written).
   */
  private static void addDataStepByHand(Project project, String migration) {
    Path file = Path.of("src/main/java", migration.replace('.', '/') + ".java");
    project.edit(file, source -> source.replaceFirst(
        "(public void upgrade\\(Schema schema\\) \\{\\n(?:.*\\n)*?)(  \\}\\n)",
        "$1    schema.execute(\"SELECT 1\");\n$2"));
  }

  private static void apply(TestDatabase db, Project.Build build) throws IOException {
    try (URLClassLoader loader = build.classLoader()) {
      assertThat(retort(db, loader).upgrade().runs()).hasSize(1);
    }
  }

  private static Retort retort(TestDatabase db, ClassLoader loader) {
    return Retort.builder().url(db.url(), db.user(), db.password()).classLoader(loader).build();
  }

  /** The names of the indexes on {@code items}, in lower case, from the database's metadata. */
  private static List<String> indexes(TestDatabase db) {
    List<String> names = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
        ResultSet result = connection.getMetaData().getIndexInfo(connection.getCatalog(), connection.getSchema(),
            "items", false, false)) {
      while (result.next()) {
        String name = result.getString("INDEX_NAME");
        if (name != null) {
          names.add(name.toLowerCase(Locale.ROOT));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list the indexes of items in " + db, e);
    }
    return names;
  }

  /** The declared size of a column of {@code items}, from the database's metadata. */
  private static int columnSize(TestDatabase db, String column) {
    try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
        ResultSet result = connection.getMetaData().getColumns(connection.getCatalog(), connection.getSchema(),
            "items", column)) {
      assertThat(result.next()).as("column items." + column + " exists").isTrue();
      return result.getInt("COLUMN_SIZE");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read column items." + column + " in " + db, e);
    }
  }
}
