package dev.retort.runtime.dialect.inspect;

import dev.retort.ReferentialAction;
import dev.retort.runtime.dialect.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a live schema through {@link DatabaseMetaData}: tables, columns, primary keys, indexes
 * and foreign keys. Databases add what the metadata does not show (column types in full, enum
 * values, check constraints).
 */
abstract class JdbcCatalog extends Catalog {

  private static final Set<String> TABLE_TYPES = Set.of("TABLE", "BASE TABLE");

  JdbcCatalog(Connection connection, Dialect dialect) {
    super(connection, dialect);
  }

  /** The catalog argument of metadata calls for a schema. */
  abstract String catalog(String schema);

  /** The schema argument of metadata calls for a schema. */
  abstract String schema(String schema);

  /** The type of the column the current row of {@link DatabaseMetaData#getColumns} describes. */
  abstract String type(ResultSet column) throws SQLException;

  /** Column types read elsewhere than the metadata, by column name; empty if the metadata suffices. */
  Map<String, String> exactTypes(String schema, String table) throws SQLException {
    return Map.of();
  }

  /** Enum values by column name, for databases whose type names do not show them. */
  Map<String, List<String>> enumValues(String schema, String table) throws SQLException {
    return Map.of();
  }

  /**
   * The unique constraints of a table with the index each uses, if the database lists them apart
   * from its indexes; empty by default, where the indexes show them.
   */
  Optional<List<LiveTable.Unique>> uniques(String schema, String table) throws SQLException {
    return Optional.empty();
  }

  /** The check constraint names of a table, if the database lets them be read. */
  abstract Optional<List<String>> checks(String schema, String table) throws SQLException;

