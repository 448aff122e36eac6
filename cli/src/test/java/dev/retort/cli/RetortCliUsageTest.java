package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line itself: usage errors, help, and the commands that never connect. */
class RetortCliUsageTest {

  @ParameterizedTest
  @ValueSource(strings = {"upgrade", "downgrade", "current", "history", "heads", "show", "stamp", "check", "sql"})
  void everyCommandHasHelp(String command) {
    Cli.Run run = Cli.run(command, "--help");

    assertThat(run.exitCode()).isEqualTo(RetortCli.OK);
    assertThat(run.out()).startsWith("Usage: retort " + command).contains("--url=JDBC_URL").contains("--help");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void topLevelHelpListsTheCommandsAndExitCodes() {
    Cli.Run run = Cli.run("--help");

    assertThat(run.exitCode()).isEqualTo(RetortCli.OK);
    assertThat(run.out())
        .contains("upgrade", "downgrade", "current", "history", "heads", "show", "stamp", "check", "sql")
        .contains("3  check found the database differing");
  }

  @Test
  void noCommandIsAUsageError() {
    Cli.Run run = Cli.run();

    assertThat(run.exitCode()).isEqualTo(RetortCli.USAGE);
    assertThat(run.err()).contains("Missing command").contains("upgrade").contains("retort --help");
  }

  @Test
  void unknownCommandIsAUsageErrorWithASuggestion() {
    Cli.Run run = Cli.run("upgrad", "head");

    assertThat(run.exitCode()).isEqualTo(RetortCli.USAGE);
    assertThat(run.err()).contains("Unmatched arguments").contains("Did you mean: upgrade");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void optionsBeforeTheCommandAreAUsageErrorSayingWhereTheyGo() {
    Cli.Run run = Cli.run("--url", "jdbc:h2:mem:x", "current");

    assertThat(run.exitCode()).isEqualTo(RetortCli.USAGE);
    assertThat(run.err()).contains("Unknown options: '--url'")
        .contains("Options follow the command: retort COMMAND --url ...");
  }

  @Test
  void flywaysCommandLineIsAUsageErrorNamingRetortsCommandAndOptions() {
    Cli.Run run = Cli.run("-url=jdbc:h2:mem:x", "-user=sa", "-password=hunter22", "migrate");

    assertThat(run.exitCode()).isEqualTo(RetortCli.USAGE);
    assertThat(run.err()).contains("Options follow the command, with two dashes: retort COMMAND --url ...")
        .contains("Flyway's migrate is retort upgrade.");
    assertThat(run.all()).doesNotContain("hunter22");
  }

  @ParameterizedTest
  @CsvSource({"info, history", "validate, check", "baseline, stamp", "undo, downgrade"})
  void aFlywayCommandNamesRetortsCommand(String flyway, String retort) {
    Cli.Run run = Cli.run(flyway);

    assertThat(run.exitCode()).isEqualTo(RetortCli.USAGE);
    assertThat(run.err()).contains("Flyway's " + flyway + " is retort " + retort + ".");
  }

  @Test
  void unknownOptionIsAUsageError() {
    Cli.Run run = Cli.run("current", "--ulr", "jdbc:h2:mem:x");

    assertThat(run.exitCode()).isEqualTo(RetortCli.USAGE);
    assertThat(run.err()).contains("Unknown option").contains("'--ulr'").contains("retort current --help");
  }

  @Test
  void missingTargetIsAUsageError() {
    Cli.Run run = Cli.run("downgrade", "--url", "jdbc:h2:mem:x");

    assertThat(run.exitCode()).isEqualTo(RetortCli.USAGE);
    assertThat(run.err()).contains("Missing required parameter: 'TARGET'");
  }

  @Test
  void missingDatabaseIsAUsageError() {
    Cli.Run run = Cli.run("current");

    assertThat(run.exitCode()).isEqualTo(RetortCli.USAGE);
    assertThat(run.err()).contains("no database: give --url JDBC_URL or set the environment variable DATABASE_URL");
  }

  @Test
  void aUrlThatIsNotJdbcIsAUsageErrorWithItsPasswordMasked() {
    Cli.Run run = Cli.run("current", "--url", "postgres://app:hunter22@db/app");

    assertThat(run.exitCode()).isEqualTo(RetortCli.USAGE);
    assertThat(run.err()).contains("is not a JDBC URL").contains("postgres://app:****@db/app");
    assertThat(run.all()).doesNotContain("hunter22");
  }

  @Test
  void badLockTimeoutIsAUsageError() {
    Cli.Run run = Cli.run("upgrade", "--url", "jdbc:h2:mem:x", "--lock-timeout", "soon");

    assertThat(run.exitCode()).isEqualTo(RetortCli.USAGE);
    assertThat(run.err()).contains("--lock-timeout").contains("'soon' is not a duration");
  }

  @Test
  void anOptionAfterAPasswordWithoutValueIsNamedInErrors() {
    Cli.Run run = Cli.run("heads", "--password", "--lock-timeout", "soon");

    assertThat(run.exitCode()).isEqualTo(RetortCli.USAGE);
    assertThat(run.err()).startsWith("retort: Invalid value for option '--lock-timeout': 'soon' is not a duration;")
        .doesNotContain("java.lang");
  }

  @Test
  void sqlOptionsWithoutSqlAreAUsageError() {
    Cli.Run run = Cli.run("upgrade", "--url", "jdbc:h2:mem:x", "--dialect", "h2");

    assertThat(run.exitCode()).isEqualTo(RetortCli.USAGE);
    assertThat(run.err()).contains("only apply with --sql");
  }

  @Test
  void passwordsOnTheCommandLineAreMaskedInUsageErrors() {
    Cli.Run run = Cli.run("current", "--password", "hunter22", "surplus-hunter22");

    assertThat(run.exitCode()).isEqualTo(RetortCli.USAGE);
    assertThat(run.err()).contains("surplus-****");
    assertThat(run.all()).doesNotContain("hunter22");
  }

  @Test
  void headsAndShowWorkWithoutADatabase() {
    Cli.Run heads = Cli.run("heads");
    Cli.Run show = Cli.run("show", "0002");

    assertThat(heads.exitCode()).isEqualTo(RetortCli.OK);
    assertThat(heads.out()).isEqualTo("0003_email_index (head)" + System.lineSeparator());
    assertThat(show.exitCode()).isEqualTo(RetortCli.OK);
    assertThat(show.out())
        .contains("Revision:    0002_phone")
        .contains("Parents:     0001_accounts")
        .contains("Children:    0003_email_index")
        .contains("Class:       dev.retort.cli.fixtures.V2_AddAccountsPhone")
        .contains("add column accounts.phone")
        .contains("drop column accounts.phone");
  }

  @Test
  void unknownRevisionFailsWithTheRuntimesMessage() {
    Cli.Run run = Cli.run("show", "9999");

    assertThat(run.exitCode()).isEqualTo(RetortCli.FAILED);
    assertThat(run.err()).startsWith("retort show: ").contains("9999");
  }

  @Test
  void sqlWritesTheWholeScriptForTheGivenDialect() {
    Cli.Run run = Cli.run("sql", "--dialect", "postgresql");

    assertThat(run.exitCode()).isEqualTo(RetortCli.OK);
    assertThat(run.out())
        .startsWith("-- Retort migration script for PostgreSQL: base -> 0003_email_index")
        .contains("CREATE TABLE \"accounts\"")
        .contains("\"phone\"")
        .contains("CREATE INDEX \"ix_accounts_email\"")
        .contains("retort_version");
  }

  @Test
  void sqlStampWritesTheVersionTableRowsOfTheTargetWithoutItsMigrations() {
    Cli.Run run = Cli.run("sql", "--stamp", "--to", "0002", "--dialect", "postgresql");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(RetortCli.OK);
    assertThat(run.out())
        .startsWith("-- Retort migration script for PostgreSQL: base -> 0002_phone")
        .contains("-- Stamp 0002_phone: record 0001_accounts, 0002_phone in the version table without running any"
            + " migration")
        .contains("CREATE TABLE IF NOT EXISTS \"retort_version\"")
        .contains("VALUES ('0002_phone'")
        .doesNotContain("CREATE TABLE \"accounts\"")
        .doesNotContain("retort_guard");
  }

  @Test
  void sqlStampFromARecordedRevisionStartsWithTheGuard() {
    Cli.Run run = Cli.run("sql", "--stamp", "--from", "0001", "--dialect", "mariadb");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(RetortCli.OK);
    assertThat(run.out()).contains("CREATE TEMPORARY TABLE `retort_guard`", "'retort current'")
        .doesNotContain("DELETE FROM")
        .contains("VALUES ('0002_phone'");
  }

  @Test
  void stampSqlPrintsTheSameScriptAsSqlStamp() {
    Cli.Run stamp = Cli.run("stamp", "0002", "--sql", "--from", "0001", "--dialect", "h2");
    Cli.Run sql = Cli.run("sql", "--stamp", "--from", "0001", "--to", "0002", "--dialect", "h2");

    assertThat(stamp.exitCode()).as(stamp.err()).isEqualTo(RetortCli.OK);
    assertThat(stamp.out()).isEqualTo(sql.out()).contains("\"retort_guard\"", "VALUES ('0002_phone'");
  }

  @Test
  void stampSqlTakesOneTarget() {
    Cli.Run run = Cli.run("stamp", "0001", "0002", "--sql", "--dialect", "h2");

    assertThat(run.exitCode()).isEqualTo(RetortCli.USAGE);
    assertThat(run.err()).contains("--sql writes the stamp of one target");
  }

  @Test
  void sqlTakesTheDialectFromTheUrlAndARange() {
    Cli.Run run = Cli.run("sql", "--url", "jdbc:h2:mem:never-opened", "--from", "0001", "--to", "0002");

    assertThat(run.exitCode()).isEqualTo(RetortCli.OK);
    assertThat(run.out()).startsWith("-- Retort migration script for H2: 0001_accounts -> 0002_phone")
        .contains("\"phone\"")
        .doesNotContain("CREATE TABLE \"accounts\"")
        .doesNotContain("ix_accounts_email");
  }

  @Test
  void sqlWithoutADialectIsAUsageError() {
    Cli.Run run = Cli.run("sql");

    assertThat(run.exitCode()).isEqualTo(RetortCli.USAGE);
    assertThat(run.err()).contains("Give --dialect with one of h2, sqlite, postgresql, mysql, mariadb");
  }

  @Test
  void sqlWithAnUnknownDialectIsAUsageError() {
    Cli.Run run = Cli.run("sql", "--dialect", "oracle");

    assertThat(run.exitCode()).isEqualTo(RetortCli.USAGE);
    assertThat(run.err()).contains("'oracle' is not a database Retort knows");
  }

  @Test
  void upgradeSqlWritesTheScriptToAFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("upgrade.sql");

    Cli.Run run = Cli.run("upgrade", "0002", "--sql", "--dialect", "h2", "--output", file.toString());

    assertThat(run.exitCode()).isEqualTo(RetortCli.OK);
    assertThat(run.out()).contains("Wrote the h2 script from base to 0002_phone").contains(file.toString());
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .contains("CREATE TABLE \"accounts\"")
        .contains("\"phone\"")
        .doesNotContain("ix_accounts_email");
  }

  @Test
  void downgradeSqlStartsAtHeadByDefault() {
    Cli.Run run = Cli.run("downgrade", "-1", "--sql", "--dialect", "postgresql");

    assertThat(run.exitCode()).isEqualTo(RetortCli.OK);
    assertThat(run.out())
        .startsWith("-- Retort migration script for PostgreSQL: 0003_email_index -> 0002_phone")
        .contains("DROP INDEX");
  }

  @Test
  void unreachableDatabaseFailsClearlyWithoutShowingThePassword() {
    Cli.Run run = Cli.run(Map.of("DATABASE_PASSWORD", "hunter22"),
        "upgrade", "--url", "jdbc:postgresql://127.0.0.1:1/app?password=hunter22&connectTimeout=2", "--user", "app");

    assertThat(run.exitCode()).isEqualTo(RetortCli.FAILED);
    assertThat(run.err()).startsWith("retort upgrade: Could not connect to the database");
    assertThat(run.out()).isEmpty();
    assertThat(run.all()).doesNotContain("hunter22");
  }

  @Test
  void aFailureToConnectNamesTheDatabaseFromTheEnvironment() {
    Cli.Run run = Cli.run(Map.of("DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/shop?password=hunter22&connectTimeout=2",
        "DATABASE_USER", "deployer", "DATABASE_PASSWORD", "hunter22"), "current");

    assertThat(run.exitCode()).isEqualTo(RetortCli.FAILED);
    assertThat(run.err().lines().toList()).hasSize(2).last().isEqualTo(
        "retort current: database jdbc:postgresql://127.0.0.1:1/shop?password=****&connectTimeout=2 as deployer");
    assertThat(run.all()).doesNotContain("hunter22");
  }

  @Test
  void aFailureOfACommandThatDoesNotConnectNamesNoDatabase() {
    Cli.Run run = Cli.run(Map.of("DATABASE_URL", "jdbc:h2:mem:never-opened"), "show", "9999");

    assertThat(run.exitCode()).isEqualTo(RetortCli.FAILED);
    assertThat(run.err().lines().toList()).hasSize(1);
  }

  @Test
  void sqlOutputCreatesTheFilesDirectory(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("build/scripts/upgrade.sql");

    Cli.Run run = Cli.run("sql", "--dialect", "h2", "--output", file.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(RetortCli.OK);
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("CREATE TABLE \"accounts\"");
  }

  @Test
  void sqlOutputThatCannotBeWrittenSaysWhy(@TempDir Path dir) throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("scripts"), "a file");

    Cli.Run run = Cli.run("sql", "--dialect", "h2", "--output", notADirectory.resolve("upgrade.sql").toString());

    assertThat(run.exitCode()).isEqualTo(RetortCli.FAILED);
    assertThat(run.err()).startsWith("retort sql: cannot write the script to " + notADirectory.resolve("upgrade.sql"))
        .doesNotContain("java.nio");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void helpFooterReadsAsWritten() {
    Cli.Run run = Cli.run("--help");

    assertThat(run.out()).contains(String.join(System.lineSeparator(),
        "Database:",
        "Every command that reads the database takes --url, --user and --password, or",
        "reads the environment variables DATABASE_URL, DATABASE_USER and",
        "DATABASE_PASSWORD. Passwords are never printed.",
        ""));
  }

  @Test
  void aUrlNoDriverOnTheClassPathAcceptsFailsNamingTheUrl() {
    Cli.Run run = Cli.run("current", "--url", "jdbc:nodriver://127.0.0.1/shop", "--user", "app");

    assertThat(run.exitCode()).isEqualTo(RetortCli.FAILED);
    assertThat(run.err()).startsWith("retort current: Could not connect to the database: No JDBC driver on the class"
        + " path accepts the URL jdbc:nodriver://127.0.0.1/shop. Add the database's driver");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void noMigrationsOnTheClassPathSaysToRunWithTheApplicationsClasses() throws IOException {
    // The command run with its own jars only, as "java -cp 'target/lib/*' …" without the application's.
    try (URLClassLoader none = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
      Cli.Run run = Cli.run(Map.of(), none, "upgrade", "--url", "jdbc:h2:mem:none", "--user", "sa");

      assertThat(run.exitCode()).isEqualTo(RetortCli.FAILED);
      assertThat(run.err()).startsWith("retort upgrade: No revision index on the class path (META-INF/retort/revisions)")
          .contains("java -cp \"target/app.jar:target/lib/*\" dev.retort.cli.RetortCli")
          .contains("retort-processor on the compiler's annotation processor path")
          .doesNotContain("Retort.builder()");
    }
  }

  @Test
  void aMisspelledUrlPrefixNamesTheRightOne() {
    Cli.Run run = Cli.run("current", "--url", "jdbc:postgres://127.0.0.1:5432/shop", "--user", "app");

    assertThat(run.exitCode()).isEqualTo(RetortCli.FAILED);
    assertThat(run.err()).startsWith("retort current: Could not connect to the database: No JDBC driver on the class"
        + " path accepts the URL jdbc:postgres://127.0.0.1:5432/shop. No driver knows the prefix jdbc:postgres:;"
        + " PostgreSQL's is jdbc:postgresql: (jdbc:postgresql://127.0.0.1:5432/shop).\n")
        .doesNotContain("running");
  }

  @Test
  void missingEmbeddedDatabaseFailsAndCreatesNothing(@TempDir Path dir) throws IOException {
    String url = "jdbc:h2:file:" + dir.resolve("absent") + ";IFEXISTS=TRUE";

    Cli.Run run = Cli.run("upgrade", "--url", url, "--user", "sa");

    assertThat(run.exitCode()).isEqualTo(RetortCli.FAILED);
    assertThat(run.err()).contains("Could not connect to the database");
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aHistoryWithTwoHeadsNamesRetortMerge(@TempDir Path jar) throws IOException {
    // A second revision index, as a second jar of migrations has, adds a revision after 0001_accounts
    // beside the fixtures' 0002_phone: the history has two heads.
    Path index = jar.resolve("META-INF/retort/revisions");
    Files.createDirectories(index.getParent());
    Files.writeString(index, "# Retort revision index 2\n0002_reports\tdev.retort.cli.fixtures.V2_AddAccountsPhone"
        + "\t\t\t\tAdds the reports table.\t0001_accounts\n", StandardCharsets.UTF_8);
    try (URLClassLoader migrations = new URLClassLoader(new URL[] {jar.toUri().toURL()}, Cli.class.getClassLoader())) {
      Cli.Run run = Cli.run(Map.of(), migrations, "heads");

      assertThat(run.exitCode()).isEqualTo(RetortCli.FAILED);
      assertThat(run.err()).startsWith("retort heads: The history has 2 heads: 0002_reports (")
          .contains("such as parent = {\"0002_reports\", \"0003_email_index\"}; 'retort merge' writes it with the"
              + " merged snapshot.")
          .doesNotContain("mvn ");
    }
  }
}
