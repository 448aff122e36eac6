package dev.retort.bench.tool;

import dev.retort.bench.database.Databases;
import dev.retort.bench.database.Server;
import dev.retort.bench.workload.Fixtures;
import dev.retort.bench.workload.History;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * A program the benchmark starts: a migration tool with its default settings, plain JDBC as the
 * baseline, or a tool once more with the one setting that applies all the migrations of a start
 * in one transaction.
 */
public enum Tool {
  /** Plain JDBC: the baseline. */
  JDBC("raw JDBC", JdbcMain.class),
  /**
   * Plain JDBC keeping a history table as issue 4 asks of a migration tool: the floor of what
   * recording and verifying each revision costs.
   */
  JDBC_HISTORY("JDBC + history", JdbcHistoryMain.class),
  /** Retort. */
  RETORT("Retort", RetortMain.class),
  /** Retort with {@code singleTransaction(true)}: all the migrations of a start in one transaction. */
  RETORT_SINGLE_TRANSACTION(RETORT, RetortMain.SINGLE_TRANSACTION),
  /** Flyway. */
  FLYWAY("Flyway", FlywayMain.class),
  /** Flyway with {@code group(true)}: all the pending migrations in one transaction. */
  FLYWAY_GROUP(FLYWAY, FlywayMain.GROUP),
  /** Liquibase. */
  LIQUIBASE("Liquibase", LiquibaseMain.class);

  private final String product;
  private final Class<?> mainClass;
  private final Tool defaults;
  private final String oneTransactionSetting;

  /** A tool with its default settings. */
  Tool(String product, Class<?> mainClass) {
    this.product = product;
    this.mainClass = mainClass;
    this.defaults = this;
    this.oneTransactionSetting = "";
  }

  /** A tool with the setting that applies all the migrations of a start in one transaction. */
  Tool(Tool defaults, String oneTransactionSetting) {
    this.product = defaults.product;
    this.mainClass = defaults.mainClass;
    this.defaults = defaults;
    this.oneTransactionSetting = oneTransactionSetting;
  }

  /** The name shown in the results and messages, with the setting where there is one: {@code Flyway, group}. */
  public String displayName() {
    return oneTransaction() ? product + ", " + oneTransactionSetting : product;
  }

  /** The name in a table row: the product, its version, and the setting where there is one. */
  public String label() {
    String name = (product + " " + version()).strip();
    return oneTransaction() ? name + ", " + oneTransactionSetting : name;
  }

  /**
   * The setting that this tool turns on beside its defaults.
   *
   * @return such as {@code group}; empty for a tool with its default settings
   */
  public String setting() {
    return oneTransactionSetting;
  }

  /**
   * This tool with its default settings, whose main, arguments and history table this one
   * shares; itself for a tool with its default settings.
   */
  public Tool defaults() {
    return defaults;
  }

  /** The tool's version as its jar states it; empty for Retort and JDBC. */
  public String version() {
    switch (defaults) {
      case FLYWAY:
        return pomVersion("org.flywaydb", "flyway-core");
      case LIQUIBASE:
        return liquibase.util.LiquibaseUtil.getBuildVersion();
      default:
        return "";
    }
  }

  /** The main class that runs one start. */
  public Class<?> mainClass() {
    return mainClass;
  }

  /**
   * Whether this is a tool with its setting that applies all the migrations of a start in one
   * transaction, rather than one transaction per migration, its default.
   */
  public boolean oneTransaction() {
    return defaults != this;
  }

  /**
   * Whether the benchmark measures this tool on a database: a tool with its default settings on
   * every one; with the one-transaction setting only where DDL is transactional, since on H2 and
   * MariaDB each DDL statement commits (Retort refuses the setting there).
   *
   * @param server the database
   * @return whether it is measured there
   */
  public boolean measuredOn(Server server) {
    return !oneTransaction() || server.transactionalDdl();
  }

  /**
   * Whether the benchmark measures this tool in the no-op start: a start that applies nothing
   * opens no migration transaction, so the one-transaction setting changes nothing there.
   */
  public boolean inNoopStart() {
    return !oneTransaction();
  }

  /**
   * The database this tool migrates; each tool has its own, holding only its own history table.
   *
   * @return such as {@code retort_bench_flyway}
   */
  public String databaseName() {
    return "retort_bench_" + name().toLowerCase(Locale.ROOT);
  }

