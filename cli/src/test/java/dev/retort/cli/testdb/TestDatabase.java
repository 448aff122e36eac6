package dev.retort.cli.testdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty database for one test: an H2 file in a temporary directory, or a new database
 * on the PostgreSQL server at {@code 127.0.0.1:5432} (user {@code postgres}) or the MariaDB
 * server at {@code 127.0.0.1:3306} (user {@code root}, no password), dropped by {@link #close()}.
 * Without the server the test is skipped with a message, unless {@code CI=true}, where it fails:
 * CI must run every database.
 */
public final class TestDatabase implements AutoCloseable {

  /** The engines the command-line tests run on. */
  public enum Kind {
    /** H2 2.x, embedded. */
    H2,
    /** PostgreSQL on 127.0.0.1:5432. */
    POSTGRESQL,
    /** MariaDB on 127.0.0.1:3306. */
    MARIADB
  }

  private static final String PG_ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres";
  private static final String MARIADB_ADMIN = "jdbc:mariadb://127.0.0.1:3306/";

  private final Kind kind;
  private final String url;
  private final String user;
  private final String name;
  private final Path directory;

  private TestDatabase(Kind kind, String url, String user, String name, Path directory) {
    this.kind = kind;
    this.url = url;
    this.user = user;
    this.name = name;
    this.directory = directory;
  }

  /**
   * Creates a fresh database, or skips the test (fails it under {@code CI=true}) if the server
   * is not reachable.
   *
   * @param kind the engine
   * @return the database; close it to drop it
   */
  public static TestDatabase create(Kind kind) {
    String name = "retort_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    switch (kind) {
      case H2:
        try {
          Path dir = Files.createTempDirectory("retort-cli-h2-");
          return new TestDatabase(kind, "jdbc:h2:file:" + dir.resolve(name) + ";DB_CLOSE_DELAY=0", "sa", name, dir);
        } catch (IOException e) {
          throw new IllegalStateException("cannot create a temporary directory for H2", e);
        }
      case POSTGRESQL:
        admin("PostgreSQL", PG_ADMIN, "postgres", "CREATE DATABASE " + name);
        return new TestDatabase(kind, "jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", name, null);
      case MARIADB:
        admin("MariaDB", MARIADB_ADMIN, "root", "CREATE DATABASE " + name);
        return new TestDatabase(kind, "jdbc:mariadb://127.0.0.1:3306/" + name, "root", name, null);
      default:
        throw new AssertionError(kind);
    }
  }

  private static void admin(String engine, String url, String user, String sql) {
    try (Connection connection = DriverManager.getConnection(url, user, "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      String message = engine + " is not reachable at " + url + " as " + user + " (" + e.getMessage() + ")."
          + " Start it to run these tests.";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail("CI=true requires " + engine + ": " + message, e);
      }
      Assumptions.abort("skipped: " + message);
    }
  }

  /** The engine. */
  public Kind kind() {
    return kind;
  }

  /** The JDBC URL. */
  public String url() {
    return url;
  }

  /** The user name. */
  public String user() {
    return user;
  }

  /** Opens a connection; the caller closes it. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, "");
  }

  /**
   * An identifier quoted for this engine, so that raw SQL in a test names the lower-case tables
   * and columns Retort creates: {@code "name"}, or {@code `name`} on MariaDB.
   */
  public String quote(String identifier) {
    return kind == Kind.MARIADB ? "`" + identifier + "`" : "\"" + identifier + "\"";
  }

  /** The names of the tables in the connection's own database and schema, lower case, sorted. */
  public List<String> tables() throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection connection = connect();
        ResultSet rows = connection.getMetaData().getTables(
            connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE", "BASE TABLE"})) {
      while (rows.next()) {
        tables.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
      }
    }
    tables.sort(Comparator.naturalOrder());
    return tables;
  }

  /** The names of a table's columns, in order. */
  public List<String> columns(String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Connection connection = connect();
        ResultSet rows = connection.getMetaData().getColumns(connection.getCatalog(), connection.getSchema(), table, "%")) {
      while (rows.next()) {
        columns.add(rows.getString("COLUMN_NAME"));
      }
    }
    return columns;
  }

  /** The revisions the version table records, sorted. */
  public List<String> recordedRevisions(String versionTable) throws SQLException {
    List<String> revisions = new ArrayList<>();
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT " + quote("revision") + " FROM " + quote(versionTable) + " ORDER BY 1")) {
      while (rows.next()) {
        revisions.add(rows.getString(1));
      }
    }
    return revisions;
  }

  /** Runs one statement. */
  public void execute(String sql) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Drops the database, or deletes its files. */
  @Override
  public void close() {
    if (kind == Kind.POSTGRESQL) {
      admin("PostgreSQL", PG_ADMIN, "postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      return;
    }
    if (kind == Kind.MARIADB) {
      admin("MariaDB", MARIADB_ADMIN, "root", "DROP DATABASE IF EXISTS " + name);
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot delete " + directory, e);
    }
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
