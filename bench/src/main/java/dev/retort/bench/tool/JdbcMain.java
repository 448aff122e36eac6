package dev.retort.bench.tool;

import dev.retort.bench.measure.ChildReport;
import dev.retort.bench.workload.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The baseline: what an application start costs with no migration tool. It connects and reads
 * the one row of {@code jdbc_version}; only when that fails (an empty database) does it run
 * every statement of the file in auto-commit mode and write the row. Arguments: JDBC URL, user,
 * password, the statements file (each statement followed by a line holding only {@code ;}).
 */
public final class JdbcMain {

  /** The version the row holds once every statement has run. */
  public static final int HEAD = 200;

  private JdbcMain() {}

  /**
   * Runs the start and prints the {@link ChildReport}.
   *
   * @param args URL, user, password, statements file
   * @throws Exception if the database or the file fails
   */
  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    int applied = 0;
    try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2])) {
      if (version(connection) != HEAD) {
        List<String> statements = statements(Path.of(args[3]));
        try (Statement statement = connection.createStatement()) {
          for (String sql : statements) {
            statement.execute(sql);
          }
          statement.execute("CREATE TABLE jdbc_version (version INTEGER NOT NULL)");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO jdbc_version (version) VALUES (?)")) {
          insert.setInt(1, HEAD);
          insert.executeUpdate();
        }
        applied = statements.size();
      }
    }
    ChildReport.emit(start, Map.of("statements", applied));
  }

  private static List<String> statements(Path file) throws IOException {
    List<String> statements = new ArrayList<>();
    StringBuilder statement = new StringBuilder();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.strip().equals(Fixtures.STATEMENT_END)) {
        statements.add(statement.toString());
        statement.setLength(0);
      } else {
        statement.append(statement.length() == 0 ? "" : "\n").append(line);
      }
    }
    return statements;
  }

  private static int version(Connection connection) {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT version FROM jdbc_version")) {
      return row.next() ? row.getInt(1) : -1;
    } catch (SQLException e) {
      return -1;
    }
  }
}