  /**
   * The main class's arguments.
   *
   * @param databases the server's databases
   * @param fixtures the migrations in every tool's form
   * @return the arguments
   */
  public List<String> arguments(Databases databases, Fixtures fixtures) {
    Server server = databases.server();
    List<String> arguments = new ArrayList<>(List.of(databases.url(databaseName()), databases.user(), databases.password()));
    switch (defaults) {
      case JDBC:
      case JDBC_HISTORY:
        arguments.add(fixtures.jdbcStatements(server).toString());
        break;
      case FLYWAY:
        arguments.add(fixtures.flywayDirectory(server).toString());
        break;
      case LIQUIBASE:
        arguments.add(fixtures.liquibaseDirectory(server).toString());
        break;
      default:
        break;
    }
    if (oneTransaction()) {
      arguments.add(oneTransactionSetting);
    }
    return arguments;
  }

  /**
   * Checks, outside the timed region, that this tool's database is at head: its history table
   * records every revision and the last revision's column exists.
   *
   * @param databases the server's databases
   * @throws IllegalStateException if it is not
   * @throws SQLException if the database fails
   */
  public void verifyAtHead(Databases databases) throws SQLException {
    Server server = databases.server();
    String recorded;
    switch (defaults) {
      case JDBC:
        recorded = "SELECT version FROM jdbc_version";
        break;
      case JDBC_HISTORY:
        recorded = "SELECT COUNT(*) FROM " + JdbcHistoryMain.TABLE;
        break;
      case RETORT:
        recorded = "SELECT COUNT(*) FROM " + quote(server, "retort_version");
        break;
      case FLYWAY:
        recorded = "SELECT COUNT(*) FROM " + quote(server, "flyway_schema_history") + " WHERE "
            + quote(server, "version") + " IS NOT NULL AND " + quote(server, "success") + " = TRUE";
        break;
      default:
        recorded = "SELECT COUNT(*) FROM DATABASECHANGELOG";
        break;
    }
    String lastTable = "t" + History.TABLES;
    try (Connection connection = databases.connect(databaseName()); Statement statement = connection.createStatement()) {
      try (ResultSet row = statement.executeQuery(recorded)) {
        int count = row.next() ? row.getInt(1) : -1;
        if (count != History.REVISIONS) {
          throw new IllegalStateException(displayName() + " on " + server.displayName() + " records " + count
              + " revisions, not " + History.REVISIONS + " (" + recorded + ")");
        }
      }
      statement.executeQuery("SELECT COUNT(" + quote(server, "extra") + ") FROM " + quote(server, lastTable)).close();
    }
  }

  /**
   * Takes this tool's database, at head, back to the revision before it, outside the timed region
   * of a deploy measurement: drops the column the last revision added and removes the tool's
   * record of that revision, so that the next start has exactly one migration to apply.
   *
   * @param databases the server's databases
   * @throws SQLException if the database fails
   */
  public void rewindLastRevision(Databases databases) throws SQLException {
    Server server = databases.server();
    History.Revision last = History.revisions().get(History.REVISIONS - 1);
    if (last.creates()) {
      throw new IllegalStateException("the history's last revision creates a table; rewinding expects a new column");
    }
    String forget;
    List<Object> values;
    switch (defaults) {
      case JDBC:
        forget = "UPDATE jdbc_version SET version = ?";
        values = List.of(last.number() - 1);
        break;
      case JDBC_HISTORY:
        forget = "DELETE FROM " + JdbcHistoryMain.TABLE + " WHERE revision = ?";
        values = List.of(last.number());
        break;
      case RETORT:
        forget = "DELETE FROM " + quote(server, "retort_version") + " WHERE " + quote(server, "revision") + " = ?";
        values = List.of(last.id());
        break;
      case FLYWAY:
        forget = "DELETE FROM " + quote(server, "flyway_schema_history") + " WHERE " + quote(server, "version") + " = ?";
        values = List.of(String.valueOf(last.number()));
        break;
      default:
        forget = "DELETE FROM DATABASECHANGELOG WHERE ID = ? AND AUTHOR = ?";
        values = List.of(last.id(), Fixtures.LIQUIBASE_AUTHOR);
        break;
    }
    try (Connection connection = databases.connect(databaseName())) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("ALTER TABLE " + quote(server, "t" + last.table()) + " DROP COLUMN " + quote(server, "extra"));
      }
      try (PreparedStatement statement = connection.prepareStatement(forget)) {
        for (int i = 0; i < values.size(); i++) {
          statement.setObject(i + 1, values.get(i));
        }
        if (statement.executeUpdate() != 1) {
          throw new IllegalStateException(displayName() + " on " + server.displayName() + " had no record of revision "
              + last.id() + " to remove (" + forget + ")");
        }
      }
    }
  }

  private static String pomVersion(String groupId, String artifactId) {
    String resource = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
    try (InputStream in = Tool.class.getResourceAsStream(resource)) {
      if (in == null) {
        return "(version unknown)";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "(version unknown)");
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + resource, e);
    }
  }

  private static String quote(Server server, String identifier) {
    return server == Server.MARIADB ? "`" + identifier + "`" : "\"" + identifier + "\"";
  }
}
