package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.Probe;
import dev.retort.runtime.testdb.ScriptTool;
import dev.retort.runtime.testdb.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code --current-schema} naming several schemas, or a pattern: one run of a command over a schema per tenant, on
 * H2, PostgreSQL and MariaDB (where a tenant is a database of the server).
 */
class RetortCliTenantsTest {

  private static Cli.Run retort(TestDatabase db, String... args) {
    String[] full = new String[args.length + 4];
    System.arraycopy(args, 0, full, 0, args.length);
    full[args.length] = "--url";
    full[args.length + 1] = db.url();
    full[args.length + 2] = "--user";
    full[args.length + 3] = db.user();
    return Cli.run(full);
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = "SQLITE", mode = EnumSource.Mode.EXCLUDE)
  void aPatternRunsTheCommandInEachMatchingSchemaSortedByName(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind); Tenants tenants = new Tenants(db, "b", "c", "a")) {
      Probe.execute(db, (kind == TestDatabase.Kind.MARIADB ? "CREATE DATABASE " : "CREATE SCHEMA ")
          + Probe.quote(db, db.name() + "other"));
      try {
        Cli.Run upgrade = retort(db, "upgrade", "--current-schema", tenants.pattern());
        Cli.Run current = retort(db, "current", "--current-schema", tenants.name("c") + "," + tenants.name("a"));
        Cli.Run check = retort(db, "check", "--current-schema", tenants.pattern());

        assertThat(upgrade.exitCode()).as(upgrade.all()).isEqualTo(RetortCli.OK);
        List<String> lines = upgrade.out().lines().toList();
        assertThat(lines).hasSize(3 * 5 + 1);
        assertThat(lines.get(0)).startsWith("[" + tenants.name("a") + "] Applied 0001_accounts: ");
        assertThat(lines.get(4)).startsWith("[" + tenants.name("a") + "] Upgraded from base to 0003_email_index (head)");
        assertThat(lines.get(5)).startsWith("[" + tenants.name("b") + "] Applied 0001_accounts: ");
        assertThat(lines.get(10)).startsWith("[" + tenants.name("c") + "] Applied 0001_accounts: ");
        assertThat(lines.get(15)).isEqualTo("3 " + tenants.kind() + "s: 3 upgraded.");
        for (String tenant : List.of("a", "b", "c")) {
          assertThat(tenants.applied(tenant)).containsExactly("0001_accounts", "0002_phone", "0003_email_index");
        }
        assertThat(tenants.appliedIn(db.name() + "other")).isEmpty();

        assertThat(current.exitCode()).as(current.all()).isEqualTo(RetortCli.OK);
        assertThat(current.out().lines().toList()).containsExactly(
            "[" + tenants.name("c") + "] Current revision: 0003_email_index (head).",
            "[" + tenants.name("a") + "] Current revision: 0003_email_index (head).",
            "2 " + tenants.kind() + "s: 2 at 0003_email_index (head).");

        assertThat(check.exitCode()).as(check.all()).isEqualTo(RetortCli.OK);
        assertThat(check.out().lines().toList()).hasSize(4)
            .first().asString().startsWith("[" + tenants.name("a") + "] The " + tenants.kind()
                + " matches revision 0003_email_index (head)");
        assertThat(check.out()).endsWith("3 " + tenants.kind() + "s: 3 matching." + System.lineSeparator());
      } finally {
        tenants.drop(db.name() + "other");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = "SQLITE", mode = EnumSource.Mode.EXCLUDE)
  void aSchemaThatFailsDoesNotStopTheOthersAndFailsTheCommand(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind); Tenants tenants = new Tenants(db, "a", "b", "c")) {
      // Tenant b holds a table of its own named as the first migration's: creating it fails there.
      Probe.execute(db, "CREATE TABLE " + tenants.qualified("b", "accounts") + " (id INT PRIMARY KEY)");

      Cli.Run upgrade = retort(db, "upgrade", "--current-schema", tenants.pattern());
      Cli.Run current = retort(db, "current", "--current-schema", tenants.pattern());
      Cli.Run check = retort(db, "check", "--current-schema", tenants.pattern());

      assertThat(upgrade.exitCode()).as(upgrade.all()).isEqualTo(RetortCli.FAILED);
      assertThat(tenants.applied("a")).containsExactly("0001_accounts", "0002_phone", "0003_email_index");
      assertThat(tenants.applied("b")).isEmpty();
      assertThat(tenants.applied("c")).containsExactly("0001_accounts", "0002_phone", "0003_email_index");
      assertThat(upgrade.out()).contains("[" + tenants.name("c") + "] Upgraded from base to 0003_email_index (head)")
          .endsWith("3 " + tenants.kind() + "s: 2 upgraded; 1 failed: " + tenants.name("b") + "."
              + System.lineSeparator());
      assertThat(upgrade.err()).startsWith("retort upgrade: [" + tenants.name("b") + "] ")
          .contains("0001_accounts")
          .contains("retort upgrade: database " + db.url());

      assertThat(current.exitCode()).as(current.all()).isEqualTo(RetortCli.OK);
      assertThat(current.out()).contains("[" + tenants.name("b") + "] Current revision: base (no revision applied); 3"
              + " revisions pending, up to head 0003_email_index.")
          .endsWith("3 " + tenants.kind() + "s: 2 at 0003_email_index (head); 1 at base, 3 pending: "
              + tenants.name("b") + "." + System.lineSeparator());

      assertThat(check.exitCode()).as(check.all()).isEqualTo(RetortCli.DIFFERENCES);
      assertThat(check.out()).contains("[" + tenants.name("b") + "] The " + tenants.kind() + " differs from revision"
              + " base")
          .endsWith("3 " + tenants.kind() + "s: 2 matching; 1 differing: " + tenants.name("b") + "."
              + System.lineSeparator());
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = "SQLITE", mode = EnumSource.Mode.EXCLUDE)
  void aPatternMatchingNoSchemaFailsAndChangesNothing(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Cli.Run run = retort(db, "upgrade", "--current-schema", db.name() + "_nobody_*");

      assertThat(run.exitCode()).as(run.all()).isEqualTo(RetortCli.FAILED);
      assertThat(run.err()).contains("No " + (kind == TestDatabase.Kind.MARIADB ? "database" : "schema")
          + " matches " + db.name() + "_nobody_* (compared without regard to case");
      assertThat(run.out()).isEmpty();
      assertThat(Probe.tables(db)).isEmpty();
    }
  }

  @Test
  void aPatternMatchesWithoutRegardToCaseAndNamesTheSchemasAsStoredAndTheOptionRepeats() {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2)) {
      Probe.execute(db, "CREATE SCHEMA TENANT_B", "CREATE SCHEMA \"tenant_a\"");

      Cli.Run run = retort(db, "upgrade", "0001", "--current-schema", "Tenant_*");

      assertThat(run.exitCode()).as(run.all()).isEqualTo(RetortCli.OK);
      assertThat(run.out()).contains("[tenant_a] Upgraded").contains("[TENANT_B] Upgraded")
          .endsWith("2 schemas: 2 upgraded." + System.lineSeparator());
      assertThat(run.out().indexOf("[tenant_a]")).isLessThan(run.out().indexOf("[TENANT_B]"));

      Cli.Run repeated = retort(db, "current", "--current-schema", "TENANT_B", "--current-schema", "tenant_a");
      assertThat(repeated.out().lines().toList()).containsExactly(
          "[TENANT_B] Current revision: 0001_accounts; 2 revisions pending, up to head 0003_email_index.",
          "[TENANT_B] Pending: 0002_phone, 0003_email_index",
          "[tenant_a] Current revision: 0001_accounts; 2 revisions pending, up to head 0003_email_index.",
          "[tenant_a] Pending: 0002_phone, 0003_email_index",
          "2 schemas: 2 at 0001_accounts, 2 pending: TENANT_B, tenant_a.");
    }
  }

  @Test
  void sqliteRefusesSeveralSchemas() {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Cli.Run run = retort(db, "upgrade", "--current-schema", "tenant_a,tenant_b");

      assertThat(run.exitCode()).as(run.all()).isEqualTo(RetortCli.FAILED);
      assertThat(run.err()).contains("SQLite has no schemas");
      assertThat(Probe.tables(db)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = "SQLITE", mode = EnumSource.Mode.EXCLUDE)
  void outputDirWritesAScriptPerSchemaFromItsOwnRevisionThatTheDatabasesToolApplies(TestDatabase.Kind kind,
      @TempDir Path temp) {
    try (TestDatabase db = TestDatabase.create(kind); Tenants tenants = new Tenants(db, "a", "b", "c")) {
      assertThat(retort(db, "upgrade", "0001", "--current-schema", tenants.name("b")).exitCode()).isZero();
      assertThat(retort(db, "upgrade", "0002", "--current-schema", tenants.name("c")).exitCode()).isZero();
      Path scripts = temp.resolve("scripts");

      Cli.Run run = retort(db, "upgrade", "--sql", "--current-schema", tenants.pattern(), "--output-dir",
          scripts.toString());

      assertThat(run.exitCode()).as(run.all()).isEqualTo(RetortCli.OK);
      assertThat(run.out().lines().toList()).hasSize(4).satisfiesExactly(
          line -> assertWrote(line, db, tenants.name("a"), "base", scripts),
          line -> assertWrote(line, db, tenants.name("b"), "0001_accounts", scripts),
          line -> assertWrote(line, db, tenants.name("c"), "0002_phone", scripts),
          line -> assertThat(line).isEqualTo("3 " + tenants.kind() + "s: 3 with a script to run: " + tenants.name("a")
              + ", " + tenants.name("b") + ", " + tenants.name("c") + "."));
      assertThat(tenants.applied("b")).containsExactly("0001_accounts");
      for (String tenant : List.of("a", "b", "c")) {
        Path script = scripts.resolve(tenants.name(tenant) + ".sql");
        ScriptTool.run(db, script).succeeded();
        assertThat(tenants.applied(tenant)).containsExactly("0001_accounts", "0002_phone", "0003_email_index");
      }
      // The guard: b's script, from 0001, stops a schema at head before any change.
      ScriptTool.Run again = ScriptTool.run(db, scripts.resolve(tenants.name("b") + ".sql"));
      assertThat(again.exitCode()).as(again.output()).isNotZero();
      assertThat(tenants.applied("b")).containsExactly("0001_accounts", "0002_phone", "0003_email_index");

      // Written again once the schemas are at head: every script says so and changes nothing.
      Cli.Run rerun = retort(db, "upgrade", "--sql", "--current-schema", tenants.pattern(), "--output-dir",
          scripts.toString());

      assertThat(rerun.exitCode()).as(rerun.all()).isEqualTo(RetortCli.OK);
      assertThat(rerun.out()).contains("[" + tenants.name("a") + "] Already at 0003_email_index (head): wrote "
              + scripts.resolve(tenants.name("a") + ".sql") + ", which changes nothing.")
          .endsWith("3 " + tenants.kind() + "s: 3 already at 0003_email_index (head)." + System.lineSeparator());
      Path unchanged = scripts.resolve(tenants.name("c") + ".sql");
      assertThat(unchanged).content(StandardCharsets.UTF_8).doesNotContain(";")
          .contains("-- Nothing to do: " + tenants.name("c") + " is at 0003_email_index (head) already");
      ScriptTool.run(db, unchanged).succeeded();
    }
  }

  /** Asserts that a line of a run with --output-dir says that the schema's script was written, from where. */
  private static void assertWrote(String line, TestDatabase db, String schema, String from, Path scripts) {
    assertThat(line).startsWith("[" + schema + "] Wrote the " + db.kind().name().toLowerCase(Locale.ROOT)
            + " script from " + from + " to 0003_email_index (")
        .endsWith(" statements) to " + scripts.resolve(schema + ".sql") + ".");
  }

  @Test
  void outputDirWithFromStartsEveryScriptThereAndAPatternMatchingNothingWritesNothing(@TempDir Path temp) {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2); Tenants tenants = new Tenants(db, "a", "b")) {
      Path scripts = temp.resolve("scripts");

      Cli.Run stamp = retort(db, "sql", "--stamp", "--from", "0001", "--to", "0002", "--current-schema",
          tenants.name("b") + "," + tenants.name("a"), "--output-dir", scripts.toString());
      Cli.Run nobody = retort(db, "sql", "--current-schema", db.name() + "_nobody_*", "--output-dir",
          temp.resolve("none").toString());

      assertThat(stamp.exitCode()).as(stamp.all()).isEqualTo(RetortCli.OK);
      assertThat(stamp.out()).startsWith("[" + tenants.name("b") + "] Wrote the h2 script from 0001_accounts to"
          + " 0002_phone").endsWith("2 schemas: 2 with a script to run: " + tenants.name("b") + ", " + tenants.name("a")
          + "." + System.lineSeparator());
      assertThat(scripts.resolve(tenants.name("a") + ".sql")).content(StandardCharsets.UTF_8)
          .contains("SET SCHEMA \"" + tenants.name("a") + "\"").contains("Stop here, before any change");
      assertThat(nobody.exitCode()).as(nobody.all()).isEqualTo(RetortCli.FAILED);
      assertThat(nobody.err()).contains("No schema matches " + db.name() + "_nobody_*");
      assertThat(temp.resolve("none")).doesNotExist();
    }
  }

  @Test
  void outputDirWithOneSchemaWritesItsScriptAndNeedsASchemaToNameIt(@TempDir Path temp) {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2); Tenants tenants = new Tenants(db, "a")) {
      Cli.Run one = retort(db, "downgrade", "--sql", "base", "--from", "0002", "--current-schema", tenants.name("a"),
          "--output-dir", temp.toString());
      Cli.Run none = retort(db, "upgrade", "--sql", "--output-dir", temp.toString());
      Cli.Run both = retort(db, "upgrade", "--sql", "--current-schema", tenants.pattern(), "--output-dir",
          temp.toString(), "--output", temp.resolve("one.sql").toString());

      assertThat(one.exitCode()).as(one.all()).isEqualTo(RetortCli.OK);
      assertThat(one.out()).startsWith("Wrote the h2 script from 0002_phone to base (")
          .endsWith(" statements) to " + temp.resolve(tenants.name("a") + ".sql") + "." + System.lineSeparator());
      assertThat(none.exitCode()).isEqualTo(RetortCli.USAGE);
      assertThat(none.err()).contains("--output-dir writes one script per schema that --current-schema names");
      assertThat(both.exitCode()).isEqualTo(RetortCli.USAGE);
      assertThat(both.err()).contains("--output writes one script and --output-dir one per schema");
    }
  }

  @Test
  void offlineScriptsAndEntitiesAreForOneSchema() {
    Cli.Run sql = Cli.run("sql", "--dialect", "postgresql", "--current-schema", "tenant_*");
    Cli.Run upgradeSql = Cli.run("upgrade", "--sql", "--dialect", "postgresql", "--current-schema", "a,b");
    Cli.Run entities = Cli.run("entities", "--url", "jdbc:h2:mem:entities", "--package", "com.example",
        "--current-schema", "a,b");

    assertThat(sql.exitCode()).isEqualTo(RetortCli.USAGE);
    assertThat(sql.err()).contains("--current-schema tenant_* names several schemas, but an offline script is for one"
        + " schema: write one per schema into a directory with --output-dir DIR");
    assertThat(upgradeSql.exitCode()).isEqualTo(RetortCli.USAGE);
    assertThat(upgradeSql.err()).contains("--current-schema a,b names several schemas");
    assertThat(entities.exitCode()).isEqualTo(RetortCli.USAGE);
    assertThat(entities.err()).contains("entities reads one schema's tables");
  }

  @Test
  void severalSchemasRefuseOneVersionTableSchemaForAll() {
    Cli.Run run = Cli.run("upgrade", "--url", "jdbc:h2:mem:shared", "--schema", "shared", "--current-schema", "a,b");

    assertThat(run.exitCode()).isEqualTo(RetortCli.USAGE);
    assertThat(run.err()).contains("--schema shared would keep one version table for every schema --current-schema"
        + " names");
  }

  @Test
  void aBlankNameBetweenCommasIsAUsageError() {
    Cli.Run run = Cli.run("upgrade", "--url", "jdbc:h2:mem:blank", "--current-schema", "a,,b");

    assertThat(run.exitCode()).isEqualTo(RetortCli.USAGE);
    assertThat(run.err()).contains("the current schema 'a,,b' holds a blank name");
  }

  /** The tenants' schemas, or databases on MariaDB, named after the test database so that tests never share them. */
  private static final class Tenants implements AutoCloseable {
    private final TestDatabase db;
    private final List<String> created = new ArrayList<>();

    Tenants(TestDatabase db, String... tenants) {
      this.db = db;
      for (String tenant : tenants) {
        String name = name(tenant);
        Probe.execute(db, (db.kind() == TestDatabase.Kind.MARIADB ? "CREATE DATABASE " : "CREATE SCHEMA ")
            + Probe.quote(db, name));
        created.add(name);
      }
    }

    String name(String tenant) {
      return db.name() + "_" + tenant;
    }

    String pattern() {
      return db.name() + "_*";
    }

    String kind() {
      return db.kind() == TestDatabase.Kind.MARIADB ? "database" : "schema";
    }

    String qualified(String tenant, String table) {
      return Probe.quote(db, name(tenant)) + "." + Probe.quote(db, table);
    }

    List<String> applied(String tenant) {
      return appliedIn(name(tenant));
    }

    /** The revisions a schema's version table records; none without one. */
    List<String> appliedIn(String schema) {
      List<String> revisions = new ArrayList<>();
      try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
        try (ResultSet tables = connection.getMetaData().getTables(
            db.kind() == TestDatabase.Kind.MARIADB ? schema : null,
            db.kind() == TestDatabase.Kind.MARIADB ? null : schema, "retort_version", null)) {
          if (!tables.next()) {
            return revisions;
          }
        }
        try (ResultSet rows = statement.executeQuery("SELECT " + Probe.quote(db, "revision") + " FROM "
            + Probe.quote(db, schema) + "." + Probe.quote(db, "retort_version") + " ORDER BY 1")) {
          while (rows.next()) {
            revisions.add(rows.getString(1));
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      return revisions;
    }

    void drop(String schema) {
      Probe.execute(db, db.kind() == TestDatabase.Kind.MARIADB
          ? "DROP DATABASE IF EXISTS " + Probe.quote(db, schema)
          : "DROP SCHEMA IF EXISTS " + Probe.quote(db, schema) + " CASCADE");
    }

    @Override
    public void close() {
      if (db.kind() == TestDatabase.Kind.MARIADB) {
        created.forEach(this::drop);
      }
    }
  }
}