  /**
   * Runs a query of the database's own catalog whose two parameters are a schema and a table
   * name, in that order, and hands each row of the result to {@code reader}.
   */
  final void forEachRow(String sql, String schema, String table, RowReader reader) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, schema);
      statement.setString(2, table);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          reader.read(rows);
        }
      }
    }
  }

  /**
   * Runs a query of the database's own catalog whose one parameter is a schema, and hands each
   * row of the result to {@code reader}.
   */
  final void forEachRow(String sql, String schema, RowReader reader) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, schema);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          reader.read(rows);
        }
      }
    }
  }

  /**
   * The first column of every row of a query, as {@link #forEachRow} runs it.
   */
  final List<String> firstColumn(String sql, String schema, String table) throws SQLException {
    List<String> values = new ArrayList<>();
    forEachRow(sql, schema, table, row -> values.add(row.getString(1)));
    return values;
  }

  /**
   * The sequences of a query of one schema, as {@link #forEachRow} runs it, whose rows are a
   * sequence's name, start and increment.
   */
  final List<LiveSequence> sequenceRows(String sql, String schema) throws SQLException {
    List<LiveSequence> sequences = new ArrayList<>();
    forEachRow(sql, schema, row -> sequences.add(new LiveSequence(row.getString(1), row.getLong(2), row.getLong(3))));
    return sequences;
  }

  /**
   * The unique constraints of a query, as {@link #forEachRow} runs it, whose rows are a
   * constraint's name, the name of the index it uses and one of its columns, ordered by
   * constraint and then by the column's place in it.
   */
  final List<LiveTable.Unique> uniqueConstraintRows(String sql, String schema, String table) throws SQLException {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    Map<String, String> indexes = new LinkedHashMap<>();
    forEachRow(sql, schema, table, row -> {
      columns.computeIfAbsent(row.getString(1), name -> new ArrayList<>()).add(row.getString(3));
      indexes.put(row.getString(1), row.getString(2));
    });
    List<LiveTable.Unique> uniques = new ArrayList<>();
    columns.forEach((name, names) -> uniques.add(new LiveTable.Unique(name, names, indexes.get(name))));
    return uniques;
  }

  @Override
  final List<String> tableNames(String schema) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet tables = metaData().getTables(catalog(schema), pattern(schema(schema)), "%", null)) {
      while (tables.next()) {
        if (TABLE_TYPES.contains(tables.getString("TABLE_TYPE")) && inScope(tables, schema)) {
          names.add(tables.getString("TABLE_NAME"));
        }
      }
    }
    return names;
  }

  @Override
  final List<String> viewNames(String schema) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet tables = metaData().getTables(catalog(schema), pattern(schema(schema)), "%", new String[] {"VIEW"})) {
      while (tables.next()) {
        if ("VIEW".equals(tables.getString("TABLE_TYPE")) && inScope(tables, schema)) {
          names.add(tables.getString("TABLE_NAME"));
        }
      }
    }
    names.sort(null);
    return names;
  }

  /** The columns the metadata shows as generated ({@code IS_GENERATEDCOLUMN}). */
  @Override
  final List<String> generatedColumns(String schema, String table) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rows = metaData().getColumns(catalog(schema), pattern(schema(schema)), pattern(table), "%")) {
      while (rows.next()) {
        if (rows.getString("TABLE_NAME").equals(table) && inScope(rows, schema)
            && "YES".equals(rows.getString("IS_GENERATEDCOLUMN"))) {
          names.add(rows.getString("COLUMN_NAME"));
        }
      }
    }
    return names;
  }

  /**
   * The view's query from {@code information_schema.VIEWS}, as H2, MySQL and MariaDB keep it: H2
   * and MySQL and MariaDB rewrite it, the names qualified with the schema (or database).
   */
  @Override
  Optional<String> viewDefinition(String schema, String view) throws SQLException {
    List<String> definitions = firstColumn("SELECT VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS"
        + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?", schema, view);
    return definitions.isEmpty() ? Optional.empty() : Optional.ofNullable(definitions.get(0));
  }

  /** The triggers from {@code information_schema.TRIGGERS}, which H2, PostgreSQL, MySQL and MariaDB have. */
  @Override
  final Map<String, List<String>> triggers(String schema) throws SQLException {
    Map<String, List<String>> triggers = new TreeMap<>();
    try (PreparedStatement statement = connection.prepareStatement("SELECT DISTINCT TRIGGER_NAME, EVENT_OBJECT_TABLE"
        + " FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_SCHEMA = ? ORDER BY TRIGGER_NAME")) {
      statement.setString(1, schema);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          triggers.computeIfAbsent(rows.getString(2), t -> new ArrayList<>()).add(rows.getString(1));
        }
      }
    }
    return triggers;
  }

  @Override
  final LiveTable read(String schema, String table) throws SQLException {
    DatabaseMetaData metaData = metaData();
    String catalog = catalog(schema);
    String schemaName = schema(schema);
    Map<String, String> exactTypes = exactTypes(schema, table);
    Map<String, List<String>> enumValues = enumValues(schema, table);
    List<LiveTable.Column> columns = new ArrayList<>();
    try (ResultSet rows = metaData.getColumns(catalog, pattern(schemaName), pattern(table), "%")) {
      while (rows.next()) {
        if (!rows.getString("TABLE_NAME").equals(table) || !inScope(rows, schema)) {
          continue;
        }
        String name = rows.getString("COLUMN_NAME");
        String type = exactTypes.containsKey(name) ? exactTypes.get(name) : type(rows);
        columns.add(new LiveTable.Column(
            name,
            type,
            "YES".equals(rows.getString("IS_NULLABLE")),
            Optional.ofNullable(rows.getString("COLUMN_DEF")),
            "YES".equals(rows.getString("IS_AUTOINCREMENT")),
            text(rows.getString("REMARKS")),
            Optional.ofNullable(enumValues.get(name))));
      }
    }
    return new LiveTable(table, columns, primaryKey(metaData, catalog, schemaName, table),
        indexes(metaData, catalog, schemaName, table), uniques(schema, table),
        foreignKeys(metaData, catalog, schemaName, table),
        checks(schema, table), tableComment(metaData, catalog, schemaName, table, schema));
  }

  private Optional<LiveTable.PrimaryKey> primaryKey(DatabaseMetaData metaData, String catalog, String schema,
      String table) throws SQLException {
    Map<Integer, String> columns = new TreeMap<>();
    String name = null;
    try (ResultSet rows = metaData.getPrimaryKeys(catalog, schema, table)) {
      while (rows.next()) {
        columns.put(rows.getInt("KEY_SEQ"), rows.getString("COLUMN_NAME"));
        name = rows.getString("PK_NAME");
      }
    }
    return columns.isEmpty()
        ? Optional.empty()
        : Optional.of(new LiveTable.PrimaryKey(Optional.ofNullable(name), List.copyOf(columns.values())));
  }

  /** The indexes of a table, each with its columns in index order. */
  List<LiveTable.Index> indexes(DatabaseMetaData metaData, String catalog, String schema, String table)
      throws SQLException {
    Map<String, Map<Integer, String>> columns = new TreeMap<>();
    Map<String, Boolean> unique = new TreeMap<>();
    try (ResultSet rows = metaData.getIndexInfo(catalog, schema, table, false, false)) {
      while (rows.next()) {
        String name = rows.getString("INDEX_NAME");
        if (name == null || rows.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
          continue;
        }
        columns.computeIfAbsent(name, n -> new TreeMap<>())
            .put((int) rows.getShort("ORDINAL_POSITION"), LiveTable.Index.part(rows.getString("COLUMN_NAME")));
        unique.put(name, !rows.getBoolean("NON_UNIQUE"));
      }
    }
    List<LiveTable.Index> indexes = new ArrayList<>();
    columns.forEach((name, byPosition) ->
        indexes.add(new LiveTable.Index(name, unique.get(name), List.copyOf(byPosition.values()))));
    return indexes;
  }

  private static List<LiveTable.ForeignKey> foreignKeys(DatabaseMetaData metaData, String catalog, String schema,
      String table) throws SQLException {
    Map<String, List<KeyColumn>> columnsByKey = new LinkedHashMap<>();
    try (ResultSet rows = metaData.getImportedKeys(catalog, schema, table)) {
      while (rows.next()) {
        columnsByKey.computeIfAbsent(rows.getString("FK_NAME"), n -> new ArrayList<>()).add(new KeyColumn(
            rows.getShort("KEY_SEQ"), rows.getString("FKCOLUMN_NAME"), rows.getString("PKTABLE_NAME"),
            rows.getString("PKCOLUMN_NAME"), rows.getShort("DELETE_RULE"), rows.getShort("UPDATE_RULE")));
      }
    }
    List<LiveTable.ForeignKey> keys = new ArrayList<>();
    columnsByKey.forEach((name, keyColumns) -> {
      List<KeyColumn> ordered = keyColumns.stream().sorted(Comparator.comparingInt(KeyColumn::sequence)).toList();
      KeyColumn first = ordered.get(0);
      keys.add(new LiveTable.ForeignKey(
          Optional.ofNullable(name).filter(n -> !n.isEmpty()),
          ordered.stream().map(KeyColumn::column).toList(),
          first.referencedTable(),
          ordered.stream().map(KeyColumn::referencedColumn).toList(),
          action(first.deleteRule()),
          action(first.updateRule())));
    });
    return keys;
  }

  private Optional<String> tableComment(DatabaseMetaData metaData, String catalog, String schemaName, String table,
      String schema) throws SQLException {
    try (ResultSet rows = metaData.getTables(catalog, pattern(schemaName), pattern(table), null)) {
      while (rows.next()) {
        if (rows.getString("TABLE_NAME").equals(table) && inScope(rows, schema)) {
          return text(rows.getString("REMARKS"));
        }
      }
    }
    return Optional.empty();
  }

  /** The referential action a metadata rule code stands for. */
  static ReferentialAction action(short rule) {
    switch (rule) {
      case DatabaseMetaData.importedKeyCascade:
        return ReferentialAction.CASCADE;
      case DatabaseMetaData.importedKeySetNull:
        return ReferentialAction.SET_NULL;
      case DatabaseMetaData.importedKeySetDefault:
        return ReferentialAction.SET_DEFAULT;
      case DatabaseMetaData.importedKeyRestrict:
        return ReferentialAction.RESTRICT;
      default:
        return ReferentialAction.NO_ACTION;
    }
  }

  /** Whether a metadata row belongs to the schema asked for: patterns match more than the name. */
  private boolean inScope(ResultSet row, String schema) throws SQLException {
    String catalog = catalog(schema);
    String schemaName = schema(schema);
    return (catalog == null || catalog.equals(row.getString("TABLE_CAT")))
        && (schemaName == null || schemaName.equals(row.getString("TABLE_SCHEM")));
  }

  /** A name as a metadata search pattern that matches only itself. */
  private String pattern(String name) throws SQLException {
    if (name == null) {
      return null;
    }
    String escape = metaData().getSearchStringEscape();
    return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
  }

  private DatabaseMetaData metaData() throws SQLException {
    return connection.getMetaData();
  }

  private static Optional<String> text(String value) {
    return Optional.ofNullable(value).filter(v -> !v.isEmpty());
  }

  /** Reads the current row of a result. */
  @FunctionalInterface
  interface RowReader {

    /** Reads {@code row}, which is positioned on a row. */
    void read(ResultSet row) throws SQLException;
  }

  /** One column of a foreign key as {@link DatabaseMetaData#getImportedKeys} lists it. */
  private record KeyColumn(
      int sequence, String column, String referencedTable, String referencedColumn, short deleteRule,
      short updateRule) {}
}
