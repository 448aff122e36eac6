package dev.retort.bench.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Creates, connects to and drops the benchmark's databases on one {@link Server}. Every database
 * it makes is named {@code retort_bench_*}; on H2 it is a file under the given directory.
 */
public final class Databases {

  private static final Pattern NAME = Pattern.compile("retort_bench_[a-z0-9_]+");
  private static final String POSTGRES_BASE = "jdbc:postgresql://127.0.0.1:5432/";
  private static final String MARIADB_BASE = "jdbc:mariadb://127.0.0.1:3306/";

  private static final Pattern SUFFIX = Pattern.compile("[a-z0-9_]*");

  private final Server server;
  private final Path h2Directory;
  private final String suffix;

  /**
   * Creates the helper for one server.
   *
   * @param server the database server
   * @param h2Directory where H2 database files go; unused for the other servers
   */
  public Databases(Server server, Path h2Directory) {
    this(server, h2Directory, "");
  }

  /**
   * Creates the helper for one server, appending a suffix to the name of every database it
   * makes, so that a test's databases on a shared server never meet a running benchmark's.
   *
   * @param server the database server
   * @param h2Directory where H2 database files go; unused for the other servers
   * @param suffix appended to every database name; {@code [a-z0-9_]*}
   */
  public Databases(Server server, Path h2Directory, String suffix) {
    this.server = Objects.requireNonNull(server, "server == null");
    this.h2Directory = h2Directory.toAbsolutePath().normalize();
    this.suffix = Objects.requireNonNull(suffix, "suffix == null");
    if (!SUFFIX.matcher(suffix).matches()) {
      throw new IllegalArgumentException("'" + suffix + "' is not a database name suffix ([a-z0-9_]*)");
    }
  }

  /** The server. */
  public Server server() {
    return server;
  }

  /** The user every connection uses. */
  public String user() {
    switch (server) {
      case POSTGRESQL:
        return "postgres";
      case MARIADB:
        return "root";
      default:
        return "sa";
    }
  }

  /** The password every connection uses: empty on every server. */
  public String password() {
    return "";
  }

  /**
   * The JDBC URL of one benchmark database.
   *
   * @param name a name matching {@code retort_bench_[a-z0-9_]+}
   * @return the URL
   */
  public String url(String name) {
    String database = actual(name);
    switch (server) {
      case POSTGRESQL:
        return POSTGRES_BASE + database;
      case MARIADB:
        return MARIADB_BASE + database;
      default:
        return "jdbc:h2:" + h2Directory.resolve(database);
    }
  }

  /**
   * Connects to one benchmark database.
   *
   * @param name its name
   * @return an open connection
   * @throws SQLException if the database refuses
   */
  public Connection connect(String name) throws SQLException {
    return DriverManager.getConnection(url(name), user(), password());
  }

  /**
   * Says why the server cannot be used, if it cannot.
   *
   * @return the reason, or null when the server answers
   */
  public String unavailableReason() {
    if (server == Server.H2) {
      return null;
    }
    try (Connection connection = admin()) {
      connection.isValid(5);
      return null;
    } catch (SQLException e) {
      return server.displayName() + " at " + adminUrl() + " did not answer (" + e.getMessage() + ")";
    }
  }

  /**
   * The database product and version, as the driver reports them.
   *
   * @return such as {@code PostgreSQL 15.14}
   * @throws SQLException if the server does not answer
   */
  public String productVersion() throws SQLException {
    try (Connection connection = server == Server.H2 ? connect("retort_bench_probe") : admin()) {
      DatabaseMetaData metadata = connection.getMetaData();
      return metadata.getDatabaseProductName() + " " + metadata.getDatabaseProductVersion();
    } finally {
      if (server == Server.H2) {
        drop("retort_bench_probe");
      }
    }
  }

  /**
   * Drops a benchmark database if it exists and creates it empty.
   *
   * @param name its name
   * @throws SQLException if the server refuses
   */
  public void recreate(String name) throws SQLException {
    drop(name);
    if (server == Server.H2) {
      return;
    }
    try (Connection connection = admin(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + quote(actual(name)));
    }
  }

  /**
   * Drops a benchmark database if it exists.
   *
   * @param name its name
   * @throws SQLException if the server refuses
   */
  public void drop(String name) throws SQLException {
    String database = actual(name);
    if (server == Server.H2) {
      try {
        Files.deleteIfExists(h2Directory.resolve(database + ".mv.db"));
        Files.deleteIfExists(h2Directory.resolve(database + ".trace.db"));
      } catch (IOException e) {
        throw new SQLException("could not delete the H2 files of " + database + " in " + h2Directory + ": " + e, e);
      }
      return;
    }
    try (Connection connection = admin(); Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + quote(database) + (server == Server.POSTGRESQL ? " WITH (FORCE)" : ""));
    }
  }

  private Connection admin() throws SQLException {
    return DriverManager.getConnection(adminUrl(), user(), password());
  }

  private String adminUrl() {
    return server == Server.POSTGRESQL ? POSTGRES_BASE + "postgres" : MARIADB_BASE;
  }

  private String quote(String name) {
    return server == Server.MARIADB ? "`" + name + "`" : "\"" + name + "\"";
  }

  /** The name of the database on the server: the benchmark's name with the suffix. */
  private String actual(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("'" + name + "' is not a benchmark database name (retort_bench_[a-z0-9_]+)");
    }
    return name + suffix;
  }
}
