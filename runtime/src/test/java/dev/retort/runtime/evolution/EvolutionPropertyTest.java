package dev.retort.runtime.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.CheckResult;
import dev.retort.runtime.Retort;
import dev.retort.runtime.internal.execution.AppliedSchema;
import dev.retort.runtime.internal.execution.Planner;
import dev.retort.runtime.internal.graph.LoadedRevision;
import dev.retort.runtime.internal.graph.RevisionGraph;
import dev.retort.runtime.internal.graph.RevisionIndexResources;
import dev.retort.runtime.testdb.TestDatabase;
import dev.retort.runtime.testing.MigrationCycle;
import dev.retort.testing.PropertyTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * Retort's central promise, end to end, on generated projects: the processor diffs the
 * {@code @Table} entities against the schema the committed migrations produce and writes the
 * difference as a migration; the runtime applies it; afterwards the live database matches the
 * entities, and a downgrade undoes it.
 *
 * <p>Each case draws entities from its seed ({@link EntityGenerator}: reserved words and mixed
 * case for names, every mapped Java type, keys, indexes, unique columns and constraints, checks and foreign
 * keys between the tables), builds them with the real processor, changes them a few times
 * and builds again each time ({@link EvolvedHistory}, which checks every build as it goes).
 * {@link #theProcessorWritesAHistoryThatGivesTheEntities} stops there; the database
 * properties then apply the history's compiled migrations with the runtime and require that
 * each revision up and down leaves the live schema as {@code check()} expects it, that the
 * downgrade to base leaves only the version table, and that the upgrade runs again.
 *
 * <p>A deploy plans from the applied head's snapshot instead of replaying the applied
 * migrations only when that snapshot provably equals the replay ({@link AppliedSchema}). Every
 * case checks that, at every revision, the schema a plan starts from is the replay's, and
 * that the snapshot stands in for it exactly when no migration up to there was edited after it
 * was generated ({@link EvolvedHistory} edits one in every other case); the database
 * properties end with the deploy of the last migration by a freshly started application, which
 * loads no applied migration class unless one was edited, and leaves the schema {@code check()}
 * expects.
 *
 * <p>The entities leave out what a database refuses with an error of its own that the guide
 * documents ({@link EntityGenerator.Limits}): indexes and unique constraints on text, json and
 * blob columns (H2 indexes no {@code BLOB}, MariaDB no {@code LONGTEXT} without a prefix), and on
 * MariaDB the {@code SET DEFAULT} action and checks on an {@code AUTO_INCREMENT} column or on a
 * column whose foreign key cascades or sets null; and on SQLite sequences. Checks write a column bare only where its name
 * is a plain word that no database reserves, and H2 runs with {@code DATABASE_TO_LOWER=TRUE}, as
 * the guide says for bare names. A project keeps at least one entity: a compilation without
 * {@code @Table} entities writes no migration.
 *
 * <p>A failure names its seed and how to run it alone (see {@link PropertyTest}); its message
 * tells the history: each build's changes and the migration it wrote. More seeds explore
 * further: {@code -Dretort.tries=50 -Dretort.baseSeed=N}.
 */
class EvolutionPropertyTest {

  /** How many times the entities change after the first build. */
  private static final int CHANGES = 3;

  @TempDir Path root;

  @PropertyTest(tries = 8)
  void theProcessorWritesAHistoryThatGivesTheEntities(long seed) {
    EvolvedHistory history = EvolvedHistory.generate(seed, root, CHANGES, EntityGenerator.Limits.NONE);
    try {
      requireSnapshotsStandInForTheReplayExactlyWhenTrusted(history);
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(e.getMessage() + "\n" + history.story(), e);
    }
  }

  /**
   * At each revision, the schema a plan starts from equals the replay of the migrations up to
   * it, and comes from the snapshot exactly when none of them was edited after it was generated.
   */
  private static void requireSnapshotsStandInForTheReplayExactlyWhenTrusted(EvolvedHistory history) {
    try (URLClassLoader loader = history.classLoader()) {
      RevisionGraph graph = RevisionGraph.ofRevisions(RevisionIndexResources.read(loader));
      boolean edited = false;
      for (LoadedRevision revision : graph.revisions()) {
        edited |= history.editedClass().equals(Optional.of(revision.migrationClass()));
        Set<String> applied = graph.ancestorsOrSelf(revision.id());
        AppliedSchema start = AppliedSchema.of(graph, applied, loader);
        assertThat(start.replayed().isEmpty()).as("whether the snapshot of %s stands in for the replay", revision)
            .isEqualTo(!edited);
        assertThat(start.model()).as("the schema at %s", revision).isEqualTo(Planner.modelOf(graph, applied));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @PropertyTest(tries = 4)
  void h2(long seed) {
    appliesOn(TestDatabase.Kind.H2, seed);
  }

  @PropertyTest(tries = 4)
  void sqlite(long seed) {
    appliesOn(TestDatabase.Kind.SQLITE, seed);
  }

  @PropertyTest(tries = 2)
  void postgresql(long seed) {
    appliesOn(TestDatabase.Kind.POSTGRESQL, seed);
  }

  @PropertyTest(tries = 2)
  void mariadb(long seed) {
    appliesOn(TestDatabase.Kind.MARIADB, seed);
  }

  private void appliesOn(TestDatabase.Kind kind, long seed) {
    EvolvedHistory history = EvolvedHistory.generate(seed, root, CHANGES, switch (kind) {
      case MARIADB -> EntityGenerator.Limits.INNODB;
      case SQLITE -> EntityGenerator.Limits.NO_SEQUENCES;
      default -> EntityGenerator.Limits.NONE;
    });
    try (TestDatabase db = TestDatabase.create(kind); URLClassLoader loader = history.classLoader()) {
      // Check expressions name columns bare; H2 finds them as the other databases do with the
      // setting the guide gives for it (docs/entities.md, @Check).
      String url = kind == TestDatabase.Kind.H2 ? db.url() + ";DATABASE_TO_LOWER=TRUE" : db.url();
      Retort retort = Retort.builder().url(url, db.user(), db.password()).classLoader(loader)
          .lockTimeout(Duration.ofSeconds(60)).build();
      MigrationCycle.verifyEachStep(retort);

      retort.downgrade("base");
      List<String> versionTables = kind == TestDatabase.Kind.H2
          ? List.of("retort_version", "retort_version_lock") : List.of("retort_version");
      assertThat(tables(url, db)).as("the tables left after the downgrade to base")
          .containsExactlyInAnyOrderElementsOf(versionTables);

      retort.upgrade("head");
      CheckResult check = retort.check();
      assertThat(check.differences()).as("check() after the upgrade from base to head").isEmpty();

      retort.downgrade("-1");
      deployTheLastMigration(history, url, db);
    } catch (TestAbortedException skipped) {
      throw skipped;
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(e.getMessage() + "\n" + history.story(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Applies the last migration as a freshly started application does after a release: the
   * applied migration classes are not loaded unless one of them was edited by hand.
   */
  private static void deployTheLastMigration(EvolvedHistory history, String url, TestDatabase db)
      throws IOException {
    List<String> classes = history.migrationClasses();
    String newest = classes.get(classes.size() - 1);
    try (Project.RecordingClassLoader loader = history.recordingClassLoader()) {
      Retort retort = Retort.builder().url(url, db.user(), db.password()).classLoader(loader)
          .lockTimeout(Duration.ofSeconds(60)).build();
      assertThat(retort.upgrade("head").runs()).as("the deploy's migrations").hasSize(1);
      boolean editedApplied = history.editedClass().filter(c -> !c.equals(newest)).isPresent();
      if (editedApplied) {
        assertThat(loader.loaded()).as("classes loaded by the deploy after a hand edit")
            .contains(history.editedClass().get(), newest);
      } else {
        assertThat(loader.loaded()).as("classes loaded by the deploy").containsExactly(newest);
      }
      assertThat(retort.check().differences()).as("check() after the deploy of the last migration").isEmpty();
    }
  }

  /** The tables of the database, from its metadata, without SQLite's own. */
  private static List<String> tables(String url, TestDatabase db) {
    List<String> tables = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url, db.user(), db.password())) {
      DatabaseMetaData metadata = connection.getMetaData();
      try (ResultSet result = metadata.getTables(connection.getCatalog(), connection.getSchema(), "%",
          new String[] {"TABLE"})) {
        while (result.next()) {
          String name = result.getString("TABLE_NAME");
          if (!name.startsWith("sqlite_")) {
            tables.add(name);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list the tables of " + db, e);
    }
    return tables;
  }
}
