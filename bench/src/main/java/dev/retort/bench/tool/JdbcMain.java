package dev.retort.bench.tool;

import dev.retort.bench.measure.ChildReport;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * The baseline: what an application start costs with no migration tool. It connects and reads
 * the one row of {@code jdbc_version}, the number of the last revision run; only when that is
 * not the head (an empty database, or one a deploy has revisions for) does it run the
 * statements of the newer revisions in auto-commit mode and write the row. Arguments: JDBC URL,
 * user, password, the statements file ({@link dev.retort.bench.workload.Fixtures#jdbcStatements}).
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
    int statementsRun = 0;
    int revisionsRun = 0;
    try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2])) {
      int version = version(connection);
      if (version != HEAD) {
        List<StatementsFile.Revision> revisions = StatementsFile.read(Path.of(args[3]));
        try (Statement statement = connection.createStatement()) {
          for (StatementsFile.Revision revision : revisions) {
            if (revision.number() > version) {
              for (String sql : revision.statements()) {
                statement.execute(sql);
              }
              statementsRun += revision.statements().size();
              revisionsRun++;
            }
          }
          if (version < 0) {
            statement.execute("CREATE TABLE jdbc_version (version INTEGER NOT NULL)");
          }
        }
        String record = version < 0 ? "INSERT INTO jdbc_version (version) VALUES (?)" : "UPDATE jdbc_version SET version = ?";
        try (PreparedStatement write = connection.prepareStatement(record)) {
          write.setInt(1, HEAD);
          write.executeUpdate();
        }
      }
    }
    ChildReport.emit(start, Map.of("statements", statementsRun, "applied", revisionsRun));
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
