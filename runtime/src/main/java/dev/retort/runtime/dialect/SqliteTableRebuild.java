package dev.retort.runtime.dialect;

import dev.retort.model.ForeignKeyModel;
import dev.retort.model.IndexModel;
import dev.retort.model.SchemaModel;
import dev.retort.model.TableModel;
import dev.retort.operation.JdbcStep;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The steps that change a SQLite table in a way {@code ALTER TABLE} cannot: create the new
 * definition under a temporary name, copy the rows, drop the old table, rename the new one,
 * recreate the indexes and check the foreign keys. {@link SqliteDialect} documents why each step
 * is there and how foreign key enforcement is handled.
 */
final class SqliteTableRebuild {

  private static final int VIOLATIONS_SHOWN = 5;

  /** The temporary table of the offline script's checks, created and dropped by each check. */
  private static final String GUARD_TABLE = "retort_rebuild_check";

  private final SqliteDialect dialect;
  private final TableModel before;
  private final TableModel after;
  private final SchemaModel schemaBefore;
  private final SchemaModel schemaAfter;
  private final String temporary;

  SqliteTableRebuild(SqliteDialect dialect, String table, SqlDialect.Context context) {
    this.dialect = dialect;
    this.before = context.tableBefore(table);
    this.after = context.tableAfter(table);
    this.schemaBefore = context.before();
    this.schemaAfter = context.after();
    this.temporary = temporaryName(table, context);
  }

  List<Step> steps() {
    String schema = after.schema();
    String oldTable = dialect.qualified(schema, after.name());
    String newTable = dialect.qualified(schema, temporary);
    List<Step> steps = new ArrayList<>();
    steps.add(precheck());
    steps.add(SqlDialect.sql(dialect.createTableStatement(after, temporary, schemaAfter)));
    String columns = after.columnNames().stream()
        .filter(column -> before.column(column).isPresent())
        .map(dialect::quote)
        .collect(Collectors.joining(", "));
    steps.add(SqlDialect.sql("INSERT INTO " + newTable + " (" + columns + ") SELECT " + columns + " FROM " + oldTable));
    if (autoincrement(before) && autoincrement(after)) {
      String sequence = dialect.qualified(schema, "sqlite_sequence");
      steps.add(SqlDialect.sql("DELETE FROM " + sequence + " WHERE \"name\" = " + dialect.stringLiteral(temporary)));
      steps.add(SqlDialect.sql("INSERT INTO " + sequence + " (\"name\", \"seq\") SELECT "
          + dialect.stringLiteral(temporary) + ", \"seq\" FROM " + sequence + " WHERE \"name\" = "
          + dialect.stringLiteral(after.name())));
    }
    steps.add(SqlDialect.sql("DROP TABLE " + oldTable));
    steps.add(SqlDialect.sql("ALTER TABLE " + newTable + " RENAME TO " + dialect.quote(after.name())));
    for (IndexModel index : after.indexes()) {
      steps.add(SqlDialect.sql(dialect.createIndexStatement(after, index)));
    }
    Set<String> checked = new TreeSet<>(referencing(schemaAfter, after.name()));
    if (!after.foreignKeys().isEmpty()) {
      checked.add(after.name());
    }
    if (!checked.isEmpty()) {
      steps.add(foreignKeyCheck(List.copyOf(checked)));
    }
    return steps;
  }

