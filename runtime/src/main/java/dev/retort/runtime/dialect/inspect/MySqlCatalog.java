package dev.retort.runtime.dialect.inspect;

import dev.retort.operation.Vendor;
import dev.retort.runtime.dialect.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * MySQL and MariaDB: metadata, plus full column types and check constraints from
 * {@code information_schema}. A database is a catalog to these drivers.
 */
final class MySqlCatalog extends JdbcCatalog {

  /** MariaDB's check of a JSON column, {@code json_valid(`column`)}, the column's backquotes doubled. */
  private static final Pattern JSON_VALID = Pattern.compile("json_valid\\(`((?:[^`]|``)+)`\\)");
  private static final Pattern DISPLAY_WIDTH = Pattern.compile("\\b(smallint|mediumint|int|bigint)\\(\\d+\\)");
  /** A time type without fractional digits, which {@code COLUMN_TYPE} shows without {@code (0)}: {@code datetime}. */
  private static final Pattern NO_FRACTION = Pattern.compile("\\b(datetime|timestamp|time)\\(0\\)");
  private static final Map<String, String> ALIASES = Map.of(
      "boolean", "tinyint(1)",
      "bool", "tinyint(1)",
      "integer", "int",
      "dec", "decimal",
      "numeric", "decimal");

  MySqlCatalog(Connection connection, Dialect dialect) {
    super(connection, dialect);
  }

  @Override
  String defaultSchema() throws SQLException {
    return connection.getCatalog();
  }

  @Override
  String catalog(String schema) {
    return schema;
  }

  @Override
  String schema(String schema) {
    return null;
  }

  @Override
  String type(ResultSet column) throws SQLException {
    return column.getString("TYPE_NAME");
  }

  /** Column types in full, and {@code json} for MariaDB's JSON columns, which it keeps as {@code longtext}. */
  @Override
  Map<String, String> exactTypes(String schema, String table) throws SQLException {
    Map<String, String> types = new HashMap<>();
    forEachRow(
        "SELECT COLUMN_NAME, COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?",
        schema, table, row -> types.put(row.getString(1), row.getString(2)));
    for (JsonCheck check : jsonChecks(schema, table)) {
      types.computeIfPresent(check.column(), (name, type) -> type.equalsIgnoreCase("longtext") ? "json" : type);
    }
    return types;
  }

  /**
   * Aliases resolved, integer display widths dropped ({@code int(11)} is {@code int}) except
   * {@code tinyint(1)}, which is how a boolean is stored, and a time type's {@code (0)} dropped
   * ({@code datetime(0)} is {@code datetime}).
   */
  @Override
  String comparableType(String spelled) {
    String normalized = Spelling.normalizeType(spelled);
    String type = NO_FRACTION.matcher(DISPLAY_WIDTH.matcher(normalized).replaceAll("$1")).replaceAll("$1");
    return ALIASES.getOrDefault(type, type);
  }

  @Override
  boolean keepsPrimaryKeyNames() {
    return false;
  }

  @Override
  boolean restrictIsNoAction() {
    return true;
  }

  @Override
  boolean backslashEscapes() {
    return true;
  }

