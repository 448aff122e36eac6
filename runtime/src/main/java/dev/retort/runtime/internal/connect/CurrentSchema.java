package dev.retort.runtime.internal.connect;

import dev.retort.operation.Vendor;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes a schema the current one of a connection while a command works in it, and gives the connection back
 * pointing where it pointed: on PostgreSQL the {@code search_path} (the schema alone, so that no table of
 * another schema is altered by mistake), on MySQL and MariaDB the connection's database, on H2 its schema.
 */
public final class CurrentSchema {

  private final Connection connection;
  private final Dialect dialect;
  private final String previous;

  private CurrentSchema(Connection connection, Dialect dialect, String previous) {
    this.connection = connection;
    this.dialect = dialect;
    this.previous = previous;
  }

  /**
   * Makes {@code schema} the connection's current schema.
   *
   * @param dialect the database's dialect
   * @param connection the connection, in auto-commit mode
   * @param schema the schema, which must exist
   * @return what {@link #restore()} puts back
   * @throws RetortException {@code UNSUPPORTED_DATABASE} on SQLite, {@code DATABASE_ERROR} if the schema does not
   *     exist or the database refuses
   */
  public static CurrentSchema enter(Dialect dialect, Connection connection, String schema) {
    Vendor vendor = dialect.vendor();
    refuseSqlite(vendor);
    try {
      requireExists(vendor, connection, schema);
      String previous;
      switch (vendor) {
        case POSTGRESQL -> {
          previous = query(connection, "SELECT current_setting('search_path')");
          setSearchPath(connection, dialect.quote(schema));
        }
        case MYSQL, MARIADB -> {
          previous = connection.getCatalog();
          connection.setCatalog(schema);
        }
        default -> {
          previous = connection.getSchema();
          try (Statement statement = connection.createStatement()) {
            statement.execute("SET SCHEMA " + dialect.quote(schema));
          }
        }
      }
      return new CurrentSchema(connection, dialect, previous);
    } catch (SQLException e) {
      throw new RetortException(ErrorCode.DATABASE_ERROR, "Could not make " + schema + " the connection's current"
          + " schema: " + e.getMessage(), e);
    }
  }

  /**
   * The statement with which an offline script enters the schema.
   *
   * @param dialect the database's dialect
   * @param schema the schema
   * @return the statement, without a terminator
   * @throws RetortException {@code UNSUPPORTED_DATABASE} for SQLite
   */
  public static String statement(Dialect dialect, String schema) {
    refuseSqlite(dialect.vendor());
    return switch (dialect.vendor()) {
      case POSTGRESQL -> "SET search_path TO " + dialect.quote(schema);
      case MYSQL, MARIADB -> "USE " + dialect.quote(schema);
      default -> "SET SCHEMA " + dialect.quote(schema);
    };
  }

  /**
   * Points the connection back where it pointed before {@link #enter}.
   *
   * @throws SQLException if the database refuses
   */
  public void restore() throws SQLException {
    switch (dialect.vendor()) {
      case POSTGRESQL -> setSearchPath(connection, previous);
      case MYSQL, MARIADB -> {
        // A connection that had no database cannot be given none again; the next user names one anyway.
        if (previous != null) {
          connection.setCatalog(previous);
        }
      }
      default -> {
        if (previous != null) {
          try (Statement statement = connection.createStatement()) {
            statement.execute("SET SCHEMA " + dialect.quote(previous));
          }
        }
      }
    }
  }

  /**
   * What a current schema is on a database, as messages name it: a database on MySQL and MariaDB, a schema
   * elsewhere.
   *
   * @param vendor the database
   * @return {@code database} or {@code schema}
   */
  public static String kind(Vendor vendor) {
    return vendor == Vendor.MYSQL || vendor == Vendor.MARIADB ? "database" : "schema";
  }

  private static void refuseSqlite(Vendor vendor) {
    if (vendor == Vendor.SQLITE) {
      throw new RetortException(ErrorCode.UNSUPPORTED_DATABASE, "SQLite has no schemas to make current:"
          + " currentSchema(...) is for PostgreSQL, MySQL, MariaDB and H2. With SQLite use a database file per"
          + " tenant, each with its own URL.");
    }
  }

  private static void requireExists(Vendor vendor, Connection connection, String schema) throws SQLException {
    String query = switch (vendor) {
      case POSTGRESQL -> "SELECT nspname FROM pg_catalog.pg_namespace WHERE lower(nspname) = lower(?)";
      case MYSQL, MARIADB ->
          "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE LOWER(SCHEMA_NAME) = LOWER(?)";
      default -> "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA WHERE LOWER(SCHEMA_NAME) = LOWER(?)";
    };
    List<String> found = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(query)) {
      statement.setString(1, schema);
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          found.add(result.getString(1));
        }
      }
    }
    if (found.contains(schema)) {
      return;
    }
    String kind = kind(vendor);
    String message = Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " " + schema + " does not exist";
    if (!found.isEmpty()) {
      message += "; the database has " + String.join(" and ", found) + ", whose name differs in case. Give"
          + " currentSchema(...) the name as the database stores it";
    } else {
      message += ". Create it before migrating it (CREATE " + kind.toUpperCase(Locale.ROOT) + " ...), as a new"
          + " tenant's set-up does";
    }
    throw new RetortException(ErrorCode.DATABASE_ERROR, message + ".");
  }

  private static void setSearchPath(Connection connection, String path) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('search_path', ?, false)")) {
      statement.setString(1, path);
      statement.execute();
    }
  }

  private static String query(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getString(1);
    }
  }
}
