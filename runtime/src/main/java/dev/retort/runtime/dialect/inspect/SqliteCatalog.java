package dev.retort.runtime.dialect.inspect;

import dev.retort.ReferentialAction;
import dev.retort.model.ColumnModel;
import dev.retort.model.TableModel;
import dev.retort.runtime.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * SQLite, read through its pragmas, which show declared types exactly. SQLite keeps no
 * comments, and its pragmas show neither constraint names nor check constraints.
 */
final class SqliteCatalog extends Catalog {

  SqliteCatalog(Connection connection, Dialect dialect) {
    super(connection, dialect);
  }

  @Override
  String defaultSchema() {
    return "main";
  }

  @Override
  List<String> tableNames(String schema) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT \"name\" FROM " + dialect.quote(schema)
            + ".\"sqlite_master\" WHERE \"type\" = 'table' AND \"name\" NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
            + " ORDER BY \"name\"")) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }

  @Override
  LiveTable read(String schema, String table) throws SQLException {
    String prefix = "PRAGMA " + dialect.quote(schema) + ".";
    String target = "(" + dialect.quote(table) + ")";
    boolean autoincrement = createStatement(schema, table).toUpperCase(Locale.ROOT).contains("AUTOINCREMENT");
    List<LiveTable.Column> columns = new ArrayList<>();
    Map<Integer, String> keyColumns = new TreeMap<>();
    List<Map<String, String>> described = rows(prefix + "table_xinfo" + target);
    long keyCount = described.stream().filter(row -> !row.get("pk").equals("0")).count();
    for (Map<String, String> row : described) {
      if (!row.get("hidden").equals("0")) {
        continue;
      }
      int key = Integer.parseInt(row.get("pk"));
      if (key > 0) {
        keyColumns.put(key, row.get("name"));
      }
      boolean identity = autoincrement && key == 1 && keyCount == 1 && row.get("type").equalsIgnoreCase("INTEGER");
      columns.add(new LiveTable.Column(row.get("name"), row.get("type"), row.get("notnull").equals("0") && !identity,
          Optional.ofNullable(row.get("dflt_value")), identity, Optional.empty(), Optional.empty()));
    }
    Optional<LiveTable.PrimaryKey> primaryKey = keyColumns.isEmpty()
        ? Optional.empty()
        : Optional.of(new LiveTable.PrimaryKey(Optional.empty(), List.copyOf(keyColumns.values())));
    List<LiveTable.Index> indexes = new ArrayList<>();
    for (Map<String, String> index : rows(prefix + "index_list" + target)) {
      List<String> indexed = rows(prefix + "index_info(" + dialect.quote(index.get("name")) + ")").stream()
          .map(column -> column.get("name"))
          .toList();
      indexes.add(new LiveTable.Index(index.get("name"), index.get("unique").equals("1"), indexed));
    }
    Map<String, List<Map<String, String>>> keys = new LinkedHashMap<>();
    for (Map<String, String> row : rows(prefix + "foreign_key_list" + target)) {
      keys.computeIfAbsent(row.get("id"), id -> new ArrayList<>()).add(row);
    }
    List<LiveTable.ForeignKey> foreignKeys = new ArrayList<>();
    keys.forEach((id, rows) -> foreignKeys.add(new LiveTable.ForeignKey(Optional.empty(),
        rows.stream().map(row -> row.get("from")).toList(), rows.get(0).get("table"),
        rows.stream().map(row -> row.get("to")).toList(),
        action(rows.get(0).get("on_delete")), action(rows.get(0).get("on_update")))));
    return new LiveTable(table, columns, primaryKey, indexes, foreignKeys, Optional.empty(), Optional.empty());
  }

  /** A rowid-alias identity column is declared {@code INTEGER}, whatever integer type the model gives it. */
  @Override
  String expectedType(TableModel table, ColumnModel column) {
    return column.identity() ? "INTEGER" : super.expectedType(table, column);
  }

  @Override
  boolean keepsComments() {
    return false;
  }

  @Override
  boolean keepsPrimaryKeyNames() {
    return false;
  }

  @Override
  boolean keepsForeignKeyNames() {
    return false;
  }

  private String createStatement(String schema, String table) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT \"sql\" FROM " + dialect.quote(schema)
        + ".\"sqlite_master\" WHERE \"type\" = 'table' AND \"name\" = ?")) {
      statement.setString(1, table);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getString(1) : "";
      }
    }
  }

  /** A pragma's rows, each column by name as text (SQL NULL stays null). */
  private List<Map<String, String>> rows(String pragma) throws SQLException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(pragma)) {
      int count = result.getMetaData().getColumnCount();
      while (result.next()) {
        Map<String, String> row = new HashMap<>();
        for (int i = 1; i <= count; i++) {
          row.put(result.getMetaData().getColumnLabel(i), result.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static ReferentialAction action(String shown) {
    for (ReferentialAction action : ReferentialAction.values()) {
      if (action.sql().equalsIgnoreCase(shown)) {
        return action;
      }
    }
    return ReferentialAction.NO_ACTION;
  }
}
