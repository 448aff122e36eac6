package dev.retort.cli.internal;

import dev.retort.operation.Vendor;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.dialect.Dialects;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The schemas of a database that a tenant's schema may be, read through JDBC metadata: its schemas, or on MySQL and
 * MariaDB its databases (the driver's catalogs), without the database's own ({@code information_schema},
 * PostgreSQL's {@code pg_*}, MySQL's {@code mysql}, {@code performance_schema} and {@code sys}).
 */
public final class DatabaseSchemas {

  /** MySQL's and MariaDB's own databases, which no tenant is: compared in lower case. */
  private static final Set<String> MYSQL_OWN = Set.of("mysql", "performance_schema", "sys");

  private DatabaseSchemas() {}

  /**
   * Reads the schemas.
   *
   * @param dataSource the database
   * @return the names as the database stores them, unordered
   * @throws RetortException {@code UNSUPPORTED_DATABASE} on SQLite, which has no schemas, and on a database Retort
   *     does not support; {@code DATABASE_ERROR} if the database cannot be read
   */
  public static List<String> list(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource == null");
    try (Connection connection = dataSource.getConnection()) {
      Vendor vendor = vendor(connection);
      if (vendor == Vendor.SQLITE) {
        throw new RetortException(ErrorCode.UNSUPPORTED_DATABASE, "SQLite has no schemas to work in one after"
            + " another: give each tenant a database file of its own, and run the command once per file.");
      }
      DatabaseMetaData metaData = connection.getMetaData();
      Set<String> schemas = new LinkedHashSet<>();
      if (vendor == Vendor.MYSQL || vendor == Vendor.MARIADB) {
        // Catalogs by default; schemas when the driver is told to call databases so (MySQL's databaseTerm=SCHEMA,
        // MariaDB's useCatalogTerm=SCHEMA): the other list is then empty.
        read(metaData.getCatalogs(), "TABLE_CAT", vendor, schemas);
      }
      read(metaData.getSchemas(), "TABLE_SCHEM", vendor, schemas);
      return List.copyOf(schemas);
    } catch (SQLException e) {
      throw new RetortException(ErrorCode.DATABASE_ERROR, "Could not read the database's schemas, to match the"
          + " current schema's pattern: " + e.getMessage(), e);
    }
  }

  private static void read(ResultSet rows, String column, Vendor vendor, Set<String> schemas) throws SQLException {
    try (rows) {
      while (rows.next()) {
        String name = rows.getString(column);
        if (!isOwn(vendor, name)) {
          schemas.add(name);
        }
      }
    }
  }

  private static Vendor vendor(Connection connection) throws SQLException {
    try {
      return Dialects.detect(connection).vendor();
    } catch (IllegalArgumentException e) {
      throw new RetortException(ErrorCode.UNSUPPORTED_DATABASE, e.getMessage(), e);
    }
  }

  /** Whether a schema is the database's own: PostgreSQL reserves the names starting with pg_ for itself. */
  private static boolean isOwn(Vendor vendor, String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals("information_schema")
        || switch (vendor) {
          case POSTGRESQL -> lower.startsWith("pg_");
          case MYSQL, MARIADB -> MYSQL_OWN.contains(lower);
          default -> false;
        };
  }
}
