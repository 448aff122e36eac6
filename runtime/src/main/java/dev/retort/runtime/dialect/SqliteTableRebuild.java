package dev.retort.runtime.dialect;

import dev.retort.model.ForeignKeyModel;
import dev.retort.model.IndexModel;
import dev.retort.model.SchemaModel;
import dev.retort.model.TableModel;
import dev.retort.operation.JdbcStep;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
    steps.add(new Step.Callback(precheck()));
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
      steps.add(new Step.Callback(foreignKeyCheck(List.copyOf(checked))));
    }
    return steps;
  }

  /** Fails before anything changes if a trigger or view depends on the table, or if foreign keys would cascade. */
  private JdbcStep precheck() {
    String name = after.name();
    Set<String> referrers = referencing(schemaBefore, name);
    String master = dialect.qualified(after.schema(), "sqlite_master");
    return new JdbcStep("check that SQLite can rebuild table " + name, connection -> {
      List<String> dependents = new ArrayList<>();
      try (PreparedStatement statement = connection.prepareStatement("SELECT \"type\", \"name\" FROM " + master
          + " WHERE (\"type\" = 'trigger' AND \"tbl_name\" = ?) OR (\"type\" = 'view' AND \"sql\" LIKE ?)"
          + " ORDER BY \"name\"")) {
        statement.setString(1, name);
        statement.setString(2, "%" + name + "%");
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            dependents.add(rows.getString(1) + " " + rows.getString(2));
          }
        }
      }
      if (!dependents.isEmpty()) {
        throw new SQLException("cannot rebuild table " + name + " on SQLite: the rebuild (create a new table,"
            + " copy the rows, drop the old table, rename) would drop or break what depends on it ("
            + String.join(", ", dependents) + "); drop those in an earlier step of the migration and create them"
            + " again after this change");
      }
      if (!referrers.isEmpty() && foreignKeysEnforced(connection)) {
        throw new SQLException("cannot rebuild table " + name + " on SQLite while foreign keys are enforced:"
            + " dropping the old table would delete its rows first, cascading into or failing on "
            + String.join(", ", referrers) + ". Run migrations through Retort, which turns enforcement off"
            + " around each migration (Dialect.prepareConnection), or run PRAGMA foreign_keys = OFF before"
            + " the transaction begins");
      }
    });
  }

  /** Fails the migration, naming the rows, if the rebuilt table or a table referencing it breaks a foreign key. */
  private JdbcStep foreignKeyCheck(List<String> tables) {
    String schema = after.schema().isEmpty() ? "" : dialect.quote(after.schema()) + ".";
    return new JdbcStep("check the foreign keys of " + String.join(", ", tables) + " after rebuilding "
        + after.name() + " (PRAGMA foreign_key_check)", connection -> {
          List<String> violations = new ArrayList<>();
          int count = 0;
          for (String table : tables) {
            try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                    "PRAGMA " + schema + "foreign_key_check(" + dialect.quote(table) + ")")) {
              while (rows.next()) {
                count++;
                if (violations.size() < VIOLATIONS_SHOWN) {
                  violations.add(rows.getString(1) + " row " + rows.getLong(2) + " references a missing "
                      + rows.getString(3) + " row");
                }
              }
            }
          }
          if (count > 0) {
            throw new SQLException("after rebuilding table " + after.name() + " on SQLite, " + count
                + " row(s) break foreign keys: " + String.join("; ", violations)
                + (count > violations.size() ? "; …" : "")
                + ". Fix those rows (or the migration) and run it again", "23000");
          }
        });
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
