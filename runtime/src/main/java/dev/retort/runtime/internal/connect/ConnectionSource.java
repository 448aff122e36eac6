package dev.retort.runtime.internal.connect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Where a command's connections come from: a data source, a JDBC URL, or a JDBI instance
 * ({@link JdbiConnections}). Plain JDBC underneath, so that an application start with nothing to
 * migrate pays for no more than its one query.
 */
public interface ConnectionSource {

  /**
   * Opens a connection.
   *
   * @return the connection, in whatever auto-commit mode the source gives
   * @throws SQLException if the database refuses
   */
  Connection open() throws SQLException;

  /**
   * Starts whatever the first {@link #open()} will need and can be done meanwhile, on another
   * thread, and returns at once. Called when the instance is built, while the revision index is
   * read; a failure is left for {@link #open()} to report.
   */
  default void warmUp() {}

  /**
   * Gives a connection back.
   *
   * @param connection a connection this source opened
   * @throws SQLException if closing fails
   */
  default void close(Connection connection) throws SQLException {
    connection.close();
  }

  /**
   * Connections from a data source, such as the application's pool.
   *
   * @param dataSource the data source
   * @return the source
   */
  static ConnectionSource of(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource == null");
    return dataSource::getConnection;
  }

  /**
   * Connections from {@link DriverManager}; the driver must be on the class path.
   *
   * @param url the JDBC URL
   * @param user the user; null for none
   * @param password the password; null for none
   * @return the source
   */
  static ConnectionSource of(String url, String user, String password) {
    Objects.requireNonNull(url, "url == null");
    return new ConnectionSource() {
      @Override
      public Connection open() throws SQLException {
        return DriverManager.getConnection(url, user, password);
      }

      /** Loads the JDBC drivers, which takes a cold JVM tens of milliseconds, while the index is read. */
      @Override
      public void warmUp() {
        Thread loader = new Thread(() -> {
          try {
            DriverManager.getDriver(url);
          } catch (SQLException | RuntimeException | LinkageError e) {
            // open() meets the same problem and reports it.
          }
        }, "retort-driver-loader");
        loader.setDaemon(true);
        loader.start();
      }
    };
  }
}
