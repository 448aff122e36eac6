package dev.retort.examples.bookshop;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Which database the bookshop uses: the one named by the environment variable
 * {@code DATABASE_URL} (with {@code DATABASE_USER} and {@code DATABASE_PASSWORD}), or else an
 * embedded H2 database in a file under the data directory.
 *
 * @param url the JDBC URL
 * @param user the user name, possibly empty
 * @param password the password, possibly empty
 */
public record DatabaseSettings(String url, String user, String password) {

  /** The environment variable holding the JDBC URL. */
  public static final String URL_VARIABLE = "DATABASE_URL";
  /** The environment variable holding the user name. */
  public static final String USER_VARIABLE = "DATABASE_USER";
  /** The environment variable holding the password. */
  public static final String PASSWORD_VARIABLE = "DATABASE_PASSWORD";

  /** Validates the components. */
  public DatabaseSettings {
    Objects.requireNonNull(url, "url == null");
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(password, "password == null");
    if (!url.startsWith("jdbc:")) {
      throw new IllegalArgumentException(
          "'" + url + "' is not a JDBC URL; use one such as jdbc:postgresql://localhost:5432/bookshop,"
              + " jdbc:mariadb://localhost:3306/bookshop or jdbc:sqlite:bookshop.db");
    }
  }

  /**
   * Reads the settings from environment variables.
   *
   * @param environment the environment, such as {@link System#getenv()}
   * @param dataDirectory where the embedded H2 database lives when {@code DATABASE_URL} is not set
   * @return the settings
   * @throws IllegalArgumentException if {@code DATABASE_URL} is not a JDBC URL
   */
  public static DatabaseSettings fromEnvironment(Map<String, String> environment, Path dataDirectory) {
    String url = environment.get(URL_VARIABLE);
    if (url == null || url.isBlank()) {
      return embedded(dataDirectory);
    }
    return new DatabaseSettings(
        url.strip(),
        environment.getOrDefault(USER_VARIABLE, ""),
        environment.getOrDefault(PASSWORD_VARIABLE, ""));
  }

  /**
   * An embedded H2 database stored in the file {@code bookshop.mv.db} of a directory. It folds
   * unquoted names to lower case ({@code DATABASE_TO_LOWER=TRUE}), as PostgreSQL does, so that
   * the SQL of hand-written data steps ({@code UPDATE customers ...}) finds the tables that
   * Retort created with quoted lower-case names.
   *
   * @param dataDirectory the directory, created by H2 if missing
   * @return the settings
   */
  public static DatabaseSettings embedded(Path dataDirectory) {
    Path file = dataDirectory.toAbsolutePath().normalize().resolve("bookshop");
    return new DatabaseSettings("jdbc:h2:file:" + file + ";DATABASE_TO_LOWER=TRUE", "sa", "");
  }

  /** The URL without credentials that some drivers accept in it, for printing. */
  public String displayUrl() {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }
}
