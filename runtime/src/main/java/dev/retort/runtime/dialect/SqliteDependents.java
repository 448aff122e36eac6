package dev.retort.runtime.dialect;

import dev.retort.internal.sql.SqlNames;
import dev.retort.internal.sql.SqlToken;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The triggers and views that depend on a table that SQLite rebuilds, or drops a column of, and
 * the check that each still compiles after the change.
 *
 * <p>A rebuild carries them from before the old table is dropped to after the new one has its
 * name (steps 3, 8 and 9 of sqlite.org's procedure):
 *
 * <ul>
 *   <li>The table's own triggers are dropped with the old table. {@link #save} keeps their SQL and
 *       {@link #restore} creates them again, in the order they were first created, which is the
 *       order SQLite fires triggers of the same event in.
 *   <li>Views, and other tables' triggers, that refer to the table stay as they are: the rename
 *       runs with {@code PRAGMA legacy_alter_table = ON}, so SQLite neither rewrites nor checks
 *       them, and they read the new table by its name.
 * </ul>
 *
 * <p>Neither {@code CREATE TRIGGER} nor that rename checks that a trigger or view fits the new
 * table, so {@link #restore} does: it compiles each view ({@code SELECT * FROM view LIMIT 0}) and
 * each trigger (the {@code EXPLAIN} of a statement that fires it, which compiles the trigger and
 * runs nothing) and fails, naming it, if one no longer compiles, such as a trigger that inserts
 * into the table without a column list after a column was added. Only those that compiled before
 * the rebuild are checked, so that a view broken long ago does not fail a migration that did not
 * break it.
 *
 * <p>SQLite's own {@code DROP COLUMN} compiles the expressions of every view and trigger of the
 * schema and fails on one that uses the column, but not the column lists of a trigger
 * ({@code UPDATE t SET column = …}, {@code INSERT INTO t (column)}, {@code UPDATE OF column}),
 * and it reads a double-quoted name that matches no column as a string literal: a view that
 * selects {@code "total"} still compiles once the column {@code total} is gone, and returns the
 * text {@code 'total'}. {@link #checkAfterDrop} therefore compiles them all after the column is
 * dropped, as {@link #restore} does: it drops the table's triggers and creates them again one by
 * one, since the statement that compiles one trigger compiles every trigger of the table for that
 * event, and a failure must name the trigger it is in. A view or trigger that writes the dropped
 * column's name in double quotes is compiled as a copy, under a name of its own, with that name
 * in backticks, which SQLite never reads as a string; the copy is dropped at once.
 *
 * <p>A view or trigger depends on the table when its SQL uses the name of the table, or of a
 * view that depends on it, as an identifier ({@link SqliteTokens}). A keyword that spells the
 * name counts too ({@code ORDER BY} for a table named {@code order}); such a view is only
 * checked, and passes.
 *
 * <p>A plan is rendered, without touching the database, before anything runs; the rebuild's
 * first step calls {@link #save} and a later one {@link #restore}, so this object holds what the
 * first one found until then.
 */
final class SqliteDependents {

  /** The name of the recursive query of the offline checks: the table and the views that may read it. */
  private static final String READER = "\"retort_reader\"";

  /** In a {@code GLOB} pattern, a character that cannot be part of a name in lower case. */
  private static final String NOT_IN_NAME = "[^a-z0-9_$]";

  /** The name of a strict copy, or its start if an object of the schema has it. */
  private static final String COPY = "retort_rebuild_probe";

  private final SqliteDialect dialect;
  private final String schema;
  private final String table;
  private final Optional<String> droppedColumn;
  private Saved saved;

  private SqliteDependents(SqliteDialect dialect, String schema, String table, Optional<String> droppedColumn) {
    this.dialect = dialect;
    this.schema = schema;
    this.table = table;
    this.droppedColumn = droppedColumn;
  }

  /**
   * The holder for one rebuild, which {@link #save}s and {@link #restore}s.
   *
   * @param dialect the dialect, which quotes
   * @param schema the table's schema, empty for the main database
   * @param table the table's name
   */
  static SqliteDependents ofRebuild(SqliteDialect dialect, String schema, String table) {
    return new SqliteDependents(dialect, schema, table, Optional.empty());
  }

  /**
   * The holder for dropping one column with {@code ALTER TABLE … DROP COLUMN}, which checks
   * {@linkplain #checkAfterDrop after} it.
   *
   * @param dialect the dialect, which quotes
   * @param schema the table's schema, empty for the main database
   * @param table the table's name
   * @param column the column dropped
   */
  static SqliteDependents ofDroppedColumn(SqliteDialect dialect, String schema, String table, String column) {
    return new SqliteDependents(dialect, schema, table, Optional.of(column));
  }

  /**
   * Reads the triggers and views that depend on the table from {@code sqlite_master}, and which
   * of them compile now. Run it before the old table is dropped.
   *
   * @param connection the migration's connection
   * @throws SQLException if the schema cannot be read
   */
  void save(Connection connection) throws SQLException {
    saved = read(connection, true);
  }

  /**
   * Checks, after the column was dropped, that every trigger and view that depends on the table
   * still compiles: drops the table's triggers and creates them again, as a rebuild's
   * {@link #restore} does. SQLite's {@code DROP COLUMN} has just compiled the expressions of each,
   * so all are checked.
   *
   * @param connection the migration's connection
   * @throws SQLException naming the first trigger or view that no longer compiles, and what to do
   */
  void checkAfterDrop(Connection connection) throws SQLException {
    saved = read(connection, false);
    for (Dependent dependent : saved.dependents()) {
      if (dependent.onTable()) {
        execute(connection, "DROP TRIGGER " + dialect.qualified(schema, dependent.object().name()));
      }
    }
    restore(connection);
  }

  /**
   * The triggers and views that depend on the table, as {@code sqlite_master} has them now.
   *
   * @param compile whether to compile each to note if it works now; if not, each counts as one
   *     that does
   */
  private Saved read(Connection connection, boolean compile) throws SQLException {
    Set<String> taken = new HashSet<>();
    List<SchemaObject> objects = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT \"type\", \"name\", \"tbl_name\", \"sql\" FROM " + master()
            + " ORDER BY \"rowid\"")) {
      while (rows.next()) {
        String type = rows.getString(1);
        String sql = rows.getString(4);
        taken.add(SqlNames.folded(rows.getString(2)));
        if (sql != null && (type.equals("view") || type.equals("trigger"))) {
          objects.add(new SchemaObject(type.equals("view"), rows.getString(2), rows.getString(3), sql,
              SqliteTokens.of(sql)));
        }
      }
    }
    String copy = COPY;
    for (int i = 2; taken.contains(SqlNames.folded(copy)); i++) {
      copy = COPY + "_" + i;
    }
    List<Dependent> dependents = new ArrayList<>();
    for (Dependent dependent : dependents(objects)) {
      dependents.add(dependent.withCompiledBefore(!compile || compiles(connection, dependent.object(), copy)));
    }
    return new Saved(dependents, copy);
  }

  /**
   * Creates the table's triggers again and checks that every trigger and view which compiled
   * before the change still does. Run it after the new table has the old one's name.
   *
   * @param connection the migration's connection
   * @throws SQLException naming the first trigger or view that no longer compiles, and what to do
   * @throws IllegalStateException if {@link #save} has not run
   */
  void restore(Connection connection) throws SQLException {
    if (saved == null) {
      throw new IllegalStateException("the triggers and views that depend on table " + table + " were not saved:"
          + " the rebuild's first step must run before this one");
    }
    for (Dependent dependent : saved.dependents()) {
      if (dependent.onTable()) {
        try {
          execute(connection, named(dependent.object(), Optional.empty()));
        } catch (SQLException e) {
          throw broken(dependent, "could not be created again from its SQL", e);
        }
      }
      if (dependent.compiledBefore()) {
        try {
          compile(connection, dependent.object(), saved.copy());
        } catch (SQLException e) {
          throw broken(dependent, "no longer works", e);
        }
      }
    }
  }

  /**
   * A query for an offline script, which cannot create triggers it does not know: the triggers
   * on the table and those whose SQL may use it or a view that may read it, found by their text
   * (see {@link #readers}).
   */
  String triggersQuery() {
    return readers() + " SELECT \"name\" FROM " + master() + " AS \"trigger\" WHERE \"type\" = 'trigger' AND "
        + triggerUses("\"trigger\"");
  }

  /**
   * A query for an offline script, which cannot compile a strict copy: the views that may read
   * the table, and the triggers on it or that may refer to it, whose SQL writes the dropped
   * column's name in double quotes, which SQLite reads as a string once the column is gone (see
   * {@link #readers}).
   *
   * @throws IllegalStateException if this holder is for a rebuild, which drops no column
   */
  String quotedColumnQuery() {
    String column = droppedColumn.orElseThrow(() -> new IllegalStateException("a rebuild of " + table
        + " drops no column"));
    String quoted = dialect.stringLiteral("*\"" + globLiteral(SqlNames.folded(column).replace("\"", "\"\""))
        + "\"*");
    return readers() + " SELECT \"object\".\"name\" FROM " + master() + " AS \"object\" WHERE lower(\"object\".\"sql\")"
        + " GLOB " + quoted + " AND (\"object\".\"type\" = 'view' AND \"object\".\"name\" IN (SELECT \"name\" FROM "
        + READER + ") OR \"object\".\"type\" = 'trigger' AND " + triggerUses("\"object\"") + ")";
  }

  /**
   * A statement for an offline script that fails with SQLite's own error (such as {@code no such
   * column: total}) if a view that may read the table does not compile, and otherwise returns
   * nothing: {@code pragma_table_info} compiles the view to list its columns, and a view always
   * has one.
   *
   * @param comment what the check is for, written above it
   */
  Step.Sql viewCheck(String comment) {
    String schemaArgument = schema.isEmpty() ? "" : ", " + dialect.stringLiteral(schema);
    return Step.Sql.of("-- " + comment + "\n" + readers() + " SELECT \"name\" FROM " + READER
        + " WHERE NOT EXISTS (SELECT 1 FROM pragma_table_info(" + READER + ".\"name\"" + schemaArgument + "))");
  }

  /**
   * The triggers on the table in the order they were created; then the views that depend on it,
   * nearest first; then the other triggers that depend on it or on those views.
   */
  private List<Dependent> dependents(List<SchemaObject> objects) {
    Set<String> names = new HashSet<>(Set.of(SqlNames.folded(table)));
    List<SchemaObject> views = new ArrayList<>();
    boolean found = true;
    while (found) {
      found = false;
      for (SchemaObject object : objects) {
        if (object.view() && !views.contains(object) && SqlNames.uses(object.tokens(), names)) {
          views.add(object);
          names.add(SqlNames.folded(object.name()));
          found = true;
        }
      }
    }
    List<Dependent> onTable = new ArrayList<>();
    List<Dependent> others = new ArrayList<>();
    for (SchemaObject object : objects) {
      if (!object.view() && SqlNames.sameName(object.table(), table)) {
        onTable.add(new Dependent(object, true, false));
      } else if (!object.view() && SqlNames.uses(object.tokens(), names)) {
        others.add(new Dependent(object, false, false));
      }
    }
    List<Dependent> dependents = new ArrayList<>(onTable);
    views.forEach(view -> dependents.add(new Dependent(view, false, false)));
    dependents.addAll(others);
    return dependents;
  }

  /**
   * The recursive query, for an offline script, of the table and the views that may read it,
   * each with the {@code GLOB} pattern of SQL that holds its name as a word: not next to a
   * letter, digit, {@code _} or {@code $}, in any case of ASCII letters, as SQLite compares
   * names. A view whose SQL matches a reader's pattern is a reader. SQL cannot tokenize, so
   * unlike {@link #save} this also matches a name inside a string literal or a comment.
   */
  private String readers() {
    String pattern = "'*" + NOT_IN_NAME + "' || replace(replace(replace(lower(\"view\".\"name\"), '[', '[[]'),"
        + " '*', '[*]'), '?', '[?]') || '" + NOT_IN_NAME + "*'";
    return "WITH RECURSIVE " + READER + "(\"name\", \"pattern\") AS (SELECT " + dialect.stringLiteral(table) + ", "
        + dialect.stringLiteral("*" + NOT_IN_NAME + globLiteral(SqlNames.folded(table)) + NOT_IN_NAME + "*")
        + " UNION SELECT \"view\".\"name\", " + pattern + " FROM " + master() + " AS \"view\", " + READER
        + " WHERE \"view\".\"type\" = 'view' AND " + holds("\"view\"") + ")";
  }

  /**
   * Whether the trigger of a {@code sqlite_master} row, the only one in scope with a
   * {@code tbl_name}, is on the table or its SQL holds the name of a reader.
   */
  private String triggerUses(String row) {
    return "(\"tbl_name\" = " + dialect.stringLiteral(table) + " COLLATE NOCASE OR EXISTS (SELECT 1 FROM "
        + READER + " WHERE " + holds(row) + "))";
  }

  /** Whether the SQL of a {@code sqlite_master} row holds the name of a reader as a word. */
  private static String holds(String row) {
    return "(' ' || lower(" + row + ".\"sql\") || ' ') GLOB " + READER + ".\"pattern\"";
  }

  /** The text as a {@code GLOB} pattern that matches it literally. */
  private static String globLiteral(String text) {
    return text.replace("[", "[[]").replace("*", "[*]").replace("?", "[?]");
  }

  private String master() {
    return dialect.qualified(schema, "sqlite_master");
  }

  private boolean compiles(Connection connection, SchemaObject object, String copy) throws SQLException {
    try {
      return compile(connection, object, copy);
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * Compiles the view or trigger; where it writes the name of the dropped column in double
   * quotes, then through a strict copy too.
   *
   * @param copy the name for the copy
   * @return whether there was a way to compile it: false for a trigger whose head cannot be read
   * @throws SQLException if it does not compile, saying so where only the strict copy does not
   */
  private boolean compile(Connection connection, SchemaObject object, String copy) throws SQLException {
    Optional<String> probe = probe(connection, object, object.name());
    if (probe.isEmpty()) {
      return false;
    }
    execute(connection, probe.get());
    if (quotesDroppedColumn(object)) {
      execute(connection, named(object, Optional.of(copy)));
      try {
        execute(connection, probe(connection, object, copy).orElseThrow());
      } catch (SQLException e) {
        throw new SQLException(e.getMessage() + "; it writes \"" + droppedColumn.orElseThrow() + "\" in double quotes,"
            + " which SQLite would read as a string once the column is gone", e.getSQLState(), e.getErrorCode(), e);
      } finally {
        execute(connection, "DROP " + (object.view() ? "VIEW " : "TRIGGER ") + dialect.qualified(schema, copy));
      }
    }
    return true;
  }

  /** Whether the view or trigger writes the name of the dropped column in double quotes. */
  private boolean quotesDroppedColumn(SchemaObject object) {
    return object.tokens().stream().anyMatch(this::quotesDroppedColumn);
  }

  /** Whether the token is the name of the dropped column in double quotes, which SQLite may read as a string. */
  private boolean quotesDroppedColumn(SqlToken token) {
    return token.kind() == SqlToken.Kind.DOUBLE_QUOTED
        && droppedColumn.filter(column -> SqlNames.sameName(column, token.text())).isPresent();
  }

  /**
   * A statement that compiles the view or trigger and changes nothing: a query of no rows from
   * the view; the {@code EXPLAIN} of a statement that fires the trigger. Empty for a trigger
   * whose head cannot be read, or an update trigger on a table without columns to set.
   *
   * @param name the view's name, or its copy's
   */
  private Optional<String> probe(Connection connection, SchemaObject object, String name) throws SQLException {
    if (object.view()) {
      return Optional.of("SELECT * FROM " + dialect.qualified(schema, name) + " LIMIT 0");
    }
    Optional<TriggerEvent> event = object.nameToken().flatMap(index -> TriggerEvent.of(object.tokens(), index + 1));
    if (event.isEmpty()) {
      return Optional.empty();
    }
    String target = dialect.qualified(schema, object.table());
    switch (event.get().event()) {
      case INSERT:
        return Optional.of("EXPLAIN INSERT INTO " + target + " DEFAULT VALUES");
      case DELETE:
        return Optional.of("EXPLAIN DELETE FROM " + target);
      default:
        List<String> columns = event.get().columns().isEmpty()
            ? firstColumn(connection, object.table())
            : event.get().columns();
        if (columns.isEmpty()) {
          return Optional.empty();
        }
        return Optional.of("EXPLAIN UPDATE " + target + " SET " + columns.stream()
            .map(column -> dialect.quote(column) + " = " + dialect.quote(column))
            .collect(Collectors.joining(", ")));
    }
  }

  /** The first column of a table or view, which an update trigger without a column list fires on. */
  private List<String> firstColumn(Connection connection, String name) throws SQLException {
    String schemaArgument = schema.isEmpty() ? "" : ", " + dialect.stringLiteral(schema);
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT \"name\" FROM pragma_table_info("
            + dialect.stringLiteral(name) + schemaArgument + ") ORDER BY \"cid\" LIMIT 1")) {
      return rows.next() ? List.of(rows.getString(1)) : List.of();
    }
  }

  /**
   * The object's SQL, creating it in the table's schema (SQLite stores the name unqualified, and
   * would create an unqualified object in the main database). With a copy's name, also under
   * that name, and with each double-quoted name of the dropped column in backticks.
   */
  private String named(SchemaObject object, Optional<String> copy) {
    Optional<Integer> nameToken = object.nameToken();
    if (nameToken.isEmpty()) {
      return object.sql();
    }
    List<SqlToken> tokens = object.tokens();
    boolean qualified = nameToken.get() > 0 && tokens.get(nameToken.get() - 1).isSymbol(".");
    String sql = object.sql();
    StringBuilder named = new StringBuilder();
    int at = 0;
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken token = tokens.get(i);
      String replacement = null;
      if (i == nameToken.get()) {
        replacement = (qualified || schema.isEmpty() ? "" : dialect.quote(schema) + ".")
            + (copy.isPresent() ? dialect.quote(copy.get()) : sql.substring(token.start(), token.end()));
      } else if (copy.isPresent() && quotesDroppedColumn(token)) {
        replacement = "`" + token.text().replace("`", "``") + "`";
      }
      if (replacement != null) {
        named.append(sql, at, token.start()).append(replacement);
        at = token.end();
      }
    }
    return named.append(sql.substring(at)).toString();
  }

  private SQLException broken(Dependent dependent, String problem, SQLException cause) {
    SchemaObject object = dependent.object();
    String what;
    if (object.view()) {
      what = "view " + object.name();
    } else if (dependent.onTable()) {
      what = "its trigger " + object.name() + (droppedColumn.isEmpty() ? ", which the rebuild dropped," : "");
    } else {
      what = "trigger " + object.name() + " on " + object.table() + ", which refers to " + table + ",";
    }
    String change = droppedColumn.map(column -> "dropping column " + table + "." + column)
        .orElse("rebuilding table " + table);
    String kind = object.view() ? "view" : "trigger";
    return new SQLException("after " + change + " on SQLite, " + what + " " + problem + ": " + cause.getMessage()
        + ". Drop the " + kind + " with schema.execute before this change in the migration, and create it"
        + " again after the change to fit the new table", cause.getSQLState(), cause.getErrorCode(), cause);
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /**
   * What {@link #save}, or {@link #checkAfterDrop}, found.
   *
   * @param dependents the triggers and views that depend on the table, in the order
   *     {@link #restore} handles them
   * @param copy a name that no object of the schema has, for strict copies
   */
  private record Saved(List<Dependent> dependents, String copy) {

    Saved {
      dependents = List.copyOf(dependents);
    }
  }

  /**
   * A view or trigger of the schema, as {@code sqlite_master} has it.
   *
   * @param view whether it is a view; a trigger if not
   * @param name its name
   * @param table for a trigger, the table or view it is on; for a view, its own name
   * @param sql the statement that created it
   * @param tokens the statement's tokens
   */
  private record SchemaObject(boolean view, String name, String table, String sql, List<SqlToken> tokens) {

    /**
     * Where the name is among the tokens, after {@code CREATE [TEMP] VIEW|TRIGGER [IF NOT
     * EXISTS] [schema.]}; empty if the statement does not read so. The name, and the schema,
     * may be a string literal ({@code CREATE VIEW 'v' AS …}), which SQLite accepts.
     */
    Optional<Integer> nameToken() {
      int i = 0;
      if (!wordAt(tokens, i++, "CREATE")) {
        return Optional.empty();
      }
      if (wordAt(tokens, i, "TEMP") || wordAt(tokens, i, "TEMPORARY")) {
        i++;
      }
      if (!wordAt(tokens, i++, view ? "VIEW" : "TRIGGER")) {
        return Optional.empty();
      }
      if (wordAt(tokens, i, "IF") && wordAt(tokens, i + 1, "NOT") && wordAt(tokens, i + 2, "EXISTS")) {
        i += 3;
      }
      if (nameAt(tokens, i) && symbolAt(tokens, i + 1, ".") && nameAt(tokens, i + 2)) {
        i += 2;
      }
      return nameAt(tokens, i) ? Optional.of(i) : Optional.empty();
    }
  }

  /**
   * A view or trigger that depends on the table.
   *
   * @param object the view or trigger
   * @param onTable whether it is a trigger on the table itself, which is dropped and created again
   * @param compiledBefore whether it compiled before the change, and so is checked after it
   */
  private record Dependent(SchemaObject object, boolean onTable, boolean compiledBefore) {

    Dependent withCompiledBefore(boolean compiled) {
      return new Dependent(object, onTable, compiled);
    }
  }

  /** The statement that fires a trigger. */
  private enum Event { INSERT, UPDATE, DELETE }

  /**
   * When a trigger fires, as its SQL says after the name: {@code [BEFORE | AFTER | INSTEAD OF]
   * {INSERT | DELETE | UPDATE [OF column, …]} ON …}.
   *
   * @param event the statement that fires it
   * @param columns for {@code UPDATE OF}, the columns; otherwise empty
   */
  private record TriggerEvent(Event event, List<String> columns) {

    /** Reads the event from the tokens after the trigger's name; empty if they do not read as one. */
    static Optional<TriggerEvent> of(List<SqlToken> tokens, int start) {
      int i = start;
      if (wordAt(tokens, i, "BEFORE") || wordAt(tokens, i, "AFTER")) {
        i++;
      } else if (wordAt(tokens, i, "INSTEAD") && wordAt(tokens, i + 1, "OF")) {
        i += 2;
      }
      Event event;
      List<String> columns = new ArrayList<>();
      if (wordAt(tokens, i, "INSERT")) {
        event = Event.INSERT;
        i++;
      } else if (wordAt(tokens, i, "DELETE")) {
        event = Event.DELETE;
        i++;
      } else if (wordAt(tokens, i, "UPDATE")) {
        event = Event.UPDATE;
        i++;
        if (wordAt(tokens, i, "OF")) {
          do {
            i++;
            if (!nameAt(tokens, i)) {
              return Optional.empty();
            }
            columns.add(SqlNames.name(tokens.get(i++)));
          } while (symbolAt(tokens, i, ","));
        }
      } else {
        return Optional.empty();
      }
      return wordAt(tokens, i, "ON") ? Optional.of(new TriggerEvent(event, List.copyOf(columns))) : Optional.empty();
    }
  }

  private static boolean wordAt(List<SqlToken> tokens, int i, String word) {
    return i < tokens.size() && tokens.get(i).isWord(word);
  }

  /** Whether a name of the statement's head is at {@code i}; SQLite takes a string literal for one there too. */
  private static boolean nameAt(List<SqlToken> tokens, int i) {
    return i < tokens.size() && SqliteTokens.isHeadName(tokens.get(i));
  }

  private static boolean symbolAt(List<SqlToken> tokens, int i, String symbol) {
    return i < tokens.size() && tokens.get(i).isSymbol(symbol);
  }
}
