package dev.retort.runtime.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.operation.Vendor;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.Retort;
import dev.retort.runtime.testdb.TestDatabase;
import java.io.IOException;
import java.net.URLClassLoader;
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
 * that index.
 */
class TrustedSnapshotTest {

  private static final Instant CLOCK = Instant.parse("2026-11-21T15:30:00Z");
  private static final String ENTITY = Entities.PACKAGE.replace('.', '/') + "/Item.java";
  private static final String HAND_INDEX = "ix_items_name_by_hand";

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
