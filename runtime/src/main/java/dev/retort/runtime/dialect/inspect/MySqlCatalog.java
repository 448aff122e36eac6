package dev.retort.runtime.dialect.inspect;

import dev.retort.model.ColumnType;
import dev.retort.model.TableModel;
import dev.retort.operation.Vendor;
import dev.retort.runtime.dialect.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * MySQL and MariaDB: metadata, plus full column types and check constraints from
 * {@code information_schema}. A database is a catalog to these drivers.
 */
final class MySqlCatalog extends JdbcCatalog {

  private static final Pattern DISPLAY_WIDTH = Pattern.compile("\\b(smallint|mediumint|int|bigint)\\(\\d+\\)");
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

  @Override
  Map<String, String> exactTypes(String schema, String table) throws SQLException {
    Map<String, String> types = new HashMap<>();
    forEachRow(
        "SELECT COLUMN_NAME, COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?",
        schema, table, row -> types.put(row.getString(1), row.getString(2)));
    return types;
  }

  /**
   * Aliases resolved and integer display widths dropped ({@code int(11)} is {@code int}), except
   * {@code tinyint(1)}, which is how a boolean is stored. MariaDB's {@code JSON} is
   * {@code LONGTEXT}.
   */
  @Override
  String comparableType(String spelled) {
    String type = DISPLAY_WIDTH.matcher(Spelling.normalizeType(spelled)).replaceAll("$1");
    String aliased = ALIASES.getOrDefault(type, type);
    return dialect.vendor() == Vendor.MARIADB && aliased.equals("json") ? "longtext" : aliased;
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

  /** MariaDB gives each {@code JSON} column a {@code json_valid} check named after the column. */
  @Override
  boolean implicitCheck(TableModel table, String check) {
    return table.column(check).map(column -> column.type() == ColumnType.Scalar.JSON).orElse(false);
  }

  @Override
  Optional<List<String>> checks(String schema, String table) throws SQLException {
    return Optional.of(firstColumn(
        "SELECT CONSTRAINT_NAME FROM information_schema.TABLE_CONSTRAINTS"
            + " WHERE CONSTRAINT_TYPE = 'CHECK' AND TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY CONSTRAINT_NAME",
        schema, table));
  }
}