  /**
   * The text with each character beyond the Basic Multilingual Plane (an emoji) as {@code ?}:
   * the metadata is {@code utf8mb3}, so {@code information_schema.COLUMNS} and
   * {@code SHOW CREATE TABLE} show such a character of a default so, while the rows that take
   * the default get the character itself.
   */
  @Override
  String asShown(String literal) {
    return literal.codePoints()
        .map(c -> Character.isSupplementaryCodePoint(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }

  /** The check constraints, without those that make MariaDB's JSON columns: they are the type. */
  @Override
  Optional<List<String>> checks(String schema, String table) throws SQLException {
    Set<String> json = jsonChecks(schema, table).stream().map(JsonCheck::name).collect(Collectors.toSet());
    return Optional.of(firstColumn(
        "SELECT CONSTRAINT_NAME FROM information_schema.TABLE_CONSTRAINTS"
            + " WHERE CONSTRAINT_TYPE = 'CHECK' AND TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY CONSTRAINT_NAME",
        schema, table).stream().filter(check -> !json.contains(check)).toList());
  }

  /**
   * The checks that make MariaDB's JSON columns: MariaDB declares a {@code JSON} column as
   * {@code longtext} with a column check {@code json_valid(`column`)}, and shows it so, so that a
   * column changed to plain {@code longtext} differs only by that check. The check is found by
   * what it checks, not by its name: it is named after the column when the column is created or
   * changed, keeps that name when the column is renamed, and a new column may then take the old
   * name, its check too. MySQL has a JSON type of its own.
   */
  private List<JsonCheck> jsonChecks(String schema, String table) throws SQLException {
    List<JsonCheck> checks = new ArrayList<>();
    if (dialect.vendor() != Vendor.MARIADB) {
      return checks;
    }
    forEachRow("SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
            + " WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ? AND LEVEL = 'Column'",
        schema, table, row -> {
          Matcher clause = JSON_VALID.matcher(row.getString(2));
          if (clause.matches()) {
            checks.add(new JsonCheck(row.getString(1), clause.group(1).replace("``", "`")));
          }
        });
    return checks;
  }

  /**
   * MariaDB's sequences: tables of type {@code SEQUENCE} (which the metadata does not list as
   * tables), each read for its start and increment, since MariaDB before 11.5 has no
   * {@code information_schema.SEQUENCES}. MySQL has none.
   */
  @Override
  List<LiveSequence> sequences(String schema) throws SQLException {
    if (dialect.vendor() != Vendor.MARIADB) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    forEachRow("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'SEQUENCE'"
        + " ORDER BY TABLE_NAME", schema, row -> names.add(row.getString(1)));
    List<LiveSequence> sequences = new ArrayList<>();
    for (String name : names) {
      try (Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery("SELECT start_value, increment FROM " + dialect.quote(schema) + "."
              + dialect.quote(name))) {
        row.next();
        sequences.add(new LiveSequence(name, row.getLong(1), row.getLong(2)));
      }
    }
    return sequences;
  }

  /** Indexes on a prefix of a column, and full-text and spatial indexes. */
  @Override
  Map<String, String> indexDetails(String schema, String table) throws SQLException {
    Map<String, String> details = new TreeMap<>();
    forEachRow("SELECT INDEX_NAME, COLUMN_NAME, SUB_PART, INDEX_TYPE FROM information_schema.STATISTICS"
            + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND (SUB_PART IS NOT NULL OR INDEX_TYPE NOT IN ('BTREE', 'HASH'))"
            + " ORDER BY INDEX_NAME, SEQ_IN_INDEX",
        schema, table, row -> {
          String what = row.getString(3) != null
              ? "on the first " + row.getString(3) + " characters of " + row.getString(2)
              : row.getString(4);
          details.merge(row.getString(1), what, (a, b) -> a.equals(b) ? a : a + ", " + b);
        });
    return details;
  }

  /** The check constraints with their expressions, without those that make MariaDB's JSON columns. */
  @Override
  List<LiveSchema.CheckClause> checkClauses(String schema, String table) throws SQLException {
    List<String> names = checks(schema, table).orElse(List.of());
    List<LiveSchema.CheckClause> clauses = new ArrayList<>();
    // MariaDB names a check within its table, MySQL within its schema, where CHECK_CONSTRAINTS has no TABLE_NAME.
    forEachRow("SELECT tc.CONSTRAINT_NAME, cc.CHECK_CLAUSE FROM information_schema.TABLE_CONSTRAINTS tc"
            + " JOIN information_schema.CHECK_CONSTRAINTS cc"
            + " ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
            + (dialect.vendor() == Vendor.MARIADB ? " AND cc.TABLE_NAME = tc.TABLE_NAME" : "")
            + " WHERE tc.CONSTRAINT_TYPE = 'CHECK' AND tc.TABLE_SCHEMA = ? AND tc.TABLE_NAME = ?"
            + " ORDER BY tc.CONSTRAINT_NAME",
        schema, table, row -> {
          if (names.contains(row.getString(1))) {
            clauses.add(new LiveSchema.CheckClause(Optional.of(row.getString(1)), row.getString(2)));
          }
        });
    return clauses;
  }

  /**
   * A check that makes a MariaDB column JSON.
   *
   * @param name the check's name
   * @param column the column it checks
   */
  private record JsonCheck(String name, String column) {}
}
