package dev.retort.examples.bookshop;

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
 * A fresh, empty database for one test, on each database the bookshop runs on.
 *
 * <p>H2 and SQLite are files in a temporary directory. PostgreSQL and MariaDB get a new
 * database on the local server ({@code 127.0.0.1:5432} as {@code postgres},
 * {@code 127.0.0.1:3306} as {@code root}), dropped by {@link #close()}. When a server is not
 * reachable the test is skipped with a message, unless the environment has {@code CI=true},
 * where it fails instead: CI must test every database.
 */
final class TestDatabase implements AutoCloseable {

  /** The databases the bookshop is tested on. */
  enum Kind {
    /** H2 2.x, embedded. */
    H2,
    /** SQLite, embedded. */
    SQLITE,
    /** PostgreSQL on 127.0.0.1:5432. */
    POSTGRESQL,
    /** MariaDB on 127.0.0.1:3306. */
    MARIADB
  }

  private static final String PG_ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres";
  private static final String MARIADB_ADMIN = "jdbc:mariadb://127.0.0.1:3306/";

  private final Kind kind;
  private final DatabaseSettings settings;
  private final String name;
  private final Path directory;

  private TestDatabase(Kind kind, DatabaseSettings settings, String name, Path directory) {
    this.kind = kind;
    this.settings = settings;
    this.name = name;
    this.directory = directory;
  }

  /**
   * Creates a fresh database, or skips the test (fails it under {@code CI=true}) if its server
   * is not reachable.
   */
  static TestDatabase create(Kind kind) {
    String name = "bookshop_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try {
      switch (kind) {
        case H2: {
          Path dir = Files.createTempDirectory("bookshop-h2-");
          return new TestDatabase(kind, DatabaseSettings.embedded(dir), name, dir);
        }
        case SQLITE: {
          Path dir = Files.createTempDirectory("bookshop-sqlite-");
          return new TestDatabase(
              kind, new DatabaseSettings("jdbc:sqlite:" + dir.resolve(name + ".db"), "", ""), name, dir);
        }
        case POSTGRESQL:
          admin(kind, PG_ADMIN, "postgres", "CREATE DATABASE " + name);
          return new TestDatabase(
              kind, new DatabaseSettings("jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", ""), name, null);
        case MARIADB:
          admin(kind, MARIADB_ADMIN, "root", "CREATE DATABASE " + name);
          return new TestDatabase(
              kind, new DatabaseSettings("jdbc:mariadb://127.0.0.1:3306/" + name, "root", ""), name, null);
        default:
          throw new AssertionError(kind);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a temporary directory for " + kind, e);
    }
  }

  // tag::skip-or-fail[]
  private static void admin(Kind kind, String url, String user, String sql) {
    try (Connection connection = DriverManager.getConnection(url, user, "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      String message = kind + " is not reachable at " + url + " as " + user + " (" + e.getMessage() + ")."
          + " Start it to run the bookshop's tests on it.";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail("CI=true requires every database: " + message, e);
      }
      Assumptions.abort("skipped: " + message);
    }
  }
  // end::skip-or-fail[]

  /** The engine. */
  Kind kind() {
    return kind;
  }

  /** How the bookshop connects to it. */
  DatabaseSettings settings() {
    return settings;
  }

  /** Opens a new connection; the caller closes it. */
  Connection connect() throws SQLException {
    return DriverManager.getConnection(settings.url(), settings.user(), settings.password());
  }

  /** Drops the database (servers) or deletes its files (embedded). */
  @Override
  public void close() {
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
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot delete " + dir, e);
    }
  }
}
