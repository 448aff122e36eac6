package dev.retort.bench.tool;

import dev.retort.bench.measure.ChildReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Plain JDBC doing the least that issue 4 asks of any migration tool, as a floor for the tools'
 * figures: a history table with one row per applied revision (its number, a checksum of its
 * statements, when it was applied and how long it took), each revision with its row in one
 * transaction where DDL is transactional, and, at every start, each applied revision's checksum
 * compared with the statements it would run. It takes no lock, reads no class path index and
 * logs nothing, so a real tool cannot be cheaper. Arguments: JDBC URL, user, password, the
 * statements file ({@link dev.retort.bench.workload.Fixtures#jdbcStatements}).
 */
public final class JdbcHistoryMain {

  /** The history table. */
  public static final String TABLE = "jdbc_history";

  private JdbcHistoryMain() {}

  /**
   * Runs the start and prints the {@link ChildReport}.
   *
   * @param args URL, user, password, statements file
   * @throws Exception if the database or the file fails, or an applied revision's checksum differs
   */
  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    int statementsRun = 0;
    int revisionsRun = 0;
    List<StatementsFile.Revision> revisions = StatementsFile.read(Path.of(args[3]));
    try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2])) {
      Map<Integer, Long> applied = applied(connection);
      boolean transactional = connection.getMetaData().supportsDataDefinitionAndDataManipulationTransactions();
      String insert = "INSERT INTO " + TABLE + " (revision, checksum, applied_at, execution_ms) VALUES (?, ?, ?, ?)";
      try (Statement statement = connection.createStatement();
          PreparedStatement record = connection.prepareStatement(insert)) {
        for (StatementsFile.Revision revision : revisions) {
          long checksum = checksum(revision);
          Long recorded = applied.get(revision.number());
          if (recorded != null) {
            if (recorded != checksum) {
              throw new IllegalStateException("revision " + revision.number() + " was applied with checksum "
                  + recorded + " but its statements now give " + checksum);
            }
            continue;
          }
          long began = System.nanoTime();
          connection.setAutoCommit(!transactional);
          for (String sql : revision.statements()) {
            statement.execute(sql);
          }
          record.setInt(1, revision.number());
          record.setLong(2, checksum);
          record.setTimestamp(3, Timestamp.from(Instant.now()));
          record.setLong(4, (System.nanoTime() - began) / 1_000_000);
          record.executeUpdate();
          if (transactional) {
            connection.commit();
            connection.setAutoCommit(true);
          }
          statementsRun += revision.statements().size();
          revisionsRun++;
        }
      }
    }
    ChildReport.emit(start, Map.of("statements", statementsRun, "applied", revisionsRun));
  }

  /** Each applied revision's recorded checksum; creates the history table on an empty database. */
  private static Map<Integer, Long> applied(Connection connection) throws SQLException {
    Map<Integer, Long> applied = new HashMap<>();
    try (Statement statement = connection.createStatement()) {
      try (ResultSet rows = statement.executeQuery("SELECT revision, checksum FROM " + TABLE)) {
        while (rows.next()) {
          applied.put(rows.getInt(1), rows.getLong(2));
        }
        return applied;
      } catch (SQLException e) {
        if (!connection.getAutoCommit()) {
          connection.rollback();
        }
      }
      statement.execute("CREATE TABLE " + TABLE + " (revision INTEGER NOT NULL PRIMARY KEY, checksum BIGINT NOT NULL,"
          + " applied_at TIMESTAMP NOT NULL, execution_ms BIGINT NOT NULL)");
    }
    return applied;
  }

  private static long checksum(StatementsFile.Revision revision) {
    CRC32 crc = new CRC32();
    for (String sql : revision.statements()) {
      crc.update(sql.getBytes(StandardCharsets.UTF_8));
    }
    return crc.getValue();
  }
}
