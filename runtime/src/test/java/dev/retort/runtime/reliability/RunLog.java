package dev.retort.runtime.reliability;

import dev.retort.runtime.Probe;
import dev.retort.runtime.fixtures.Counted;
import dev.retort.runtime.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code run_log}, the revisions' own record of each time they ran. */
final class RunLog {

  private RunLog() {}

  /** The logged revisions, sorted, one entry per run. */
  static List<String> read(TestDatabase db) {
    List<String> runs = new ArrayList<>();
    try (Connection connection = db.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT " + Probe.quote(db, "revision") + " FROM "
            + Probe.quote(db, "run_log") + " ORDER BY " + Probe.quote(db, "revision"))) {
      while (rows.next()) {
        runs.add(rows.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read run_log on " + db, e);
    }
    return runs;
  }

  /** Each revision of the counted history once: {@code r1} to {@code r6}. */
  static List<String> eachOnce() {
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= Counted.SIZE; i++) {
      expected.add("r" + i);
    }
    return expected;
  }
}
