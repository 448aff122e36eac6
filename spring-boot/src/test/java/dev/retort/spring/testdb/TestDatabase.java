package dev.retort.spring.testdb;

import dev.retort.operation.Vendor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty database on one of the four supported engines, for one test.
 *
 * <p>H2 and SQLite are files in a temporary directory. PostgreSQL and MariaDB get a new
 * database on the local server ({@code 127.0.0.1:5432} as {@code postgres},
 * {@code 127.0.0.1:3306} as {@code root}), dropped by {@link #close()}. When a server is not
 * reachable the test is skipped with a message, unless the environment has {@code CI=true},
 * where it fails instead: CI must run every database.
 */
public final class TestDatabase implements AutoCloseable {

  /** The engines tests run on. */
  public enum Kind {
    /** H2 2.x, embedded. */
    H2(Vendor.H2),
    /** SQLite, embedded. */
    SQLITE(Vendor.SQLITE),
    /** PostgreSQL on 127.0.0.1:5432. */
    POSTGRESQL(Vendor.POSTGRESQL),
    /** MariaDB on 127.0.0.1:3306. */
    MARIADB(Vendor.MARIADB);

    private final Vendor vendor;

    Kind(Vendor vendor) {
      this.vendor = vendor;
    }

    /** The vendor of this engine. */
    public Vendor vendor() {
      return vendor;
    }
  }

  private static final String PG_ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres";
  private static final String MARIADB_ADMIN = "jdbc:mariadb://127.0.0.1:3306/";

  private final Kind kind;
  private final String url;
  private final String user;
  private final String password;
  private final String name;
  private final Path directory;

  private TestDatabase(Kind kind, String url, String user, String password, String name, Path directory) {
    this.kind = kind;
    this.url = url;
    this.user = user;
    this.password = password;
    this.name = name;
    this.directory = directory;
  }

  /**
   * Creates a fresh database, or skips the test (fails it under {@code CI=true}) if the
   * server is not reachable.
   *
   * @param kind the engine
   * @return the database; close it to drop it
   */
  public static TestDatabase create(Kind kind) {
    String name = "retort_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try {
      switch (kind) {
        case H2: {
          Path dir = Files.createTempDirectory("retort-h2-");
          return new TestDatabase(kind, "jdbc:h2:file:" + dir.resolve(name) + ";DB_CLOSE_DELAY=0", "sa", "", name, dir);
        }
        case SQLITE: {
          Path dir = Files.createTempDirectory("retort-sqlite-");
          return new TestDatabase(kind, "jdbc:sqlite:" + dir.resolve(name + ".db"), "", "", name, dir);
        }
        case POSTGRESQL:
          admin(kind, PG_ADMIN, "postgres", "CREATE DATABASE " + name);
          return new TestDatabase(kind, "jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", "", name, null);
        case MARIADB:
          admin(kind, MARIADB_ADMIN, "root", "CREATE DATABASE " + name);
          return new TestDatabase(kind, "jdbc:mariadb://127.0.0.1:3306/" + name, "root", "", name, null);
        default:
          throw new AssertionError(kind);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a temporary directory for " + kind, e);
    }
  }

  /** Whether {@code CI=true}: servers are then required. */
  public static boolean requireServers() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  private static void admin(Kind kind, String url, String user, String sql) {
    try (Connection connection = DriverManager.getConnection(url, user, "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      String message = kind + " is not reachable at " + url + " as " + user + " (" + e.getMessage() + ")."
          + " Start it (see README, 'Databases for tests') to run these tests.";
      if (requireServers()) {
        Assertions.fail("CI=true requires every database: " + message, e);
      }
      Assumptions.abort("skipped: " + message);
    }
  }

  /** The engine. */
  public Kind kind() {
    return kind;
  }

  /** The vendor. */
  public Vendor vendor() {
    return kind.vendor();
  }

  /** The JDBC URL of the database. */
  public String url() {
    return url;
  }

  /** The user name. */
  public String user() {
    return user;
  }

  /** The password. */
  public String password() {
    return password;
  }

  /** The database name (for PostgreSQL and MariaDB, the created database). */
  public String name() {
    return name;
  }

  /** Opens a new connection; the caller closes it. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /** Drops the database (servers) or deletes its files (embedded). */
  @Override
  public void close() {
    try {
      switch (kind) {
        case POSTGRESQL:
          admin(kind, PG_ADMIN, "postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
          break;
        case MARIADB:
          admin(kind, MARIADB_ADMIN, "root", "DROP DATABASE IF EXISTS " + name);
          break;
        default:
          deleteRecursively(directory);
          break;
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot delete " + directory, e);
    }
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
