package dev.retort.runtime;

import static dev.retort.runtime.Codes.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.index.RevisionIndexFile;
import dev.retort.runtime.fixtures.Library;
import dev.retort.runtime.testdb.TestDatabase;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The ways to create a Retort, and where its version table goes. */
class ConfigurationTest {

  @TempDir
  Path classpath;

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
  void theVersionTableCanHaveAnotherNameInAnotherSchema(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      String schema = kind == TestDatabase.Kind.MARIADB ? db.name() + "_meta" : "meta";
      String create = kind == TestDatabase.Kind.MARIADB ? "CREATE DATABASE " : "CREATE SCHEMA ";
      Probe.execute(db, create + Probe.quote(db, schema));
      try {
        Retort retort = Retort.builder().url(db.url(), db.user(), db.password()).migrations(Library.revisions())
            .versionTable("schema_history").schema(schema).build();

        retort.upgrade("+3");

        assertThat(Probe.versionRows(db, Probe.quote(db, schema) + "." + Probe.quote(db, "schema_history")))
            .extracting(Probe.Row::revision).containsExactly("001", "002", "003");
        assertThat(Probe.tableExists(db, "retort_version")).isFalse();
        assertThat(retort.current().revisions()).containsExactly("003");
        assertThat(retort.check().differences()).isEmpty();
        assertThat(retort.downgrade("base").runs()).hasSize(3);
      } finally {
        if (kind == TestDatabase.Kind.MARIADB) {
          Probe.execute(db, "DROP DATABASE " + Probe.quote(db, schema));
        }
      }
    }
  }

  @Test
  void theOneLinerFindsTheGeneratedIndexThroughTheContextClassLoader() throws IOException {
    IndexFixture.write(classpath, IndexFixture.library(""));
    JdbcDataSource dataSource = new JdbcDataSource();
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2);
        URLClassLoader loader = new URLClassLoader(new URL[] {classpath.toUri().toURL()}, original)) {
      dataSource.setURL(db.url());
      dataSource.setUser(db.user());
      thread.setContextClassLoader(loader);

      MigrationResult result = Retort.migrate(dataSource);

      assertThat(result.after()).containsExactly("004");
      assertThat(Probe.appliedIds(db)).containsExactly("001", "002", "003", "004");
      assertThat(Retort.migrate(dataSource).changed()).isFalse();
    } finally {
      thread.setContextClassLoader(original);
    }
  }

  @Test
  void withoutAnIndexOrMigrationsTheErrorSaysHowToProvideThem() throws IOException {
    try (URLClassLoader empty = new URLClassLoader(new URL[] {classpath.toUri().toURL()}, null)) {
      assertThatThrownBy(() -> Retort.builder().url("jdbc:h2:mem:x", "sa", "").classLoader(empty).build())
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.NO_MIGRATIONS))
          .hasMessageContaining(RevisionIndexFile.RESOURCE)
          .hasMessageContaining("Put the Retort processor on the annotation processor path of the module that holds the"
              + " migrations, not only on its class path: javac 23 and newer run no processor they find there")
          .hasMessageContaining("Retort.builder().migrations(...)");
    }
  }

  @Test
  void aJdbiInstanceCanBeGiven() {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = Retort.builder().jdbi(Jdbi.create(db.url())).migrations(Library.revisions()).build();

      assertThat(retort.upgrade("+1").after()).containsExactly("001");
    }
  }

  @Test
  void theDatabaseIsGivenExactlyOnce() {
    assertThatThrownBy(() -> Retort.builder().migrations(Library.revisions()).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no database");
    assertThatThrownBy(() -> Retort.builder().url("jdbc:h2:mem:x", "sa", "").jdbi(Jdbi.create("jdbc:h2:mem:y")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("already set by url");
  }

  @Test
  void aUrlThatNoDriverTakesIsReportedByTheFirstCommandNotByBuild() {
    // build() loads the driver on another thread; what goes wrong there must reach the command, once.
    Retort retort = Retort.builder().url("jdbc:retort-no-such-driver:x", "sa", "")
        .migrations(Library.revisions()).build();

    assertThatThrownBy(retort::upgrade)
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.DATABASE_ERROR))
        .hasMessageContaining("Could not connect to the database")
        .hasMessageContaining("jdbc:retort-no-such-driver:x")
        .hasMessageContaining("No JDBC driver on the class path accepts the URL");
  }

  @Test
  void aSqliteFileWhoseDirectoryIsMissingAsksForTheDirectoryNotForARunningDatabase() {
    // A desktop application's first start: SQLite creates the file, but not ~/.app/ on its path.
    Path file = classpath.resolve("no-such-directory").resolve("app.db");
    Retort retort = Retort.builder().url("jdbc:sqlite:" + file, null, null).migrations(Library.revisions()).build();

    assertThatThrownBy(retort::upgrade)
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.DATABASE_ERROR))
        .hasMessageStartingWith("Could not connect to the database: [SQLITE_CANTOPEN]")
        .hasMessageContaining("SQLite creates a missing database file, but not the directory it goes in: create the"
            + " directory first (Files.createDirectories)")
        .hasMessageNotContaining("running");
  }

  @Test
  void aFileThatIsNotASqliteDatabaseIsNamedAsSuchAndLeftAsItIs() throws IOException {
    // SQLite opens any file, and refuses it only at the first statement, which is Retort's own.
    Path file = classpath.resolve("notes.db");
    String text = "Shopping: milk, eggs, and a file that the URL names by mistake.\n".repeat(20);
    Files.writeString(file, text);
    Retort retort = Retort.builder().url("jdbc:sqlite:" + file, null, null).migrations(Library.revisions()).build();

    for (ThrowingCallable command : List.<ThrowingCallable>of(retort::upgrade, retort::current, retort::check)) {
      assertThatThrownBy(command)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.DATABASE_ERROR))
          .hasMessageContaining("[SQLITE_NOTADB]")
          .hasMessageEndingWith(". The file is not a SQLite database: check that the URL names the application's"
              + " database file, not another file, and that an encrypted database is opened with its key. Nothing was"
              + " changed.");
    }
    assertThat(Files.readString(file)).isEqualTo(text);
  }

  @Test
  void settingsAreValidatedWhereTheyAreGiven() {
    assertThatThrownBy(() -> Retort.builder().lockTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    assertThatThrownBy(() -> Retort.builder().versionTable(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version table name");
  }
}
