package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.Probe;
import dev.retort.runtime.testdb.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The commands that read or change a database, on H2, SQLite, PostgreSQL and MariaDB. */
class RetortCliDatabaseTest {

  private static final String VERSION_TABLE = "retort_version";
  private static final List<String> ALL = List.of("0001_accounts", "0002_phone", "0003_email_index");

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
  @EnumSource(TestDatabase.Kind.class)
  void upgradeAppliesEveryRevisionAndSaysWhatRan(TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Cli.Run run = retort(db, "upgrade");

      assertThat(run.exitCode()).as(run.err()).isEqualTo(RetortCli.OK);
      // Each migration once, as it is recorded, then the summary, which says that the version table is new.
      assertThat(run.out().lines().toList()).satisfiesExactly(
          line -> assertThat(line)
              .matches("Applied 0001_accounts: Creates the accounts table\\. \\(1 statement, \\d+ ms\\)"),
          line -> assertThat(line).matches("Applied 0002_phone: Adds accounts\\.phone\\. \\(1 statement, \\d+ ms\\)"),
          line -> assertThat(line).startsWith("Applied 0003_email_index: Indexes accounts.email. (1 statement, "),
          line -> assertThat(line).isEqualTo("Created the version table retort_version."),
          line -> assertThat(line)
              .matches("Upgraded from base to 0003_email_index \\(head\\): 3 migrations in [\\d.]+ m?s\\."));
      assertThat(Probe.appliedIds(db)).isEqualTo(ALL);
      assertThat(Probe.columns(db, "accounts")).containsExactly("id", "email", "phone");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void upgradeStepwiseThenCurrentShowsWhatIsPending(TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Cli.Run first = retort(db, "upgrade", "+1");
      Cli.Run current = retort(db, "current");

      assertThat(first.exitCode()).as(first.err()).isEqualTo(RetortCli.OK);
      assertThat(first.out()).contains("Upgraded from base to 0001_accounts: 1 migration in ");
      assertThat(current.exitCode()).isEqualTo(RetortCli.OK);
      assertThat(current.out()).contains("Current revision: 0001_accounts; 2 revisions pending, up to head"
          + " 0003_email_index.").contains("Pending: 0002_phone, 0003_email_index");
      assertThat(Probe.appliedIds(db)).containsExactly("0001_accounts");
      assertThat(Probe.columns(db, "accounts")).containsExactly("id", "email");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void upgradeAtHeadDoesNothing(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      retort(db, "upgrade");

      Cli.Run again = retort(db, "upgrade", "head");

      assertThat(again.exitCode()).isEqualTo(RetortCli.OK);
      assertThat(again.out().strip()).isEqualTo("Nothing to upgrade: the database is already at 0003_email_index (head).");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void downgradeUndoesRevisionsNewestFirst(TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind)) {
      retort(db, "upgrade");

      Cli.Run back = retort(db, "downgrade", "-2");

      assertThat(back.exitCode()).as(back.err()).isEqualTo(RetortCli.OK);
      assertThat(back.out().lines().toList()).satisfiesExactly(
          line -> assertThat(line).startsWith("Reverted 0003_email_index: Indexes accounts.email. (1 statement, "),
          // SQLite's downgrade takes two statements where the others take one.
          line -> assertThat(line).matches("Reverted 0002_phone: Adds accounts\\.phone\\. \\([12] statements?, \\d+ ms\\)"),
          line -> assertThat(line).startsWith("Downgraded from 0003_email_index (head) to 0001_accounts: 2 migrations"
              + " in "));
      assertThat(Probe.appliedIds(db)).containsExactly("0001_accounts");
      assertThat(Probe.columns(db, "accounts")).containsExactly("id", "email");

      Cli.Run base = retort(db, "downgrade", "base");

      assertThat(base.exitCode()).isEqualTo(RetortCli.OK);
      assertThat(base.out()).contains("Downgraded from 0001_accounts to base: 1 migration in ");
      assertThat(Probe.tables(db)).contains(VERSION_TABLE).doesNotContain("accounts");

      Cli.Run again = retort(db, "upgrade", "+1");

      assertThat(again.out()).startsWith("Applied 0001_accounts: ").doesNotContain("version table");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void historyMarksAppliedAndPendingRevisions(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      retort(db, "upgrade", "0002");

      Cli.Run run = retort(db, "history");

      assertThat(run.exitCode()).isEqualTo(RetortCli.OK);
      assertThat(run.out().lines().toList()).satisfiesExactly(
          line -> assertThat(line).startsWith("applied  <base> -> 0001_accounts, Creates the accounts table.")
              .containsPattern("\\[applied \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ in \\d+ ms]"),
          line -> assertThat(line).startsWith("applied  0001_accounts -> 0002_phone, Adds accounts.phone."),
          line -> assertThat(line).isEqualTo("pending  0002_phone -> 0003_email_index (head), Indexes accounts.email."));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void checkExitsWithThreeWhenTheDatabaseDrifted(TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind)) {
      retort(db, "upgrade");
      Cli.Run matching = retort(db, "check");
      Probe.execute(db, "ALTER TABLE " + Probe.quote(db, "accounts") + " ADD COLUMN " + Probe.quote(db, "nickname") + " VARCHAR(40)");

      Cli.Run drifted = retort(db, "check");

      assertThat(matching.exitCode()).as(matching.out() + matching.err()).isEqualTo(RetortCli.OK);
      assertThat(matching.out()).startsWith("The database matches revision 0003_email_index (head)");
      assertThat(drifted.exitCode()).isEqualTo(RetortCli.DIFFERENCES);
      assertThat(drifted.out()).startsWith("The database differs from revision 0003_email_index (head)")
          .contains("1 difference").contains("nickname");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void checkLeavesOutTheTablesGivenAsUnmanaged(TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind)) {
      retort(db, "upgrade");
      Probe.execute(db, "CREATE TABLE QRTZ_LOCKS (SCHED_NAME VARCHAR(120) NOT NULL)",
          "CREATE TABLE shedlock (name VARCHAR(64) NOT NULL)");

      Cli.Run drifted = retort(db, "check");
      Cli.Run oneOfTwo = retort(db, "check", "--unmanaged", "qrtz_*");
      Cli.Run matching = retort(db, "check", "--unmanaged", "qrtz_*,ShedLock");

      assertThat(drifted.exitCode()).as(drifted.all()).isEqualTo(RetortCli.DIFFERENCES);
      assertThat(drifted.out()).contains("2 differences");
      assertThat(oneOfTwo.exitCode()).as(oneOfTwo.all()).isEqualTo(RetortCli.DIFFERENCES);
      assertThat(oneOfTwo.out()).contains("1 difference");
      assertThat(oneOfTwo.out().toLowerCase(Locale.ROOT)).contains("table shedlock is in the database");
      assertThat(matching.exitCode()).as(matching.all()).isEqualTo(RetortCli.OK);
      assertThat(matching.out()).startsWith("The database matches revision 0003_email_index (head)");
    }
  }

  /** With --single-transaction a failing third migration takes the first two back with it; H2 refuses the option. */
  @Test
  void singleTransactionAppliesAllOrNothing() {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
        TestDatabase h2 = TestDatabase.create(TestDatabase.Kind.H2)) {
      // The index that 0003_email_index creates exists already, on another table.
      Probe.execute(db, "CREATE TABLE elsewhere (email varchar(100))",
          "CREATE INDEX ix_accounts_email ON elsewhere (email)");

      Cli.Run failed = retort(db, "upgrade", "--single-transaction");

      assertThat(failed.exitCode()).as(failed.all()).isEqualTo(RetortCli.FAILED);
      assertThat(failed.err()).contains("Upgrade of revision 0003_email_index")
          .contains("ran the 3 migrations of this upgrade in a single transaction, which was rolled back: nothing of"
              + " the 3 revisions from 0001_accounts to 0003_email_index remains");
      assertThat(Probe.tables(db)).doesNotContain("accounts");

      Cli.Run refused = retort(h2, "upgrade", "--single-transaction");

      assertThat(refused.exitCode()).as(refused.all()).isEqualTo(RetortCli.FAILED);
      assertThat(refused.err()).contains("Cannot run the migrations in a single transaction on H2")
          .contains("--single-transaction on the command line");
      assertThat(Probe.tables(h2)).isEmpty();

      Cli.Run script = Cli.run("upgrade", "--sql", "--single-transaction", "--dialect", "postgresql");

      assertThat(script.exitCode()).as(script.all()).isEqualTo(RetortCli.OK);
      assertThat(script.out().lines().filter(line -> line.equals("BEGIN;"))).hasSize(1);
      assertThat(script.out().lines().filter(line -> line.equals("COMMIT;"))).hasSize(1);
    }
  }

  @Test
  void upgradeGivesUpOnABusyTableAfterTheTableLockTimeout() throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
      retort(db, "upgrade", "0001");
      Cli.Run run;
      try (Connection blocker = DriverManager.getConnection(db.url(), db.user(), db.password())) {
        blocker.setAutoCommit(false);
        blocker.createStatement().execute("INSERT INTO accounts (email) VALUES ('a@example.com')");

        run = retort(db, "upgrade", "--table-lock-timeout", "300ms", "--table-lock-retries", "1");
        blocker.rollback();
      }

      assertThat(run.exitCode()).as(run.all()).isEqualTo(RetortCli.FAILED);
      assertThat(run.err()).contains("waited longer than the table lock timeout of 300 ms")
          .contains("on each of 2 attempts").contains("retort upgrade head");
      assertThat(Probe.appliedIds(db)).containsExactly("0001_accounts");
    }
  }

  @Test
  void everyCommandWorksInTheCurrentSchemaItIsGiven(@TempDir Path dir) throws IOException, SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
      Probe.execute(db, "CREATE SCHEMA tenant_a", "CREATE SCHEMA tenant_b");

      Cli.Run upgrade = retort(db, "upgrade", "--current-schema", "tenant_a");
      Cli.Run partly = retort(db, "upgrade", "0001", "--current-schema", "tenant_b");
      Cli.Run current = retort(db, "current", "--current-schema", "tenant_b");
      Cli.Run history = retort(db, "history", "--current-schema", "tenant_b");
      Cli.Run check = retort(db, "check", "--current-schema", "tenant_a");
      Cli.Run missing = retort(db, "current", "--current-schema", "tenant_c");
      Probe.execute(db, "CREATE TABLE tenant_b.invoices (id bigint PRIMARY KEY)");
      Cli.Run entities = retort(db, "entities", "--current-schema", "tenant_b", "--package", "com.example.tenant",
          "--output", dir.toString());

      assertThat(upgrade.exitCode()).as(upgrade.all()).isEqualTo(RetortCli.OK);
      assertThat(upgrade.out()).contains("Created the version table tenant_a.retort_version.");
      assertThat(partly.exitCode()).as(partly.all()).isEqualTo(RetortCli.OK);
      assertThat(current.out()).startsWith("Current revision in schema tenant_b: 0001_accounts; 2 revisions pending");
      assertThat(history.out().lines().toList()).hasSize(4).first().isEqualTo("History of schema tenant_b, oldest first:");
      assertThat(check.exitCode()).as(check.all()).isEqualTo(RetortCli.OK);
      assertThat(check.out()).startsWith("The schema tenant_a matches revision ");
      assertThat(missing.exitCode()).as(missing.all()).isEqualTo(RetortCli.FAILED);
      assertThat(missing.err()).contains("Schema tenant_c does not exist").contains(", in schema tenant_c");
      assertThat(Probe.versionRows(db, "tenant_a.retort_version")).extracting(Probe.Row::revision).isEqualTo(ALL);
      assertThat(Probe.versionRows(db, "tenant_b.retort_version")).extracting(Probe.Row::revision)
          .containsExactly("0001_accounts");
      assertThat(Probe.tableExists(db, "accounts")).isFalse();
      assertThat(entities.exitCode()).as(entities.all()).isEqualTo(RetortCli.OK);
      try (Stream<Path> files = Files.list(dir.resolve("com/example/tenant"))) {
        assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder(
            "Accounts.java", "Invoices.java");
      }
      assertThat(Files.readString(dir.resolve("com/example/tenant/Invoices.java")))
          .contains("@Table(name = \"invoices\"").doesNotContain("tenant_b");
    }
  }

  @Test
  void aBadUnmanagedPatternIsAUsageError() {
    Cli.Run run = Cli.run("check", "--url", "jdbc:h2:mem:unmanaged", "--unmanaged", "\"qrtz\"");

    assertThat(run.exitCode()).isEqualTo(RetortCli.USAGE);
    assertThat(run.err()).contains("unmanaged-object pattern '\"qrtz\"' holds '\"'");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void stampRecordsWithoutRunning(TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Cli.Run run = retort(db, "stamp", "0002");

      assertThat(run.exitCode()).as(run.err()).isEqualTo(RetortCli.OK);
      // The stamp once, from its result: the runtime's own line for it is left to DEBUG.
      assertThat(run.out().lines().toList()).containsExactly(
          "Stamped 0002_phone (was base); no migration ran.",
          "  recorded as applied: 0001_accounts, 0002_phone");
      assertThat(Probe.appliedIds(db)).containsExactly("0001_accounts", "0002_phone");
      assertThat(Probe.tables(db)).contains(VERSION_TABLE).doesNotContain("accounts");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void upgradeWithBaselineAdoptsADatabaseWhoseTablesMatch(TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind)) {
      // The tables of revision 0002, made by another tool: here, Retort with a version table that is then dropped.
      retort(db, "upgrade", "0002", "--version-table", "scratch");
      Probe.execute(db, "DROP TABLE " + Probe.quote(db, "scratch"));
      if (kind == TestDatabase.Kind.H2) {
        Probe.execute(db, "DROP TABLE " + Probe.quote(db, "scratch_lock"));
      }
      Probe.execute(db, "CREATE TABLE " + Probe.quote(db, "flyway_schema_history") + " (" + Probe.quote(db, "version")
          + " VARCHAR(50))");

      Cli.Run run = retort(db, "upgrade", "--baseline", "0002");

      assertThat(run.exitCode()).as(run.err()).isEqualTo(RetortCli.OK);
      // The baseline once, from the result: the runtime's own lines for it are left to DEBUG.
      assertThat(run.out().lines().toList()).satisfiesExactly(
          line -> assertThat(line).startsWith("Applied 0003_email_index: "),
          line -> assertThat(line).isEqualTo("Created the version table retort_version."),
          line -> assertThat(line).isEqualTo("Found 1 table and no version table; they match revision 0002_phone:"
              + " stamped 0002_phone and its ancestors; no migration ran for them."),
          line -> assertThat(line).isEqualTo("  recorded as applied: 0001_accounts, 0002_phone"),
          line -> assertThat(line).isEqualTo("  left out: flyway_schema_history (another tool's history; drop it once"
              + " it is no longer needed)"),
          line -> assertThat(line).matches("Upgraded from 0002_phone to 0003_email_index \\(head\\): 1 migration in"
              + " [\\d.]+ m?s\\."));
      assertThat(Probe.appliedIds(db)).isEqualTo(ALL);
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "POSTGRESQL"})
  void upgradeWithBaselineRefusesADatabaseThatDiffers(TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind)) {
      retort(db, "upgrade", "0001", "--version-table", "scratch");
      Probe.execute(db, "DROP TABLE " + Probe.quote(db, "scratch"));

      Cli.Run run = retort(db, "upgrade", "--baseline", "0002");

      assertThat(run.exitCode()).isEqualTo(RetortCli.FAILED);
      assertThat(run.err()).startsWith("retort upgrade: ").contains("column accounts.phone is missing")
          .contains("'retort stamp 0002_phone'");
      assertThat(Probe.tables(db)).doesNotContain(VERSION_TABLE);

      Cli.Run sql = retort(db, "upgrade", "--sql", "--baseline", "0002");

      assertThat(sql.exitCode()).isEqualTo(RetortCli.USAGE);
      assertThat(sql.err()).contains("--baseline does not apply with --sql");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void stampTakesSeveralRevisions(TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Cli.Run refused = retort(db, "stamp", "base", "0002");

      assertThat(refused.exitCode()).isEqualTo(RetortCli.FAILED);
      assertThat(refused.err()).startsWith("retort stamp: ").contains("Stamp base alone, with 'retort stamp base'.");
      assertThat(Probe.tables(db)).doesNotContain(VERSION_TABLE);

      Cli.Run run = retort(db, "stamp", "0001", "0002");

      assertThat(run.exitCode()).as(run.err()).isEqualTo(RetortCli.OK);
      assertThat(run.out().lines().toList()).containsExactly(
          "Stamped 0002_phone (was base); no migration ran.",
          "  recorded as applied: 0001_accounts, 0002_phone");
      assertThat(Probe.appliedIds(db)).containsExactly("0001_accounts", "0002_phone");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aFailingCommandExitsWithOneAndChangesNothing(TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind)) {
      retort(db, "upgrade", "+1");

      Cli.Run run = retort(db, "upgrade", "0009");

      assertThat(run.exitCode()).isEqualTo(RetortCli.FAILED);
      assertThat(run.err()).startsWith("retort upgrade: ").contains("0009")
          .contains("List every revision with 'retort history'.");
      assertThat(run.out()).isEmpty();
      assertThat(Probe.appliedIds(db)).containsExactly("0001_accounts");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aChangedMigrationIsRefusedWithTheStampToRunOnTheCommandLine(TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind)) {
      retort(db, "upgrade", "0002");
      // As if 0001_accounts had been edited after it was applied: its row no longer matches.
      Probe.execute(db, "UPDATE " + Probe.quote(db, VERSION_TABLE) + " SET " + Probe.quote(db, "checksum") + " = 'edited', "
          + Probe.quote(db, "source_checksum") + " = NULL WHERE " + Probe.quote(db, "revision") + " = '0001_accounts'");

      Cli.Run run = retort(db, "upgrade");

      assertThat(run.exitCode()).isEqualTo(RetortCli.FAILED);
      assertThat(run.err()).startsWith("retort upgrade: A migration was changed after it was applied")
          .contains("record the new checksum with 'retort stamp 0002_phone', the database's current revision.")
          .doesNotContain("stamp(");
      assertThat(Probe.appliedIds(db)).containsExactly("0001_accounts", "0002_phone");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aTargetInTheWrongDirectionIsRefusedWithTheCommandToRunInstead(TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind)) {
      retort(db, "upgrade", "+1");

      Cli.Run upgradeToBase = retort(db, "upgrade", "base");
      Cli.Run downgradeForward = retort(db, "downgrade", "+1");

      assertThat(upgradeToBase.exitCode()).isEqualTo(RetortCli.FAILED);
      assertThat(upgradeToBase.err().lines().findFirst()).hasValue("retort upgrade: Cannot upgrade to base: base is"
          + " before every revision. Use 'retort downgrade base' to undo them all.");
      assertThat(downgradeForward.exitCode()).isEqualTo(RetortCli.FAILED);
      assertThat(downgradeForward.err()).contains("Use 'retort upgrade +1', or 'retort downgrade -1' to undo"
          + " revisions.");
      assertThat(Probe.appliedIds(db)).containsExactly("0001_accounts");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void theEnvironmentNamesTheDatabaseAndOptionsNameTheVersionTable(TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Map<String, String> environment = Map.of("DATABASE_URL", db.url(), "DATABASE_USER", db.user());

      Cli.Run run = Cli.run(environment, "upgrade", "--version-table", "schema_history", "--lock-timeout", "30s");

      assertThat(run.exitCode()).as(run.err()).isEqualTo(RetortCli.OK);
      assertThat(run.out().lines()).contains("Created the version table schema_history.");
      assertThat(Probe.versionRows(db, "schema_history")).extracting(Probe.Row::revision).isEqualTo(ALL);
      assertThat(Probe.tables(db)).contains("accounts", "schema_history").doesNotContain(VERSION_TABLE);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void thePasswordIsNeverPrinted(TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind)) {
      retort(db, "current");

      Cli.Run upgrade = retort(db, "upgrade", "--password=never-printed-5ecret");
      Cli.Run unknown = retort(db, "upgrade", "0009", "--password", "never-printed-5ecret");

      assertThat(upgrade.all() + unknown.all()).doesNotContain("never-printed-5ecret");
      assertThat(unknown.exitCode()).isEqualTo(RetortCli.FAILED);
      if (kind == TestDatabase.Kind.POSTGRESQL || kind == TestDatabase.Kind.SQLITE) {
        // The test server trusts local connections and SQLite has no users: both ignore the password.
        assertThat(upgrade.exitCode()).as(upgrade.err()).isEqualTo(RetortCli.OK);
        assertThat(Probe.appliedIds(db)).isEqualTo(ALL);
      } else {
        // H2's database and MariaDB's root have no password, and they refuse this one.
        assertThat(upgrade.exitCode()).isEqualTo(RetortCli.FAILED);
        assertThat(upgrade.err()).contains("Could not connect to the database");
        assertThat(Probe.tables(db)).doesNotContain(VERSION_TABLE);
      }
    }
  }
}
