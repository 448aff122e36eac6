package dev.retort.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.index.RevisionIndexFile;
import dev.retort.runtime.fixtures.Failing;
import dev.retort.runtime.fixtures.Library;
import dev.retort.runtime.fixtures.Scripted;
import dev.retort.runtime.testdb.ScriptTool;
import dev.retort.runtime.testdb.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The offline script's text, as {@code retort sql --output} writes it, run with each database's
 * own command-line tool as docs/commands.md tells a database administrator to run it (see
 * {@link ScriptTool}), leaves the database exactly as Retort's online upgrade and downgrade do:
 * the same catalog, the same rows, the same version-table rows. The history ({@link Scripted})
 * holds every kind of operation and every text that a client's parser could misread.
 *
 * <p>The tests hold a connection to each database while they read it, so that H2 does not close
 * the database between two reads and compile its trigger's Java source again when it reopens it.
 */
class OfflineScriptToolTest {

  @TempDir
  Path directory;

  private final List<URLClassLoader> loaders = new ArrayList<>();

  @AfterEach
  void closeLoaders() throws IOException {
    for (URLClassLoader loader : loaders) {
      loader.close();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void theScriptRunByTheDatabasesToolLeavesWhatRetortLeavesUpAndDown(TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase online = TestDatabase.create(kind); TestDatabase offline = TestDatabase.create(kind);
        Connection keepOnlineOpen = online.connect()) {
      Retort byRetort = retort(online);
      Retort byScript = retort(offline);
      byRetort.upgrade();

      ScriptTool.run(offline, script("upgrade.sql", byScript.sql("base", "head", kind.vendor()))).succeeded();

      try (Connection keepOfflineOpen = offline.connect()) {
        assertThat(byScript.current().atHead()).isTrue();
        assertThat(byRetort.check().differences()).as("the online path, the reference").isEmpty();
        assertThat(byScript.check().differences()).isEmpty();
        assertThat(versionRows(offline)).isEqualTo(versionRows(online)).hasSize(Scripted.REVISIONS.size());
        assertThat(query(offline, "SELECT COUNT(*) FROM " + Probe.quote(offline, "retort_version") + " WHERE "
            + Probe.quote(offline, "execution_ms") + " IS NOT NULL")).as("no execution time: Retort did not run it")
            .containsExactly("0");
        assertThat(catalog(offline)).isEqualTo(catalog(online));
        assertThat(rows(offline, "order")).isEqualTo(rows(online, "order"))
            .singleElement().asString().contains(Scripted.TRICKY_DATA);
        assertThat(rows(offline, "Notizen ✓")).isEqualTo(rows(online, "Notizen ✓")).singleElement().asString()
            .contains("XL ✓");
        assertThat(rows(offline, "audit")).isEqualTo(rows(online, "audit"))
            .containsExactly("1 | row; -- one; stamped", "2 | two; stamped");
      }

      byRetort.downgrade("base");
      ScriptTool.run(offline, script("downgrade.sql", byScript.sql("head", "base", kind.vendor()))).succeeded();

      assertThat(byScript.current().atBase()).isTrue();
      assertThat(versionRows(offline)).isEmpty();
      assertThat(catalog(offline)).isEqualTo(catalog(online));
    }
  }

  /**
   * A database at base may have an empty version table: Retort's downgrade to base and a script
   * down to base both leave one. The script from base runs on it all the same.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void theScriptFromBaseRunsWhereTheVersionTableIsLeftEmpty(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = Probe.retort(db, Library.revisions());
      retort.upgrade();
      retort.downgrade("base");

      ScriptTool.run(db, script("upgrade.sql", retort.sql("base", "head", kind.vendor()))).succeeded();
      assertThat(retort.current().atHead()).isTrue();
      ScriptTool.run(db, script("downgrade.sql", retort.sql("head", "base", kind.vendor()))).succeeded();
      assertThat(retort.current().atBase()).isTrue();
      ScriptTool.run(db, script("upgrade-again.sql", retort.sql("base", "head", kind.vendor()))).succeeded();

      assertThat(retort.current().atHead()).isTrue();
      assertThat(retort.check().differences()).isEmpty();
    }
  }

  /**
   * The script is UTF-8 whatever the client's own encoding: a psql whose client encoding is
   * LATIN1 (PGCLIENTENCODING, or an interactive session on a Latin-1 terminal), a mariadb client
   * in the C locale (which then speaks latin1), an H2 RunScript on a JVM whose default charset is
   * ASCII.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void theScriptIsReadAsUtf8WhateverTheClientsOwnEncoding(TestDatabase.Kind kind) {
    try (TestDatabase online = TestDatabase.create(kind); TestDatabase offline = TestDatabase.create(kind)) {
      Retort byRetort = retort(online);
      Retort byScript = retort(offline);
      byRetort.upgrade("01");

      ScriptTool.run(offline, script("upgrade.sql", byScript.sql("base", "01", kind.vendor())),
          Map.of("LC_ALL", "C", "LANG", "C", "PGCLIENTENCODING", "LATIN1")).succeeded();

      assertThat(versionRows(offline)).isEqualTo(versionRows(online)).singleElement().asString()
          .contains(Scripted.TRICKY_DATA);
      assertThat(catalog(offline)).isEqualTo(catalog(online));
      assertThat(byScript.check().differences()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aScriptStopsAtTheFailingStatementAndLeavesWhatRetortsFailedUpgradeLeaves(TestDatabase.Kind kind) {
    try (TestDatabase online = TestDatabase.create(kind); TestDatabase offline = TestDatabase.create(kind)) {
      Retort byRetort = Probe.retort(online, Failing.revisions());
      Retort byScript = Probe.retort(offline, Failing.revisions());
      try {
        byRetort.upgrade();
      } catch (RetortException expected) {
        assertThat(expected.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
      }

      ScriptTool.Run run = ScriptTool.run(offline, script("upgrade.sql", byScript.sql("base", "head", kind.vendor())));

      assertThat(run.exitCode()).as(run.output()).isNotZero();
      assertThat(run.output()).containsIgnoringCase("no_such_table");
      assertThat(byScript.current().applied()).extracting(AppliedRevision::revision).containsExactly("001");
      assertThat(catalog(offline)).isEqualTo(catalog(online));
      boolean keepsStatementsBefore = kind != TestDatabase.Kind.POSTGRESQL && kind != TestDatabase.Kind.SQLITE;
      assertThat(Probe.tableExists(offline, "t2")).as("the statements before the failing one stay applied where DDL"
          + " commits, and roll back with the migration where it does not").isEqualTo(keepsStatementsBefore);
      assertThat(Probe.tableExists(offline, "t3")).as("nothing after the failing statement runs").isFalse();
    }
  }

  /** A Retort reading the history from a revision index, as a processor-built project does, with source checksums. */
  private Retort retort(TestDatabase db) {
    List<RevisionIndexFile.Entry> entries = new ArrayList<>();
    String parent = null;
    for (Scripted.Step step : Scripted.REVISIONS) {
      entries.add(new RevisionIndexFile.Entry(step.id(), step.migration().getName(), "",
          RevisionIndexFile.sourceChecksum("source of " + step.id()), "", step.description(),
          parent == null ? List.of() : List.of(parent)));
      parent = step.id();
    }
    try {
      Path root = Files.createTempDirectory(directory, "index");
      Path file = root.resolve(RevisionIndexFile.RESOURCE);
      Files.createDirectories(file.getParent());
      Files.writeString(file, RevisionIndexFile.write(entries), StandardCharsets.UTF_8);
      URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, getClass().getClassLoader());
      loaders.add(loader);
      return Retort.builder().url(db.url(), db.user(), db.password()).classLoader(loader)
          .lockTimeout(Duration.ofSeconds(60)).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path script(String name, SqlScript script) {
    return ScriptTool.write(directory, name, script.text());
  }

  /** The version table's rows: revision, description, checksum, source checksum. */
  private static List<String> versionRows(TestDatabase db) {
    return query(db, "SELECT " + String.join(", ", Probe.quote(db, "revision"), Probe.quote(db, "description"),
        Probe.quote(db, "checksum"), Probe.quote(db, "source_checksum")) + " FROM " + Probe.quote(db, "retort_version")
        + " ORDER BY " + Probe.quote(db, "revision"));
  }

  /** The rows of a table, ordered by their text. */
  private static List<String> rows(TestDatabase db, String table) {
    return query(db, "SELECT * FROM " + Probe.quote(db, table)).stream().sorted().toList();
  }

  /** Every table, view, index, constraint and type the database holds, as its own catalog spells them. */
  static List<String> catalog(TestDatabase db) {
    switch (db.kind()) {
      case SQLITE:
      {
        List<String> catalog = query(db, "SELECT \"type\", \"name\", \"tbl_name\", \"sql\" FROM \"sqlite_master\""
            + " ORDER BY 1, 2");
        if (catalog.stream().anyMatch(row -> row.startsWith("table | sqlite_sequence |"))) {
          catalog.addAll(query(db, "SELECT \"name\", \"seq\" FROM \"sqlite_sequence\" ORDER BY 1"));
        }
        return catalog;
      }
      case H2:
        // Retort's online path on H2 also creates retort_version_lock, the row its lock holds;
        // a script takes no lock, and Retort creates the table when it next needs it.
        return query(db, "SCRIPT NODATA NOPASSWORDS NOSETTINGS").stream()
            .filter(line -> !line.startsWith("CREATE USER") && !line.contains("retort_version_lock")).toList();
      case MARIADB: {
        List<String> catalog = new ArrayList<>();
        for (String table : query(db, "SELECT `table_name` FROM `information_schema`.`tables`"
            + " WHERE `table_schema` = DATABASE() ORDER BY 1")) {
          catalog.addAll(query(db, "SHOW CREATE TABLE `" + table.replace("`", "``") + "`"));
        }
        return catalog;
      }
      case POSTGRESQL:
        return query(db, "SELECT c.relname || ' ' || c.relkind::text || ' ' || coalesce(pg_get_indexdef(c.oid), '')"
            + " || ' ' || coalesce(obj_description(c.oid, 'pg_class'), '') FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'"
            + " UNION ALL SELECT a.attrelid::regclass::text || '.' || a.attname || ' '"
            + " || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull || ' ' || a.attidentity::text || ' '"
            + " || coalesce(pg_get_expr(d.adbin, d.adrelid), '') || ' '"
            + " || coalesce(col_description(a.attrelid, a.attnum), '')"
            + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " WHERE n.nspname = 'public' AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind = 'r'"
            + " UNION ALL SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)"
            + " FROM pg_constraint WHERE connamespace = 'public'::regnamespace"
            + " UNION ALL SELECT t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)"
            + " FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid"
            + " WHERE t.typnamespace = 'public'::regnamespace GROUP BY t.typname ORDER BY 1");
      default:
        throw new AssertionError(db.kind());
    }
  }

  /** The rows of a query, each its columns joined with " | ". */
  static List<String> query(TestDatabase db, String sql) {
    List<String> rows = new ArrayList<>();
    try (Connection connection = db.connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      ResultSetMetaData metadata = result.getMetaData();
      while (result.next()) {
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= metadata.getColumnCount(); i++) {
          columns.add(String.valueOf(result.getString(i)));
        }
        rows.add(String.join(" | ", columns));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run " + sql + " on " + db, e);
    }
    return rows;
  }
}
