package dev.retort.runtime.dialect.inspect;

import dev.retort.ReferentialAction;
import dev.retort.internal.sql.SqlLexer;
import dev.retort.internal.sql.SqlToken;
import dev.retort.model.ColumnModel;
import dev.retort.model.TableModel;
import dev.retort.model.ViewModel;
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
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * SQLite, read through its pragmas, which show declared types exactly, and through the
 * {@code CREATE TABLE} statement it keeps, which alone shows the check constraints. SQLite keeps
 * no comments, and its pragmas show no constraint names.
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
    String create = createStatement(schema, table);
    List<SqlToken> tokens = SqlLexer.plain().tokens(create);
    boolean autoincrement = tokens.stream().anyMatch(token -> token.isWord("AUTOINCREMENT"));
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
          .map(column -> LiveTable.Index.part(column.get("name")))
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
    return new LiveTable(table, columns, primaryKey, indexes, Optional.empty(), foreignKeys,
        // An unnamed check, such as the one an enum column has, has no name to compare.
        Optional.of(checkClauses(create, tokens).stream().flatMap(check -> check.name().stream()).toList()),
        Optional.empty());
  }

  /**
   * The name a token spells: a quoted name comes without its quotes from the lexer; a string
   * literal, which SQLite also takes as a name there, loses its quotes here.
   */
  private static String name(SqlToken token) {
    String text = token.text();
    return token.kind() == SqlToken.Kind.STRING && text.length() > 1 && text.startsWith("'") && text.endsWith("'")
        ? text.substring(1, text.length() - 1).replace("''", "'")
        : text;
  }

  @Override
  List<String> viewNames(String schema) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT \"name\" FROM " + dialect.quote(schema)
            + ".\"sqlite_master\" WHERE \"type\" = 'view' ORDER BY \"name\"")) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }

  /** The view's {@code CREATE VIEW} statement, as {@code sqlite_master} keeps it. */
  @Override
  Optional<String> viewDefinition(String schema, String view) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT \"sql\" FROM " + dialect.quote(schema)
        + ".\"sqlite_master\" WHERE \"type\" = 'view' AND \"name\" = ?")) {
      statement.setString(1, view);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
      }
    }
  }

  /**
   * Compares the query of the view's {@code CREATE VIEW} statement, which SQLite keeps as it was written (the text
   * after its {@code AS}), with the model's query.
   */
  @Override
  Optional<String> viewQueryDifference(String schema, ViewModel view) throws SQLException {
    Optional<String> statement = viewDefinition(schema, view.name());
    if (statement.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> query = queryOf(statement.get());
    if (query.isPresent() && query.get().equals(view.query())) {
      return Optional.empty();
    }
    return Optional.of("has another query in the database than in the model: the database's is "
        + query.orElse(statement.get()).replaceAll("\\s+", " ") + ", the model's " + view.query());
  }

  /** The query of {@code CREATE VIEW name AS query}; empty where the statement names the view's columns. */
  private static Optional<String> queryOf(String statement) {
    List<SqlToken> tokens = SqlLexer.plain().tokens(statement);
    for (int i = 0; i + 1 < tokens.size(); i++) {
      if (tokens.get(i).isSymbol("(")) {
        return Optional.empty();
      }
      if (tokens.get(i).isWord("AS")) {
        String query = statement.substring(tokens.get(i + 1).start()).strip();
        while (query.endsWith(";")) {
          query = query.substring(0, query.length() - 1).stripTrailing();
        }
        return Optional.of(query);
      }
    }
    return Optional.empty();
  }

  @Override
  Map<String, List<String>> triggers(String schema) throws SQLException {
    Map<String, List<String>> triggers = new TreeMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT \"name\", \"tbl_name\" FROM " + dialect.quote(schema)
            + ".\"sqlite_master\" WHERE \"type\" = 'trigger' ORDER BY \"name\"")) {
      while (rows.next()) {
        triggers.computeIfAbsent(rows.getString(2), t -> new ArrayList<>()).add(rows.getString(1));
      }
    }
    return triggers;
  }

  /** The columns {@code table_xinfo} shows as generated, virtual (2) or stored (3), which {@link #read} hides. */
  @Override
  List<String> generatedColumns(String schema, String table) throws SQLException {
    List<String> names = new ArrayList<>();
    for (Map<String, String> row : rows("PRAGMA " + dialect.quote(schema) + ".table_xinfo(" + dialect.quote(table) + ")")) {
      if (row.get("hidden").equals("2") || row.get("hidden").equals("3")) {
        names.add(row.get("name"));
      }
    }
    return names;
  }

  /** Partial indexes, with the {@code WHERE} of their {@code CREATE INDEX}. */
  @Override
  Map<String, String> indexDetails(String schema, String table) throws SQLException {
    Map<String, String> details = new TreeMap<>();
    for (Map<String, String> index : rows("PRAGMA " + dialect.quote(schema) + ".index_list(" + dialect.quote(table) + ")")) {
      if ("1".equals(index.get("partial"))) {
        String sql = "";
        try (PreparedStatement statement = connection.prepareStatement("SELECT \"sql\" FROM " + dialect.quote(schema)
            + ".\"sqlite_master\" WHERE \"type\" = 'index' AND \"name\" = ?")) {
          statement.setString(1, index.get("name"));
          try (ResultSet rows = statement.executeQuery()) {
            sql = rows.next() && rows.getString(1) != null ? rows.getString(1) : "";
          }
        }
        List<SqlToken> tokens = SqlLexer.plain().tokens(sql);
        String where = "";
        for (SqlToken token : tokens) {
          if (token.isWord("WHERE")) {
            where = " " + sql.substring(token.start()).strip();
            break;
          }
        }
        details.put(index.get("name"), "partial," + where);
      }
    }
    return details;
  }

  /**
   * The checks in the {@code CREATE TABLE} statement, named or not, each with the text between
   * the parentheses after its {@code CHECK}.
   */
  @Override
  List<LiveSchema.CheckClause> checkClauses(String schema, String table) throws SQLException {
    String create = createStatement(schema, table);
    return checkClauses(create, SqlLexer.plain().tokens(create));
  }

  /**
   * The checks of a {@code CREATE TABLE} statement, those after the columns and those in a
   * column's definition: each with the name between {@code CONSTRAINT} and {@code CHECK}, if it
   * has one, and the text between the parentheses after {@code CHECK}.
   */
  private static List<LiveSchema.CheckClause> checkClauses(String create, List<SqlToken> tokens) {
    List<LiveSchema.CheckClause> clauses = new ArrayList<>();
    for (int i = 0; i + 1 < tokens.size(); i++) {
      if (!tokens.get(i).isWord("CHECK") || !tokens.get(i + 1).isSymbol("(")) {
        continue;
      }
      int depth = 0;
      int close = -1;
      for (int j = i + 1; j < tokens.size() && close < 0; j++) {
        if (tokens.get(j).isSymbol("(")) {
          depth++;
        } else if (tokens.get(j).isSymbol(")") && --depth == 0) {
          close = j;
        }
      }
      if (close < 0) {
        continue;
      }
      Optional<String> name = i >= 2 && tokens.get(i - 2).isWord("CONSTRAINT")
          ? Optional.of(name(tokens.get(i - 1)))
          : Optional.empty();
      clauses.add(new LiveSchema.CheckClause(name,
          create.substring(tokens.get(i + 1).end(), tokens.get(close).start()).strip()));
    }
    return clauses;
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
