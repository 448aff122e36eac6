package dev.retort.cli.internal;

import dev.retort.runtime.internal.DriverHint;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that opens each connection with the first JDBC driver, among those a class
 * loader offers, that accepts the URL. Unlike {@link java.sql.DriverManager}, it finds a driver
 * that only the application's class loader can see, as when the Maven plugin runs a project's
 * migrations from its own class loader.
 */
public final class DriverDataSource implements DataSource {

  private final String url;
  private final String user;
  private final String password;
  private final ClassLoader loader;
  private volatile Driver driver;

  /**
   * Creates the data source; nothing connects yet.
   *
   * @param url the JDBC URL
   * @param user the user name; empty for none
   * @param password the password; empty for none
   * @param loader the class loader whose {@code META-INF/services/java.sql.Driver} entries name the drivers
   */
  public DriverDataSource(String url, String user, String password, ClassLoader loader) {
    this.url = Objects.requireNonNull(url, "url == null");
    this.user = Objects.requireNonNull(user, "user == null");
    this.password = Objects.requireNonNull(password, "password == null");
    this.loader = Objects.requireNonNull(loader, "loader == null");
  }

  @Override
  public Connection getConnection() throws SQLException {
    return getConnection(user, password);
  }

  @Override
  public Connection getConnection(String username, String secret) throws SQLException {
    Properties properties = new Properties();
    if (username != null && !username.isEmpty()) {
      properties.setProperty("user", username);
    }
    if (secret != null && !secret.isEmpty()) {
      properties.setProperty("password", secret);
    }
    Connection connection = driver().connect(url, properties);
    if (connection == null) {
      throw new SQLException("The JDBC driver " + driver().getClass().getName() + " does not accept the URL "
          + Secrets.maskUrls(url));
    }
    return connection;
  }

  private Driver driver() throws SQLException {
    Driver found = driver;
    if (found != null) {
      return found;
    }
    try {
      for (Driver candidate : ServiceLoader.load(Driver.class, loader)) {
        if (candidate.acceptsURL(url)) {
          driver = candidate;
          return candidate;
        }
      }
    } catch (ServiceConfigurationError e) {
      throw new SQLException("Could not load the JDBC drivers on the class path: " + e.getMessage(), e);
    }
    String shown = Secrets.maskUrls(url);
    // SQL state 08001, as DriverManager's "No suitable driver": the runtime then asks for no running database.
    throw new SQLException(DriverHint.NO_DRIVER + " " + shown + ". " + DriverHint.forUrl(shown), "08001");
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // Drivers log through their own loggers; there is nothing to redirect.
  }

  @Override
  public void setLoginTimeout(int seconds) {
    // The drivers' own connect timeouts apply, set through the URL.
  }

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("DriverDataSource does not log through java.util.logging");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("DriverDataSource does not wrap a " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }

  @Override
  public String toString() {
    return "DriverDataSource[" + Secrets.maskUrls(url) + "]";
  }
}
