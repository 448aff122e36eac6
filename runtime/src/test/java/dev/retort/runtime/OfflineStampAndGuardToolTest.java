package dev.retort.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.fixtures.Library;
import dev.retort.runtime.testdb.ScriptTool;
import dev.retort.runtime.testdb.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The offline stamp script ({@link Retort#stampSql}) and the guard at the start of a script that
 * does not start from base, run with each database's own command-line tool as docs/commands.md
 * tells a database administrator to (see {@link ScriptTool}): the stamp script adopts a database
 * as the online stamp does, and a script run on a database at another revision, or without a
 * version table, stops before it changes anything.
 */
class OfflineStampAndGuardToolTest {

  @TempDir
  Path directory;

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void theStampScriptAdoptsADatabaseWhoseSchemaIsAlreadyThere(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind); TestDatabase reference = TestDatabase.create(kind)) {
      Retort retort = Probe.retort(db, Library.revisions());
      retort.upgrade("002");
      Probe.execute(db, "DROP TABLE " + Probe.quote(db, "retort_version"));
      Retort online = Probe.retort(reference, Library.revisions());
      online.upgrade("002");
      Probe.execute(reference, "DROP TABLE " + Probe.quote(reference, "retort_version"));
      online.stamp("002");

      ScriptTool.run(db, script("stamp.sql", retort.stampSql("002", kind.vendor()))).succeeded();

      assertThat(retort.current().revisions()).containsExactly("002");
      assertThat(OfflineScriptToolTest.query(db, versionRowsQuery(db)))
          .isEqualTo(OfflineScriptToolTest.query(reference, versionRowsQuery(reference)));
      assertThat(Probe.versionRows(db)).extracting(Probe.Row::executed).containsOnly(false);
      assertThat(retort.check().differences()).isEmpty();
      MigrationResult upgrade = retort.upgrade();
      assertThat(upgrade.runs()).extracting(run -> run.revision()).containsExactly("003", "004");
      assertThat(retort.current().atHead()).isTrue();
    }
  }

  /** A downgrade to base leaves the version table, empty: the stamp script from base writes into it. */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void theStampScriptFromBaseUsesAnEmptyVersionTable(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = Probe.retort(db, Library.revisions());
      retort.upgrade();
      retort.downgrade("base");

      ScriptTool.run(db, script("stamp.sql", retort.stampSql("head", kind.vendor()))).succeeded();

      assertThat(Probe.appliedIds(db)).containsExactly("001", "002", "003", "004");
    }
  }

  /** From recorded revisions the stamp script deletes, inserts and rewrites the rows as the online stamp does. */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void theStampScriptFromRecordedRevisionsLeavesWhatTheOnlineStampLeaves(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind); TestDatabase reference = TestDatabase.create(kind)) {
      Retort retort = Probe.retort(db, Library.revisions());
      retort.upgrade("003");
      Retort online = Probe.retort(reference, Library.revisions());
      online.upgrade("003");
      online.stamp("001");

      ScriptTool.run(db, script("stamp.sql", retort.stampSql("003", "001", kind.vendor()))).succeeded();

      assertThat(retort.current().revisions()).containsExactly("001");
      assertThat(OfflineScriptToolTest.query(db, versionRowsQuery(db)))
          .isEqualTo(OfflineScriptToolTest.query(reference, versionRowsQuery(reference)));
      assertThat(Probe.versionRows(db)).extracting(Probe.Row::executed).as("the row kept keeps its execution time")
          .containsExactly(true);
      ScriptTool.run(db, script("stamp-up.sql", retort.stampSql("001", "+2", kind.vendor()))).succeeded();
      assertThat(Probe.appliedIds(db)).containsExactly("001", "002", "003");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void theStampScriptStopsOnADatabaseAtAnotherRevision(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = Probe.retort(db, Library.revisions());
      retort.upgrade("001");
      List<String> before = OfflineScriptToolTest.query(db, versionRowsQuery(db));

      ScriptTool.Run run = ScriptTool.run(db, script("stamp.sql", retort.stampSql("002", "head", kind.vendor())));

      assertThat(run.exitCode()).as(run.output()).isNotZero();
      assertThat(run.output()).contains("Retort: ").contains("not at 002");
      assertThat(OfflineScriptToolTest.query(db, versionRowsQuery(db))).isEqualTo(before);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aScriptFromARevisionStopsBeforeAnyChangeOnADatabaseAtAnotherRevision(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = Probe.retort(db, Library.revisions());
      retort.upgrade("001");
      List<String> catalog = OfflineScriptToolTest.catalog(db);
      List<String> rows = OfflineScriptToolTest.query(db, versionRowsQuery(db));

      ScriptTool.Run run = ScriptTool.run(db, script("upgrade.sql", retort.sql("002", "head", kind.vendor())));

      assertThat(run.exitCode()).as(run.output()).isNotZero();
      assertThat(run.output()).contains("Retort: ").contains("not at 002").contains("current()");
      assertThat(OfflineScriptToolTest.catalog(db)).isEqualTo(catalog);
      assertThat(OfflineScriptToolTest.query(db, versionRowsQuery(db))).isEqualTo(rows);
    }
  }

  /** Also when the database records more than the script's start: a downgrade script written from an older revision. */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aScriptStopsOnADatabaseThatRecordsMoreThanItsStart(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = Probe.retort(db, Library.revisions());
      retort.upgrade("003");
      List<String> catalog = OfflineScriptToolTest.catalog(db);

      ScriptTool.Run run = ScriptTool.run(db, script("downgrade.sql", retort.sql("002", "001", kind.vendor())));

      assertThat(run.exitCode()).as(run.output()).isNotZero();
      assertThat(run.output()).contains("not at 002");
      assertThat(OfflineScriptToolTest.catalog(db)).isEqualTo(catalog);
      assertThat(Probe.appliedIds(db)).containsExactly("001", "002", "003");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aScriptFromARevisionStopsBeforeAnyChangeOnADatabaseWithoutAVersionTable(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = Probe.retort(db, Library.revisions());
      List<String> catalog = OfflineScriptToolTest.catalog(db);

      ScriptTool.Run run = ScriptTool.run(db, script("upgrade.sql", retort.sql("002", "head", kind.vendor())));

      assertThat(run.exitCode()).as(run.output()).isNotZero();
      assertThat(run.output()).contains("Retort: ").contains("no version table");
      assertThat(OfflineScriptToolTest.catalog(db)).isEqualTo(catalog);
      assertThat(Probe.tableExists(db, "retort_version")).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aScriptFromARevisionRunsOnADatabaseAtThatRevision(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = Probe.retort(db, Library.revisions());
      retort.upgrade("002");

      ScriptTool.run(db, script("upgrade.sql", retort.sql("002", "head", kind.vendor()))).succeeded();
      assertThat(retort.current().atHead()).isTrue();
      ScriptTool.run(db, script("downgrade.sql", retort.sql("head", "001", kind.vendor()))).succeeded();

      assertThat(retort.current().revisions()).containsExactly("001");
      assertThat(retort.check().differences()).isEmpty();
    }
  }

  /** The guard finds a version table kept in another schema (a database on MariaDB). */
  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
  void theGuardReadsAVersionTableInAnotherSchema(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      String schema = kind == TestDatabase.Kind.MARIADB ? db.name() + "_versions" : "versions";
      Probe.execute(db, (kind == TestDatabase.Kind.MARIADB ? "CREATE DATABASE " : "CREATE SCHEMA ")
          + Probe.quote(db, schema));
      try {
        Retort retort = Retort.builder().url(db.url(), db.user(), db.password()).migrations(Library.revisions())
            .schema(schema).lockTimeout(java.time.Duration.ofSeconds(60)).build();
        retort.upgrade("001");

        ScriptTool.Run run = ScriptTool.run(db, script("upgrade.sql", retort.sql("002", "head", kind.vendor())));
        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("not at 002");
        assertThat(Probe.tableExists(db, "books")).isFalse();

        ScriptTool.run(db, script("upgrade-from-001.sql", retort.sql("001", "head", kind.vendor()))).succeeded();
        assertThat(retort.current().atHead()).isTrue();
      } finally {
        Probe.execute(db, kind == TestDatabase.Kind.MARIADB ? "DROP DATABASE " + Probe.quote(db, schema)
            : "DROP SCHEMA " + Probe.quote(db, schema) + " CASCADE");
      }
    }
  }

  /**
   * The guard of a script for a tenant whose schema has a long name, as a run over tenants writes it: on MariaDB and
   * MySQL its messages name check constraints, of at most 64 characters, and the advice naming the schema does not
   * fit.
   */
  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
  void theGuardOfATenantWithALongSchemaNameStopsAndRuns(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      String schema = db.name() + "_tenant_with_a_rather_long_name";
      Probe.execute(db, (kind == TestDatabase.Kind.MARIADB ? "CREATE DATABASE " : "CREATE SCHEMA ")
          + Probe.quote(db, schema));
      try {
        Retort retort = Retort.builder().url(db.url(), db.user(), db.password()).migrations(Library.revisions())
            .currentSchema(schema).commandSyntax(CommandSyntax.CLI).lockTimeout(java.time.Duration.ofSeconds(60))
            .build();
        retort.upgrade("001");

        ScriptTool.Run run = ScriptTool.run(db, script("upgrade.sql", retort.sql("002", "head", kind.vendor())));
        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("Retort: ").contains("not at");
        assertThat(retort.current().revisions()).containsExactly("001");

        ScriptTool.run(db, script("upgrade-from-001.sql", retort.sql("001", "head", kind.vendor()))).succeeded();
        assertThat(retort.current().atHead()).isTrue();
      } finally {
        Probe.execute(db, kind == TestDatabase.Kind.MARIADB ? "DROP DATABASE " + Probe.quote(db, schema)
            : "DROP SCHEMA " + Probe.quote(db, schema) + " CASCADE");
      }
    }
  }

  private Path script(String name, SqlScript script) {
    return ScriptTool.write(directory, name, script.text());
  }

  /** The version table's rows as a stamp writes them: revision, description, checksum, source checksum. */
  private static String versionRowsQuery(TestDatabase db) {
    return "SELECT " + String.join(", ", Probe.quote(db, "revision"), Probe.quote(db, "description"),
        Probe.quote(db, "checksum"), Probe.quote(db, "source_checksum")) + " FROM "
        + Probe.quote(db, "retort_version") + " ORDER BY " + Probe.quote(db, "revision");
  }
}
