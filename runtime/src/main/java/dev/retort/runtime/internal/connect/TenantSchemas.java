package dev.retort.runtime.internal.connect;

import dev.retort.operation.Vendor;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.internal.Glob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The schemas that names and patterns select, for a loop over tenants: a name as given, and a pattern
 * ({@code tenant_*}: {@code *} any run of characters, {@code ?} one, without regard to case) matched against the
 * database's schemas, read through JDBC metadata (on MySQL and MariaDB its databases, the driver's catalogs), leaving
 * out the database's own ({@code information_schema}, PostgreSQL's {@code pg_*}, MySQL's {@code mysql},
 * {@code performance_schema} and {@code sys}).
 *
 * <p>The schemas come in the order given, a pattern's matches sorted by name (without regard to case, then as
 * stored), each schema once. A pattern that matches none is an error: a deployment that migrates no tenant must not
 * pass for one that migrated them all.
 */
public final class TenantSchemas {

  /** How a pattern's matches are ordered. */
  private static final Comparator<String> BY_NAME =
      String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

  /** MySQL's and MariaDB's own databases, which no tenant is: compared in lower case. */
  private static final Set<String> MYSQL_OWN = Set.of("mysql", "performance_schema", "sys");

  /** How many of the database's schemas the error for a pattern matching none lists. */
  private static final int LISTED = 20;

  private TenantSchemas() {}

  /**
   * Whether any of the names and patterns is a pattern, which needs the database's schemas.
   *
   * @param namesOrPatterns the names and patterns
   * @return whether one is a pattern
   */
  public static boolean anyPattern(List<String> namesOrPatterns) {
    return namesOrPatterns.stream().anyMatch(Glob::isPattern);
  }

  /**
   * Reads the database's schemas that a tenant's schema may be.
   *
   * @param connection a connection to the database
   * @param vendor the database
   * @return the names as the database stores them, in the driver's order
   * @throws RetortException {@code UNSUPPORTED_DATABASE} on SQLite, which has no schemas; {@code DATABASE_ERROR} if
   *     the database cannot be read
   */
  public static List<String> existing(Connection connection, Vendor vendor) {
    if (vendor == Vendor.SQLITE) {
      throw new RetortException(ErrorCode.UNSUPPORTED_DATABASE, "SQLite has no schemas to work in one after another:"
          + " give each tenant a database file of its own, and run the command once per file.");
    }
    try {
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
      throw new RetortException(ErrorCode.DATABASE_ERROR, "Could not read the database's " + CurrentSchema.kind(vendor)
          + "s, to match a pattern of tenants' " + CurrentSchema.kind(vendor) + "s against: " + e.getMessage(), e);
    }
  }

  /**
   * The schemas that names and patterns select.
   *
   * @param namesOrPatterns the names and patterns, in order
   * @param existing the database's schemas, which the patterns are matched against
   * @param kind what a schema is on the database, for the error: {@code schema}, or {@code database} on MySQL and
   *     MariaDB
   * @return each schema once: names as given, a pattern's matches sorted
   * @throws RetortException {@code DATABASE_ERROR} if a pattern matches none of the database's schemas
   */
  public static List<String> select(List<String> namesOrPatterns, List<String> existing, String kind) {
    Set<String> selected = new LinkedHashSet<>();
    for (String entry : namesOrPatterns) {
      if (!Glob.isPattern(entry)) {
        selected.add(entry);
        continue;
      }
      Glob glob = Glob.of(entry);
      List<String> matches = existing.stream().filter(glob::matches).sorted(BY_NAME).toList();
      if (matches.isEmpty()) {
        throw new RetortException(ErrorCode.DATABASE_ERROR, noMatch(entry, existing, kind));
      }
      selected.addAll(matches);
    }
    return List.copyOf(selected);
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

  private static String noMatch(String pattern, List<String> schemas, String kind) {
    String has;
    if (schemas.isEmpty()) {
      has = "The database has no " + kind + " of its own";
    } else {
      List<String> sorted = schemas.stream().sorted(BY_NAME).toList();
      has = "The database has " + String.join(", ", sorted.subList(0, Math.min(LISTED, sorted.size())))
          + (sorted.size() > LISTED ? " and " + (sorted.size() - LISTED) + " more" : "");
    }
    return "No " + kind + " matches " + pattern + " (compared without regard to case; the database's own, such as"
        + " information_schema, are never matched). " + has + ". Create the tenants' " + kind + "s first, or correct"
        + " the pattern.";
  }
}
