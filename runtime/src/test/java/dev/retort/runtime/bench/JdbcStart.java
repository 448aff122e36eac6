package dev.retort.runtime.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The baseline of an application start: connect with plain JDBC and read the version table,
 * the one query a no-op start needs. Arguments: JDBC URL, user, password, quoted table name.
 */
public final class JdbcStart {

  private JdbcStart() {}

  /**
   * Runs the start.
   *
   * @param args URL, user, password, quoted version table name
   * @throws SQLException if the database fails
   */
  public static void main(String[] args) throws SQLException {
    try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2]);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT * FROM " + args[3])) {
      int count = 0;
      while (rows.next()) {
        count++;
      }
      if (count == 0) {
        throw new IllegalStateException("the database was not at head");
      }
    }
  }
}
