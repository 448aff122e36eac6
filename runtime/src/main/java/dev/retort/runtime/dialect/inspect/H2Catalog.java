package dev.retort.runtime.dialect.inspect;

import dev.retort.runtime.dialect.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** H2 2.x: metadata, plus unique and check constraints from {@code INFORMATION_SCHEMA}. */
final class H2Catalog extends JdbcCatalog {

  /** The length H2 gives a {@code CHARACTER VARYING} declared without one. */
  private static final String MAXIMUM_LENGTH = "(1000000000)";
  private static final Set<String> SIZED = Set.of("CHARACTER VARYING", "CHARACTER", "BINARY", "BINARY VARYING");
  private static final Set<String> NUMERIC = Set.of("DECIMAL", "NUMERIC");
  /**
   * The fractional-second precision H2 gives a time or timestamp declared without one; another
   * precision is spelled in the type, as in {@code TIMESTAMP(3) WITH TIME ZONE}.
   */
  private static final Map<String, Integer> DEFAULT_FRACTION = Map.of(
      "TIME", 0,
      "TIME WITH TIME ZONE", 0,
      "TIMESTAMP", 6,
      "TIMESTAMP WITH TIME ZONE", 6);
  /** A time or timestamp with its precision, and with or without its zone: {@code timestamp(3) with time zone}. */
  private static final Pattern TIME_PRECISION = Pattern.compile("(time|timestamp)\\((\\d)\\)((?: with time zone)?)");
  private static final Map<String, String> ALIASES = Map.of(
      "character varying", "varchar",
      "character", "char",
      "binary varying", "varbinary",
      "binary large object", "blob",
      "numeric", "decimal",
      "int", "integer");

  H2Catalog(Connection connection, Dialect dialect) {
    super(connection, dialect);
  }

  @Override
  String defaultSchema() throws SQLException {
    return connection.getSchema();
  }

  @Override
  String catalog(String schema) {
    return null;
  }

  @Override
  String schema(String schema) {
    return schema;
  }

  @Override
  String type(ResultSet column) throws SQLException {
    String name = column.getString("TYPE_NAME");
    if (SIZED.contains(name)) {
      return name + "(" + column.getLong("COLUMN_SIZE") + ")";
    }
    if (NUMERIC.contains(name)) {
      return name + "(" + column.getInt("COLUMN_SIZE") + "," + column.getInt("DECIMAL_DIGITS") + ")";
    }
    Integer precision = DEFAULT_FRACTION.get(name);
    int digits = column.getInt("DECIMAL_DIGITS");
    if (precision != null && digits != precision) {
      int space = name.indexOf(' ');
      String base = space < 0 ? name : name.substring(0, space);
      return base + "(" + digits + ")" + (space < 0 ? "" : name.substring(space));
    }
    return name;
  }

  /**
   * Aliases resolved; {@code CHARACTER VARYING} without a length has H2's maximum length; a time
   * or timestamp precision that is H2's default for the type dropped ({@code TIME(0)} is
   * {@code TIME}, {@code TIMESTAMP(6)} is {@code TIMESTAMP}).
   */
  @Override
  String comparableType(String spelled) {
    String type = Spelling.normalizeType(spelled);
    Matcher time = TIME_PRECISION.matcher(type);
    if (time.matches()) {
      String name = time.group(1) + time.group(3);
      Integer fraction = DEFAULT_FRACTION.get(name.toUpperCase(Locale.ROOT));
      if (fraction != null && fraction == Integer.parseInt(time.group(2))) {
        type = name;
      }
    }
    int parenthesis = type.indexOf('(');
    String base = parenthesis < 0 ? type : type.substring(0, parenthesis);
    String parameters = parenthesis < 0 ? "" : type.substring(parenthesis);
    String alias = ALIASES.getOrDefault(base, base);
    if (alias.equals("varchar") && parameters.isEmpty()) {
      parameters = MAXIMUM_LENGTH;
    }
    return alias + parameters;
  }

  @Override
  boolean restrictIsNoAction() {
    return true;
  }

  /**
   * The unique constraints, each with the index H2 enforces it with: its own, or a unique index
   * on its columns that H2 moved it onto when it rebuilt the table (adding a column does), so
   * that one index stands for an index and a constraint of the model.
   */
  @Override
  Optional<List<LiveTable.Unique>> uniques(String schema, String table) throws SQLException {
    return Optional.of(uniqueConstraintRows("SELECT C.CONSTRAINT_NAME, C.INDEX_NAME, K.COLUMN_NAME"
            + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS C JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE K"
            + " ON K.CONSTRAINT_SCHEMA = C.CONSTRAINT_SCHEMA AND K.CONSTRAINT_NAME = C.CONSTRAINT_NAME"
            + " WHERE C.CONSTRAINT_TYPE = 'UNIQUE' AND C.TABLE_SCHEMA = ? AND C.TABLE_NAME = ?"
            + " ORDER BY C.CONSTRAINT_NAME, K.ORDINAL_POSITION",
        schema, table));
  }

  /** The sequences of {@code INFORMATION_SCHEMA.SEQUENCES}, which leaves out those of identity columns. */
  @Override
  List<LiveSequence> sequences(String schema) throws SQLException {
    return sequenceRows("SELECT SEQUENCE_NAME, START_VALUE, INCREMENT FROM INFORMATION_SCHEMA.SEQUENCES"
            + " WHERE SEQUENCE_SCHEMA = ? ORDER BY SEQUENCE_NAME",
        schema);
  }

  @Override
  Optional<List<String>> checks(String schema, String table) throws SQLException {
    return Optional.of(firstColumn(
        "SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
            + " WHERE CONSTRAINT_TYPE = 'CHECK' AND TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY CONSTRAINT_NAME",
        schema, table));
  }

  @Override
  List<LiveSchema.CheckClause> checkClauses(String schema, String table) throws SQLException {
    List<LiveSchema.CheckClause> clauses = new ArrayList<>();
    forEachRow("SELECT C.CONSTRAINT_NAME, K.CHECK_CLAUSE FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS C"
            + " JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS K"
            + " ON K.CONSTRAINT_SCHEMA = C.CONSTRAINT_SCHEMA AND K.CONSTRAINT_NAME = C.CONSTRAINT_NAME"
            + " WHERE C.CONSTRAINT_TYPE = 'CHECK' AND C.TABLE_SCHEMA = ? AND C.TABLE_NAME = ? ORDER BY C.CONSTRAINT_NAME",
        schema, table, row -> clauses.add(new LiveSchema.CheckClause(Optional.of(row.getString(1)), row.getString(2))));
    return clauses;
  }
}
