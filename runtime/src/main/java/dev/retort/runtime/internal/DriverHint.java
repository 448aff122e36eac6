package dev.retort.runtime.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What to do about a JDBC URL that no driver on the class path accepts: add the driver of the
 * database the URL names, or, when its prefix is a near miss of a database's ({@code
 * jdbc:postgres:} for {@code jdbc:postgresql:}), correct the prefix, since that driver may well be
 * there.
 */
public final class DriverHint {

  /**
   * How a missing driver is reported, by the runtime and by the data source of the command line
   * and the Maven goals, which is followed by the URL and {@link #forUrl}.
   */
  public static final String NO_DRIVER = "No JDBC driver on the class path accepts the URL";

  /** The prefix of each database Retort runs on, and the Maven coordinates of its driver. */
  private static final Map<String, String> DRIVERS = Map.of(
      "jdbc:postgresql:", "org.postgresql:postgresql",
      "jdbc:mariadb:", "org.mariadb.jdbc:mariadb-java-client",
      "jdbc:mysql:", "com.mysql:mysql-connector-j",
      "jdbc:h2:", "com.h2database:h2",
      "jdbc:sqlite:", "org.xerial:sqlite-jdbc");

  /** Prefixes that people write for these databases, with the right one and the database's name. */
  private static final Map<String, String[]> NEAR_MISSES = Map.of(
      "jdbc:postgres:", new String[] {"jdbc:postgresql:", "PostgreSQL"},
      "jdbc:postgre:", new String[] {"jdbc:postgresql:", "PostgreSQL"},
      "jdbc:pg:", new String[] {"jdbc:postgresql:", "PostgreSQL"},
      "jdbc:pgsql:", new String[] {"jdbc:postgresql:", "PostgreSQL"},
      "jdbc:maria:", new String[] {"jdbc:mariadb:", "MariaDB"},
      "jdbc:sqlite3:", new String[] {"jdbc:sqlite:", "SQLite"});

  private DriverHint() {}

  /**
   * One or two sentences saying what to do about a URL that no driver accepts.
   *
   * @param url the JDBC URL, passwords already masked
   * @return the advice, such as {@code Add its driver, org.postgresql:postgresql, to the application's runtime
   *     dependencies.}
   */
  public static String forUrl(String url) {
    String lower = Objects.requireNonNull(url, "url == null").toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> driver : DRIVERS.entrySet()) {
      if (lower.startsWith(driver.getKey())) {
        return "Add its driver, " + driver.getValue() + ", to the application's runtime dependencies.";
      }
    }
    for (Map.Entry<String, String[]> miss : NEAR_MISSES.entrySet()) {
      if (lower.startsWith(miss.getKey())) {
        String wrong = miss.getKey();
        String right = miss.getValue()[0];
        return "No driver knows the prefix " + wrong + "; " + miss.getValue()[1] + "'s is " + right + " (" + right
            + url.substring(wrong.length()) + ").";
      }
    }
    return "Add the database's driver (such as org.postgresql:postgresql, org.mariadb.jdbc:mariadb-java-client or"
        + " com.h2database:h2) to the application's runtime dependencies, or correct the URL.";
  }
}
