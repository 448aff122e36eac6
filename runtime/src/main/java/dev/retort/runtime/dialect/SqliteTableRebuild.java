package dev.retort.runtime.dialect;

import dev.retort.model.ForeignKeyModel;
import dev.retort.model.IndexModel;
import dev.retort.model.SchemaModel;
import dev.retort.model.TableModel;
import dev.retort.operation.JdbcStep;
import dev.retort.runtime.dialect.SqliteScriptGuard.Problem;
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
 * The steps that change a SQLite table in a way {@code ALTER TABLE} cannot: save what depends on
 * the table, create the new definition under a temporary name, copy the rows, drop the old table,
 * rename the new one, recreate the indexes and the triggers, check the views and triggers that
 * depend on it, and check the foreign keys. {@link SqliteDialect} documents why each step is
 * there and how foreign key enforcement is handled; {@link SqliteDependents} how the triggers
 * and views are carried over.
 */
final class SqliteTableRebuild {

  private static final int VIOLATIONS_SHOWN = 5;

  private final SqliteDialect dialect;
  private final TableModel before;
  private final TableModel after;
  private final SchemaModel schemaBefore;
  private final SchemaModel schemaAfter;
  private final String temporary;
  private final SqliteDependents dependents;

  SqliteTableRebuild(SqliteDialect dialect, String table, SqlDialect.Context context) {
    this.dialect = dialect;
    this.before = context.tableBefore(table);
    this.after = context.tableAfter(table);
    this.schemaBefore = context.before();
    this.schemaAfter = context.after();
    this.temporary = SqliteDialect.unusedName("retort_rebuild_", table, context);
    this.dependents = SqliteDependents.ofRebuild(dialect, after.schema(), after.name());
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
    steps.add(SqlDialect.sql("-- Rename as sqlite.org's procedure does, leaving the views and triggers that refer to "
        + SqliteScriptGuard.oneLine(after.name()) + " as they are; they are checked below\n"
        + "PRAGMA legacy_alter_table = ON"));
    steps.add(SqlDialect.sql("ALTER TABLE " + newTable + " RENAME TO " + dialect.quote(after.name())));
    steps.add(SqlDialect.sql("PRAGMA legacy_alter_table = OFF"));
    for (IndexModel index : after.indexes()) {
      steps.add(SqlDialect.sql(dialect.createIndexStatement(after, index)));
    }
    steps.add(restoreDependents());
    Set<String> checked = new TreeSet<>(referencing(schemaAfter, after.name()));
    if (!after.foreignKeys().isEmpty()) {
      checked.add(after.name());
    }
    if (!checked.isEmpty()) {
      steps.add(foreignKeyCheck(List.copyOf(checked)));
    }
    return steps;
  }

  /**
   * Fails before anything changes if foreign keys would cascade, and saves the triggers and views
   * that depend on the table. An offline script cannot save triggers, so it stops if one is on
   * the table or refers to it, and stops if a view that may read the table does not compile.
   */
  private Step precheck() {
    String name = after.name();
    Set<String> referrers = referencing(schemaBefore, name);
    String enforcedProblem = "cannot rebuild table " + name + " on SQLite while foreign keys are enforced:"
        + " dropping the old table would delete its rows first, cascading into or failing on "
        + String.join(", ", referrers);
    JdbcStep online = new JdbcStep("check that SQLite can rebuild table " + name
        + ", and save the triggers and views that depend on it", connection -> {
          if (!referrers.isEmpty() && foreignKeysEnforced(connection)) {
            throw new SQLException(enforcedProblem + ". Run migrations through Retort, which turns enforcement off"
                + " around each migration (Dialect.prepareConnection), or run PRAGMA foreign_keys = OFF before"
                + " the transaction begins");
          }
          dependents.save(connection);
        });
    List<Problem> problems = new ArrayList<>();
    problems.add(new Problem("cannot rebuild table " + name + " on SQLite in an offline script: a trigger is on"
        + " the table or refers to it (sqlite_master lists the triggers), and a script can neither create it again"
        + " after the rebuild nor check it. Let Retort run this migration, which does both; or drop the trigger"
        + " in an earlier step of the migration and create it again after this change", dependents.triggersQuery()));
    if (!referrers.isEmpty()) {
      problems.add(new Problem(enforcedProblem + ". Run PRAGMA foreign_keys = OFF before BEGIN, as the script's"
          + " opening does", "SELECT \"foreign_keys\" FROM pragma_foreign_keys WHERE \"foreign_keys\" = 1"));
    }
    String comment = "Stop unless SQLite can rebuild table " + name + " in this script: no trigger may be on it or"
        + " refer to it" + (referrers.isEmpty() ? "" : ", and foreign keys must not be enforced");
    List<Step.Sql> offline = new ArrayList<>(SqliteScriptGuard.statements(dialect, comment, problems));
    offline.add(dependents.viewCheck(SqliteScriptGuard.oneLine("Stop if a view that may read " + name + " does not"
        + " work before the rebuild: SQLite's error says what it lacks. Fix or drop that view first")));
    return new Step.Callback(online, offline);
  }

  /**
   * Creates the table's triggers again and fails if a trigger or view that depends on the table
   * no longer works. An offline script, which has stopped if there are triggers, checks the views
   * that may read the table.
   */
  private Step restoreDependents() {
    String name = after.name();
    JdbcStep online = new JdbcStep("create the triggers of " + name + " again, and check the triggers and views"
        + " that depend on it", dependents::restore);
    return new Step.Callback(online, List.of(dependents.viewCheck(SqliteScriptGuard.oneLine("Stop if a view that"
        + " may read " + name + " no longer works after the rebuild: SQLite's error says what it lacks. Drop the view"
        + " in an earlier step of the migration and create it again, to fit the new table, after this change"))));
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
    return new Step.Callback(online,
        SqliteScriptGuard.statements(dialect, comment, List.of(new Problem(problem, violations))));
  }

  /** The rows breaking a foreign key of the tables, as {@code table, rowid, parent} rows. */
  private String violationsQuery(List<String> tables) {
    String schema = after.schema().isEmpty() ? "" : ", " + dialect.stringLiteral(after.schema());
    return tables.stream()
        .map(table -> "SELECT \"table\", \"rowid\", \"parent\" FROM pragma_foreign_key_check("
            + dialect.stringLiteral(table) + schema + ")")
        .collect(Collectors.joining(" UNION ALL "));
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

}
