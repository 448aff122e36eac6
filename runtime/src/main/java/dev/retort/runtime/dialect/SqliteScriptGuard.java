package dev.retort.runtime.dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements that make an offline SQLite script stop where a Java check would fail the
 * migration, for the table rebuild and for dropping a column. SQLite's SQL cannot raise an error
 * outside a trigger, so each problem is a named check constraint of a temporary table that
 * refuses the rows its query returns. A row makes the insert fail with {@code CHECK constraint
 * failed: <message>}, inside the migration's transaction, which the sqlite3 shell run with
 * {@code -bail} leaves uncommitted; no row inserts nothing, and the table is dropped again. The
 * table lives in the connection's {@code temp} schema, so it never touches the database file.
 */
final class SqliteScriptGuard {

  /** The temporary table of the checks, created and dropped by each. */
  private static final String TABLE = "retort_rebuild_check";

  private SqliteScriptGuard() {}

  /**
   * A problem that an offline script must stop on.
   *
   * @param message what is wrong and what to do, which the database reports when the script stops
   * @param query returns a row for each occurrence of the problem, none when all is well
   */
  record Problem(String message, String query) {}

  /**
   * The three statements that stop the script if a query of the problems returns a row.
   *
   * @param dialect the dialect, which quotes
   * @param comment what the statements check, written above them
   * @param problems the problems, at least one
   * @return the statements: create the table, insert the rows of the queries, drop the table
   */
  static List<Step.Sql> statements(SqliteDialect dialect, String comment, List<Problem> problems) {
    String table = "temp." + dialect.quote(TABLE);
    List<String> constraints = new ArrayList<>();
    List<String> selects = new ArrayList<>();
    for (int i = 0; i < problems.size(); i++) {
      int problem = i + 1;
      constraints.add("CONSTRAINT " + dialect.quote(problems.get(i).message()) + " CHECK (\"problem\" <> " + problem
          + ")");
      selects.add("SELECT " + problem + " FROM (" + problems.get(i).query() + ")");
    }
    return List.of(
        Step.Sql.of("-- " + oneLine(comment) + "\nCREATE TEMP TABLE " + dialect.quote(TABLE)
            + " (\"problem\" INTEGER, " + String.join(", ", constraints) + ")"),
        Step.Sql.of("INSERT INTO " + table + " (\"problem\") " + String.join(" UNION ALL ", selects)),
        Step.Sql.of("DROP TABLE " + table));
  }

  /** The text with its line breaks made spaces, to fit in a {@code --} comment. */
  static String oneLine(String text) {
    return text.replaceAll("[\r\n]+", " ");
  }
}
