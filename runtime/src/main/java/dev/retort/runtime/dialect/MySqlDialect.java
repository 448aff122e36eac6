package dev.retort.runtime.dialect;

import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.ForeignKeyModel;
import dev.retort.model.TableModel;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.DropForeignKey;
import dev.retort.operation.DropIndex;
import dev.retort.operation.DropPrimaryKey;
import dev.retort.operation.DropUnique;
import dev.retort.operation.RenamePrimaryKey;
import dev.retort.operation.RenameTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * MySQL 8.0.19 or later, and MariaDB 10.3 or later; the two differ only in their
 * {@link Capabilities} (MariaDB's {@code UUID} type from 10.7, {@code DROP CONSTRAINT} for
 * checks, plain literal defaults on {@code LONGTEXT}; {@code CHANGE COLUMN} to rename before
 * MariaDB 10.5).
 *
 * <table>
 *   <caption>Column types</caption>
 *   <tr><th>Retort</th><th>MySQL and MariaDB</th></tr>
 *   <tr><td>smallint, integer, bigint</td><td>SMALLINT, INT, BIGINT</td></tr>
 *   <tr><td>boolean</td><td>BOOLEAN (stored as TINYINT(1))</td></tr>
 *   <tr><td>real, double</td><td>FLOAT, DOUBLE</td></tr>
 *   <tr><td>decimal(p,s)</td><td>DECIMAL(p,s)</td></tr>
 *   <tr><td>char(n), varchar(n)</td><td>CHAR(n), VARCHAR(n)</td></tr>
 *   <tr><td>text</td><td>LONGTEXT (index it through a varchar column: MySQL indexes text only
 *       with a prefix length)</td></tr>
 *   <tr><td>date, time</td><td>DATE, TIME(6)</td></tr>
 *   <tr><td>timestamp</td><td>DATETIME(6): a date and time without time zone</td></tr>
 *   <tr><td>timestamp with time zone</td><td>TIMESTAMP(6): an instant, stored in UTC and shown in
 *       the session's time zone, from 1970 to 2038-01-19 03:14:07.999999 UTC (on MariaDB 11.5 and
 *       later to 2106); not DATETIME(6), whose {@code CURRENT_TIMESTAMP} is the session's local
 *       time and whose values are what each client sends</td></tr>
 *   <tr><td>uuid</td><td>UUID on MariaDB 10.7+, CHAR(36) on MySQL and older MariaDB</td></tr>
 *   <tr><td>binary(n), varbinary(n), blob</td><td>BINARY(n), VARBINARY(n), LONGBLOB</td></tr>
 *   <tr><td>json</td><td>JSON (on MariaDB an alias of LONGTEXT with a {@code json_valid}
 *       check)</td></tr>
 *   <tr><td>time(p), timestamp(p), timestamp(p) with time zone</td><td>TIME(p), DATETIME(p),
 *       TIMESTAMP(p)</td></tr>
 *   <tr><td>enum name('a','b')</td><td>ENUM('a','b'), inline in the column</td></tr>
 * </table>
 *
 * <p>Check expressions are written in standard SQL; their double-quoted identifiers become
 * backtick-quoted ones. Expression defaults are written as they are, except that {@code CURRENT_TIMESTAMP} and
 * {@code CURRENT_TIME} get the time column's precision, such as {@code (6)}, as MySQL requires. Literal
 * defaults of {@code LONGTEXT}, {@code LONGBLOB} and {@code JSON} columns are written as the
 * expression {@code ('x')} on MySQL, which refuses plain literals there.
 *
 * <p>Nullable columns say {@code NULL} explicitly, so that a {@code TIMESTAMP} column is never
 * given MySQL's implicit {@code NOT NULL DEFAULT CURRENT_TIMESTAMP}. Identity columns are
 * {@code AUTO_INCREMENT}, which MySQL allows only on a key column. Every primary key is named
 * {@code PRIMARY}, so renaming one renders nothing. A column change is one {@code MODIFY COLUMN}
 * with the column's full definition after the change, taken from the schema model; comments are
 * part of that definition ({@code COMMENT 'x'}), and the table comment is the table option
 * {@code COMMENT = 'x'}. String literals double backslashes, as the default {@code sql_mode}
 * (without {@code NO_BACKSLASH_ESCAPES}) requires; a session whose mode holds
 * {@code NO_BACKSLASH_ESCAPES}, which a server may give every session, runs the migrations
 * without it ({@link #prepareConnection}, and the offline script's opening) and gets it back
 * afterwards.
 *
 * <p>MySQL creates an index for a foreign key that no index covers; dropping the foreign key
 * drops that index too, so that the schema matches the model again. Dropping the index, unique
 * constraint or primary key that a foreign key uses drops the key before and adds it again
 * after, since MySQL refuses to drop the last index a key can use. MySQL and MariaDB commit
 * every DDL statement.
 *
 * <p>What the two refuse in the middle of a migration is refused before anything runs: a
 * primary key, unique constraint or index on a {@code LONGTEXT}, {@code LONGBLOB} or
 * {@code JSON} column, which MySQL indexes only by a prefix length or through a generated column
 * (MariaDB 10.4 and later refuse only the primary key: they index a prefix of their choosing and
 * enforce a unique key with a hash); a check constraint on an {@code AUTO_INCREMENT} column;
 * a check constraint on a column that a foreign key's action changes, in either order (MySQL:
 * any action but {@code NO ACTION} and {@code RESTRICT}; MariaDB: {@code SET NULL},
 * {@code SET DEFAULT} and {@code CASCADE} on update); a decimal scale beyond 30 (MySQL) or 38
 * (MariaDB); a key of more than 3072 bytes and a row of more than 65535 (InnoDB with
 * {@code utf8mb4}, counted by {@code InnoDbSizes}), which they refuse or, for a key on one column
 * or a unique key, silently change into a prefix index or a hash; a timestamp with time zone
 * default outside the instants a {@code TIMESTAMP} holds ("Invalid default value"), such as a
 * {@code 9999-12-31} "valid until"; and, on MariaDB, which reads no offset in a timestamp literal,
 * a timestamp default with one.
 *
 * <p>An offline script switches its session to {@code utf8mb4} ({@code SET NAMES}), as the JDBC
 * driver does for Retort's own connection, since its text is UTF-8 and the client would
 * otherwise send it in the character set it takes from the locale: {@code latin1} in the C
 * locale, which stores every character beyond ASCII as others without an error, and
 * {@code utf8mb3} in a UTF-8 one, which refuses characters beyond the BMP. It saves the session's
 * character sets and {@code sql_mode} first, as mysqldump does, and restores them at the end.
 */
public final class MySqlDialect extends SqlDialect {

  /** The {@code sql_mode} flag under which a backslash in a string literal is an ordinary character. */
  private static final String NO_BACKSLASH_ESCAPES = "NO_BACKSLASH_ESCAPES";

  MySqlDialect(Capabilities capabilities) {
    super(capabilities);
  }

  /**
   * Takes {@code NO_BACKSLASH_ESCAPES} out of the session's {@code sql_mode} while the
   * migrations run, since the rendered literals double their backslashes, and gives the session
   * its mode back afterwards; a session without it is left alone.
   */
  @Override
  public SessionRestore prepareConnection(Connection connection) throws SQLException {
    String mode;
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT @@SESSION.sql_mode")) {
      row.next();
      mode = row.getString(1);
    }
    List<String> flags = List.of(mode.split(","));
    if (!flags.contains(NO_BACKSLASH_ESCAPES)) {
      return SessionRestore.NOTHING;
    }
    setSqlMode(connection, flags.stream().filter(flag -> !flag.equals(NO_BACKSLASH_ESCAPES))
        .collect(Collectors.joining(",")));
    return () -> setSqlMode(connection, mode);
  }

  private static void setSqlMode(Connection connection, String mode) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SET SESSION sql_mode = ?")) {
      statement.setString(1, mode);
      statement.execute();
    }
  }

  /**
   * Sends the script's text as utf8mb4, whatever the client's character set, and reads its
   * literals' backslashes as escapes, whatever the session's {@code sql_mode}; says how to run
   * the script.
   */
  @Override
  public Optional<ScriptPart> scriptOpening() {
    return Optional.of(new ScriptPart("Run this script with the mariadb or mysql client (mariadb DATABASE < FILE),"
        + " which stops at the first error; do not add --force. MariaDB and MySQL commit every DDL statement: a"
        + " migration that fails leaves its statements before the failing one applied, without its version row."
        + " The script is UTF-8, and its string literals escape backslashes",
        List.of("SET @retort_character_set_client = @@character_set_client, @retort_character_set_results"
            + " = @@character_set_results, @retort_collation_connection = @@collation_connection,"
            + " @retort_sql_mode = @@SESSION.sql_mode",
            "SET NAMES utf8mb4",
            "SET SESSION sql_mode = TRIM(BOTH ',' FROM REPLACE(CONCAT(',', @@SESSION.sql_mode, ','), ',"
                + NO_BACKSLASH_ESCAPES + ",', ','))")));
  }

  /** Gives the session its own character sets and sql_mode back. */
  @Override
  public Optional<ScriptPart> scriptClosing() {
    return Optional.of(new ScriptPart("The session's own character sets and sql_mode back", List.of(
        "SET character_set_client = @retort_character_set_client, character_set_results"
            + " = @retort_character_set_results, collation_connection = @retort_collation_connection,"
            + " SESSION sql_mode = @retort_sql_mode")));
  }

  @Override
  String typeName(ColumnType type, String schema) {
    if (type instanceof ColumnType.Scalar scalar) {
      switch (scalar) {
        case SMALLINT:
          return "SMALLINT";
        case INTEGER:
          return "INT";
        case BIGINT:
          return "BIGINT";
        case BOOLEAN:
          return "BOOLEAN";
        case REAL:
          return "FLOAT";
        case DOUBLE:
          return "DOUBLE";
        case TEXT:
          return "LONGTEXT";
        case DATE:
          return "DATE";
        case TIME:
          return "TIME(6)";
        case TIMESTAMP:
          return "DATETIME(6)";
        case TIMESTAMP_TZ:
          return "TIMESTAMP(6)";
        case UUID:
          return capabilities.nativeUuid() ? "UUID" : "CHAR(36)";
        case BLOB:
          return "LONGBLOB";
        case JSON:
          return "JSON";
        default:
          throw new AssertionError(scalar);
      }
    }
    if (type instanceof ColumnType.Temporal temporal) {
      return switch (temporal.kind()) {
        case TIME -> "TIME(" + temporal.precision() + ")";
        case TIMESTAMP -> "DATETIME(" + temporal.precision() + ")";
        default -> "TIMESTAMP(" + temporal.precision() + ")";
      };
    }
    if (type instanceof ColumnType.Enumerated enumerated) {
      return inlineEnumType(enumerated);
    }
    return standardSizedType(type);
  }

  @Override
  String columnDefinition(TableModel table, ColumnModel column) {
    StringBuilder sql = new StringBuilder(quote(column.name()))
        .append(' ')
        .append(typeName(column.type(), table.schema()))
        .append(column.nullable() ? " NULL" : " NOT NULL");
    column.defaultValue()
        .ifPresent(value -> sql.append(" DEFAULT ").append(defaultValue(table, column, value)));
    if (column.identity()) {
      sql.append(" AUTO_INCREMENT");
    }
    column.comment().ifPresent(comment -> sql.append(" COMMENT ").append(stringLiteral(comment)));
    return sql.toString();
  }

  @Override
  String tableOptions(TableModel table) {
    return table.comment().map(comment -> " COMMENT = " + stringLiteral(comment)).orElse("");
  }

  /**
   * {@code CURRENT_TIMESTAMP} and {@code CURRENT_TIME} get the precision of the column, such as
   * (6): MySQL refuses a default whose precision differs from its column's.
   */
  @Override
  String expressionDefault(ColumnType type, String expression) {
    String bare = expression.strip();
    ColumnType kind = ColumnType.Temporal.kindOf(type);
    boolean timestamp = kind == ColumnType.Scalar.TIMESTAMP || kind == ColumnType.Scalar.TIMESTAMP_TZ;
    if ((timestamp && bare.equalsIgnoreCase("CURRENT_TIMESTAMP"))
        || (kind == ColumnType.Scalar.TIME && bare.equalsIgnoreCase("CURRENT_TIME"))) {
      return bare + "(" + ColumnType.Temporal.precisionOf(type) + ")";
    }
    return expression;
  }

  /**
   * Standard double-quoted identifiers become backtick-quoted ones, since MySQL reads a double
   * quote as a string quote (without {@code ANSI_QUOTES}); string literals are left alone.
   */
  @Override
  String checkExpression(String expression) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < expression.length()) {
      char c = expression.charAt(i);
      if (c == '\'' || c == '"') {
        int end = closingQuote(expression, i);
        String quoted = expression.substring(i, end);
        out.append(c == '"' ? quote(quoted.substring(1, quoted.length() - 1).replace("\"\"", "\"")) : quoted);
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** The index just past the quote that closes the one at {@code start}, a doubled quote not closing it. */
  private static int closingQuote(String text, int start) {
    char quote = text.charAt(start);
    int i = start + 1;
    while (i < text.length()) {
      if (text.charAt(i) == quote) {
        if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    throw new IllegalArgumentException("unterminated " + quote + " in check expression: " + text);
  }

  @Override
  String unindexableReason() {
    return " (it indexes LONGTEXT, LONGBLOB and JSON columns only by a prefix length or through a generated"
        + " column, which execute(…) can write)";
  }

  @Override
  String literalDefault(ColumnType type, String literal) {
    boolean large = type == ColumnType.Scalar.TEXT || type == ColumnType.Scalar.BLOB || type == ColumnType.Scalar.JSON;
    return large && !capabilities.literalDefaultsOnLargeTypes() ? "(" + literal + ")" : literal;
  }

  @Override
  String indexNameInCreate(TableModel table, String index) {
    return quote(index);
  }

  @Override
  String dropIndexStatement(TableModel table, String index) {
    return "DROP INDEX " + quote(index) + " ON " + table(table);
  }

  @Override
  List<Step> renameTable(RenameTable operation, Context context) {
    TableModel table = context.tableBefore(operation.from());
    return List.of(sql("RENAME TABLE " + table(table) + " TO " + qualified(table.schema(), operation.to())));
  }

  @Override
  List<Step> alterColumn(AlterColumn operation, Context context) {
    TableModel table = context.tableAfter(operation.table());
    ColumnModel column = context.column(table, operation.column());
    return alterTable(table, "MODIFY COLUMN " + columnDefinition(table, column));
  }

  @Override
  List<Step> dropPrimaryKey(DropPrimaryKey operation, Context context) {
    TableModel table = context.tableBefore(operation.table());
    List<String> columns = table.primaryKey().orElseThrow(() -> new IllegalStateException("no primary key")).columns();
    return keepingForeignKeys(table, columns, alterTable(table, "DROP PRIMARY KEY"), context);
  }

  /** Nothing: MySQL names every primary key {@code PRIMARY}, whatever name it was given. */
  @Override
  List<Step> renamePrimaryKey(RenamePrimaryKey operation, Context context) {
    return List.of();
  }

  @Override
  List<Step> dropUnique(DropUnique operation, Context context) {
    TableModel table = context.tableBefore(operation.table());
    List<String> columns = table.uniques().stream()
        .filter(unique -> unique.name().equals(operation.name()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no unique constraint " + operation.name()))
        .columns();
    return keepingForeignKeys(table, columns, alterTable(table, "DROP INDEX " + quote(operation.name())), context);
  }

  @Override
  List<Step> dropIndex(DropIndex operation, Context context) {
    TableModel table = context.tableBefore(operation.table());
    List<String> columns = table.indexes().stream()
        .filter(index -> index.name().equals(operation.name()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no index " + operation.name()))
        .columns();
    return keepingForeignKeys(table, columns, List.of(sql(dropIndexStatement(table, operation.name()))), context);
  }

  /**
   * Drops an index, unique constraint or primary key on {@code columns} with {@code drop}, keeping
   * the table's foreign keys. MySQL refuses to drop the last index that a foreign key can use
   * (one whose leading columns are the key's: "needed in a foreign key constraint"), so each key
   * that the dropped index covers and nothing left after it does is dropped before and added
   * again after; MySQL then makes an index of its own for the key, named after it.
   */
  private List<Step> keepingForeignKeys(TableModel table, List<String> columns, List<Step> drop, Context context) {
    TableModel after = context.tableAfter(table.name());
    List<ForeignKeyModel> keys = table.foreignKeys().stream()
        .filter(key -> startsWith(columns, key.columns()) && !covered(after, key))
        .toList();
    List<Step> steps = new ArrayList<>();
    for (ForeignKeyModel key : keys) {
      steps.addAll(alterTable(table, "DROP FOREIGN KEY " + quote(key.name())));
    }
    steps.addAll(drop);
    for (ForeignKeyModel key : keys) {
      steps.addAll(alterTable(table, "ADD " + foreignKeyConstraint(key, context.after())));
    }
    return steps;
  }

  /** Whether the primary key, a unique constraint or an index of the table starts with the key's columns. */
  private static boolean covered(TableModel table, ForeignKeyModel key) {
    return Stream.of(
            table.primaryKey().stream().map(k -> k.columns()),
            table.uniques().stream().map(u -> u.columns()),
            table.indexes().stream().map(i -> i.columns()))
        .flatMap(s -> s)
        .anyMatch(columns -> startsWith(columns, key.columns()));
  }

  private static boolean startsWith(List<String> columns, List<String> prefix) {
    return columns.size() >= prefix.size() && columns.subList(0, prefix.size()).equals(prefix);
  }

  @Override
  List<Step> dropForeignKey(DropForeignKey operation, Context context) {
    TableModel table = context.tableBefore(operation.table());
    ForeignKeyModel key = table.foreignKeys().stream()
        .filter(candidate -> candidate.name().equals(operation.name()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no foreign key " + operation.name()));
    List<Step> steps = new ArrayList<>(alterTable(table, "DROP FOREIGN KEY " + quote(key.name())));
    if (!indexedElsewhere(table, key)) {
      steps.add(sql(dropIndexStatement(table, key.name())));
    }
    return steps;
  }

  /**
   * Whether something other than the index MySQL created for this foreign key starts with its
   * columns: another index, a unique or primary key, or another foreign key sharing that index.
   * If nothing does, MySQL created an index named after the key, which outlives the key.
   */
  private static boolean indexedElsewhere(TableModel table, ForeignKeyModel key) {
    Stream<List<String>> keys = Stream.of(
            table.primaryKey().stream().map(k -> k.columns()),
            table.uniques().stream().map(u -> u.columns()),
            table.indexes().stream().map(i -> i.columns()),
            table.foreignKeys().stream().filter(f -> !f.name().equals(key.name())).map(f -> f.columns()))
        .flatMap(s -> s);
    return keys.anyMatch(columns -> startsWith(columns, key.columns()));
  }
}
