package dev.retort.runtime.dialect;

import dev.retort.operation.Vendor;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@link Dialect} for a database: by vendor, for offline SQL, or from a live
 * connection, which also tells MariaDB from MySQL and adapts to the server's version.
 *
 * <p>Supported: H2 2.x, SQLite 3.35+, PostgreSQL 12+, MySQL 8.0.19+ and MariaDB 10.3+.
 */
public final class Dialects {

  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");
  private static final String SUPPORTED =
      "Retort supports H2 2.x, SQLite 3.35+, PostgreSQL 12+, MySQL 8.0.19+ and MariaDB 10.3+";

  private Dialects() {}

  /**
   * The dialect for a vendor, assuming a current version of its database (for MariaDB one
   * with the {@code UUID} type, 10.7 or later). Prefer {@link #detect} when a connection is at
   * hand.
   *
   * @param vendor the database
   * @return its dialect
   */
  public static Dialect forVendor(Vendor vendor) {
    Objects.requireNonNull(vendor, "vendor == null");
    switch (vendor) {
      case H2:
        return new H2Dialect();
      case SQLITE:
        return new SqliteDialect();
      case POSTGRESQL:
        return new PostgresDialect();
      case MYSQL:
        return new MySqlDialect(Capabilities.mysql("8.0"));
      case MARIADB:
        return new MySqlDialect(Capabilities.mariadb(10, 11));
      default:
        throw new AssertionError(vendor);
    }
  }

  /**
   * The dialect for the database a connection is open on, from its metadata.
   *
   * @param connection an open connection; it is not changed
   * @return the dialect
   * @throws SQLException if the metadata cannot be read
   * @throws IllegalArgumentException naming the database if Retort does not support it
   */
  public static Dialect detect(Connection connection) throws SQLException {
    Objects.requireNonNull(connection, "connection == null");
    DatabaseMetaData metaData = connection.getMetaData();
    return forProduct(metaData.getDatabaseProductName(), metaData.getDatabaseProductVersion());
  }

  /**
   * The dialect for a database product as JDBC metadata names it. MariaDB is recognised
   * whichever driver connects to it: the MariaDB driver names the product {@code MariaDB}, the
   * MySQL driver names it {@code MySQL} with a version such as {@code 5.5.5-10.11.6-MariaDB}.
   *
   * @param productName {@link DatabaseMetaData#getDatabaseProductName()}
   * @param productVersion {@link DatabaseMetaData#getDatabaseProductVersion()}
   * @return the dialect
   * @throws IllegalArgumentException naming the database if Retort does not support it
   */
  public static Dialect forProduct(String productName, String productVersion) {
    Objects.requireNonNull(productName, "productName == null");
    Objects.requireNonNull(productVersion, "productVersion == null");
    String product = productName.toLowerCase(Locale.ROOT);
    String version = productVersion.toLowerCase(Locale.ROOT);
    if (product.contains("mariadb") || version.contains("mariadb")) {
      int[] v = version(productName, version.startsWith("5.5.5-") ? version.substring(6) : version);
      require(atLeast(v, 10, 3, 0), productName, productVersion);
      return new MySqlDialect(Capabilities.mariadb(v[0], v[1]));
    }
    if (product.equals("mysql")) {
      int[] v = version(productName, version);
      require(atLeast(v, 8, 0, 19), productName, productVersion);
      return new MySqlDialect(Capabilities.mysql(v[0] + "." + v[1] + "." + v[2]));
    }
    if (product.equals("postgresql")) {
      require(atLeast(version(productName, version), 12, 0, 0), productName, productVersion);
      return new PostgresDialect();
    }
    if (product.equals("h2")) {
      require(atLeast(version(productName, version), 2, 0, 0), productName, productVersion);
      return new H2Dialect();
    }
    if (product.equals("sqlite")) {
      require(atLeast(version(productName, version), 3, 35, 0), productName, productVersion);
      return new SqliteDialect();
    }
    throw new IllegalArgumentException(
        "database " + productName + " " + productVersion + " is not supported: " + SUPPORTED);
  }

  private static int[] version(String productName, String version) {
    Matcher matcher = VERSION.matcher(version);
    if (!matcher.find()) {
      throw new IllegalArgumentException(
          "cannot read the version of " + productName + " from '" + version + "': " + SUPPORTED);
    }
    int patch = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
    return new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), patch};
  }

  private static boolean atLeast(int[] version, int major, int minor, int patch) {
    if (version[0] != major) {
      return version[0] > major;
    }
    if (version[1] != minor) {
      return version[1] > minor;
    }
    return version[2] >= patch;
  }

  private static void require(boolean supported, String productName, String productVersion) {
    if (!supported) {
      throw new IllegalArgumentException(
          productName + " " + productVersion + " is too old: " + SUPPORTED);
    }
  }
}
