package dev.retort.runtime.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.CheckResult;
import dev.retort.runtime.Retort;
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
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * Retort's central promise, end to end, on generated projects: the processor diffs the
 * {@code @Table} entities against the schema the committed migrations produce and writes the
 * difference as a migration; the runtime applies it; afterwards the live database matches the
 * entities, and a downgrade undoes it.
 *
 * <p>Each case draws entities from its seed ({@link EntityGenerator}: reserved words and mixed
 * case for names, every mapped Java type, keys, indexes, unique columns, checks and foreign
 * keys between the tables), builds them with the real processor, changes them a few times
 * and builds again each time ({@link EvolvedHistory}, which checks every build as it goes).
 * {@link #theProcessorWritesAHistoryThatGivesTheEntities} stops there; the database
 * properties then apply the history's compiled migrations with the runtime and require that
 * each revision up and down leaves the live schema as {@code check()} expects it, that the
 * downgrade to base leaves only the version table, and that the upgrade runs again.
 *
 * <p>The entities leave out what a database refuses with an error of its own that the guide
 * documents ({@link EntityGenerator.Limits}): indexes and unique constraints on text, json and
 * blob columns (H2 indexes no {@code BLOB}, MariaDB no {@code LONGTEXT} without a prefix), and on
 * MariaDB the {@code SET DEFAULT} action and checks on an {@code AUTO_INCREMENT} column or on a
 * column whose foreign key cascades or sets null. Checks write a column bare only where its name
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
    EvolvedHistory.generate(seed, root, CHANGES, EntityGenerator.Limits.NONE);
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
    EvolvedHistory history = EvolvedHistory.generate(seed, root, CHANGES,
        kind == TestDatabase.Kind.MARIADB ? EntityGenerator.Limits.INNODB : EntityGenerator.Limits.NONE);
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
    } catch (TestAbortedException skipped) {
      throw skipped;
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(e.getMessage() + "\n" + history.story(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