  /** Fails before anything changes if a trigger or view depends on the table, or if foreign keys would cascade. */
  private Step precheck() {
    String name = after.name();
    Set<String> referrers = referencing(schemaBefore, name);
    String dependents = dependentsQuery();
    String dependentsProblem = "cannot rebuild table " + name + " on SQLite: the rebuild (create a new table, copy"
        + " the rows, drop the old table, rename) would drop or break what depends on it";
    String dependentsFix = "drop those in an earlier step of the migration and create them again after this change";
    String enforcedProblem = "cannot rebuild table " + name + " on SQLite while foreign keys are enforced:"
        + " dropping the old table would delete its rows first, cascading into or failing on "
        + String.join(", ", referrers);
    JdbcStep online = new JdbcStep("check that SQLite can rebuild table " + name, connection -> {
      List<String> found = new ArrayList<>();
      try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(dependents)) {
        while (rows.next()) {
          found.add(rows.getString(1) + " " + rows.getString(2));
        }
      }
      if (!found.isEmpty()) {
        throw new SQLException(dependentsProblem + " (" + String.join(", ", found) + "); " + dependentsFix);
      }
      if (!referrers.isEmpty() && foreignKeysEnforced(connection)) {
        throw new SQLException(enforcedProblem + ". Run migrations through Retort, which turns enforcement off"
            + " around each migration (Dialect.prepareConnection), or run PRAGMA foreign_keys = OFF before"
            + " the transaction begins");
      }
    });
    List<Guard> guards = new ArrayList<>();
    guards.add(new Guard(dependentsProblem + " (a trigger or view; sqlite_master lists them); " + dependentsFix,
        dependents));
    if (!referrers.isEmpty()) {
      guards.add(new Guard(enforcedProblem + ". Run PRAGMA foreign_keys = OFF before BEGIN, as the script's"
          + " opening does", "SELECT \"foreign_keys\" FROM pragma_foreign_keys WHERE \"foreign_keys\" = 1"));
    }
    String comment = "Stop unless SQLite can rebuild table " + name + ": no trigger or view may depend on it"
        + (referrers.isEmpty() ? "" : ", and foreign keys must not be enforced");
    return new Step.Callback(online, offlineGuard(comment, guards));
  }

  /**
   * The triggers on the table and the views that may read it, as {@code type, name} rows. A view
   * is matched by its text, which may over-match: a false alarm is cheaper than a broken view.
   */
  private String dependentsQuery() {
    String name = after.name();
    return "SELECT \"type\", \"name\" FROM " + dialect.qualified(after.schema(), "sqlite_master")
        + " WHERE (\"type\" = 'trigger' AND \"tbl_name\" = " + dialect.stringLiteral(name) + ")"
        + " OR (\"type\" = 'view' AND \"sql\" LIKE " + dialect.stringLiteral("%" + name + "%") + ")"
        + " ORDER BY \"name\"";
  }

  /** Fails the migration, naming the rows, if the rebuilt table or a table referencing it breaks a foreign key. */
  private Step foreignKeyCheck(List<String> tables) {
    String violations = violationsQuery(tables);
    JdbcStep online = new JdbcStep("check the foreign keys of " + String.join(", ", tables) + " after rebuilding "
        + after.name() + " (PRAGMA foreign_key_check)", connection -> {
          List<String> shown = new ArrayList<>();
          int count = 0;
          try (Statement statement = connection.createStatement();
              ResultSet rows = statement.executeQuery(violations)) {
            while (rows.next()) {
              count++;
              if (shown.size() < VIOLATIONS_SHOWN) {
                shown.add(rows.getString(1) + " row " + rows.getLong(2) + " references a missing "
                    + rows.getString(3) + " row");
              }
            }
          }
          if (count > 0) {
            throw new SQLException("after rebuilding table " + after.name() + " on SQLite, " + count
                + " row(s) break foreign keys: " + String.join("; ", shown)
                + (count > shown.size() ? "; …" : "")
                + ". Fix those rows (or the migration) and run it again", "23000");
          }
        });
    String problem = "after rebuilding table " + after.name() + " on SQLite, rows of " + String.join(", ", tables)
        + " break foreign keys (PRAGMA foreign_key_check lists them). Fix those rows (or the migration) and run"
        + " the script again";
    String comment = "Stop if rows of " + String.join(", ", tables) + " break a foreign key after the rebuild"
        + " (PRAGMA foreign_key_check)";
    return new Step.Callback(online, offlineGuard(comment, List.of(new Guard(problem, violations))));
  }

  /** The rows breaking a foreign key of the tables, as {@code table, rowid, parent} rows. */
  private String violationsQuery(List<String> tables) {
    String schema = after.schema().isEmpty() ? "" : ", " + dialect.stringLiteral(after.schema());
    return tables.stream()
        .map(table -> "SELECT \"table\", \"rowid\", \"parent\" FROM pragma_foreign_key_check("
            + dialect.stringLiteral(table) + schema + ")")
        .collect(Collectors.joining(" UNION ALL "));
  }

  /**
   * A problem that an offline script must stop on.
   *
   * @param message what is wrong and what to do, which the database reports when the script stops
   * @param query returns a row for each occurrence of the problem, none when all is well
   */
  private record Guard(String message, String query) {}

  /**
   * The statements that make an offline script fail where a Java check would fail the migration:
   * SQLite's SQL cannot raise an error outside a trigger, so each problem is a named check
   * constraint of a temporary table that refuses the rows its query returns. A row makes the
   * insert fail with {@code CHECK constraint failed: <message>}, inside the migration's
   * transaction, which the sqlite3 shell run with {@code -bail} leaves uncommitted; no row
   * inserts nothing, and the table is dropped again. The table lives in the connection's
   * {@code temp} schema, so it never touches the database file.
   */
  private List<Step.Sql> offlineGuard(String comment, List<Guard> guards) {
    String table = "temp." + dialect.quote(GUARD_TABLE);
    List<String> constraints = new ArrayList<>();
    List<String> selects = new ArrayList<>();
    for (int i = 0; i < guards.size(); i++) {
      int problem = i + 1;
      constraints.add("CONSTRAINT " + dialect.quote(guards.get(i).message()) + " CHECK (\"problem\" <> " + problem
          + ")");
      selects.add("SELECT " + problem + " FROM (" + guards.get(i).query() + ")");
    }
    return List.of(
        Step.Sql.of("-- " + comment.replaceAll("[\r\n]+", " ") + "\nCREATE TEMP TABLE " + dialect.quote(GUARD_TABLE)
            + " (\"problem\" INTEGER, " + String.join(", ", constraints) + ")"),
        Step.Sql.of("INSERT INTO " + table + " (\"problem\") " + String.join(" UNION ALL ", selects)),
        Step.Sql.of("DROP TABLE " + table));
  }

  private static boolean foreignKeysEnforced(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("PRAGMA foreign_keys")) {
      return result.next() && result.getInt(1) == 1;
    }
  }

  /** The tables with a foreign key to {@code table}, itself included if it references itself. */
  private static Set<String> referencing(SchemaModel schema, String table) {
    Set<String> referrers = new TreeSet<>();
    for (TableModel candidate : schema.tables()) {
      for (ForeignKeyModel key : candidate.foreignKeys()) {
        if (key.referencedTable().equals(table)) {
          referrers.add(candidate.name());
        }
      }
    }
    return referrers;
  }

  private static boolean autoincrement(TableModel table) {
    return table.columns().stream()
        .anyMatch(column -> column.identity() && SqliteDialect.rowidKey(table, column).isPresent());
  }

  private static String temporaryName(String table, SqlDialect.Context context) {
    String name = "retort_rebuild_" + table;
    for (int i = 2; context.before().table(name).isPresent() || context.after().table(name).isPresent(); i++) {
      name = "retort_rebuild_" + i + "_" + table;
    }
    return name;
  }
}
