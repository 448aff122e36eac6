package dev.retort.runtime.dialect;

import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.DefaultValue;
import dev.retort.model.ForeignKeyModel;
import dev.retort.model.PrimaryKeyModel;
import dev.retort.model.SchemaModel;
import dev.retort.model.TableModel;
import dev.retort.operation.AddCheck;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AddForeignKey;
import dev.retort.operation.AddPrimaryKey;
import dev.retort.operation.AddUnique;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.DropCheck;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropForeignKey;
import dev.retort.operation.DropPrimaryKey;
import dev.retort.operation.DropUnique;
import dev.retort.operation.JdbcStep;
import dev.retort.operation.Operation;
import dev.retort.operation.RenamePrimaryKey;
import dev.retort.operation.RenameTable;
import dev.retort.runtime.dialect.SqliteScriptGuard.Problem;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SQLite 3.35 or later.
 *
 * <table>
 *   <caption>Column types (SQLite stores by type affinity; the declared names are chosen to
 *   give the right affinity and to keep the model readable in the schema)</caption>
 *   <tr><th>Retort</th><th>SQLite</th></tr>
 *   <tr><td>smallint, integer, bigint</td><td>SMALLINT, INTEGER, BIGINT (integer affinity)</td></tr>
 *   <tr><td>boolean</td><td>BOOLEAN (numeric affinity; defaults written 1 and 0)</td></tr>
 *   <tr><td>real, double</td><td>REAL, DOUBLE (real affinity)</td></tr>
 *   <tr><td>decimal(p,s)</td><td>DECIMAL(p,s) (numeric affinity: not exact decimal arithmetic)</td></tr>
 *   <tr><td>char(n), varchar(n), text</td><td>CHAR(n), VARCHAR(n), TEXT (text affinity; lengths
 *       not enforced)</td></tr>
 *   <tr><td>date, time, timestamp, timestamp with time zone</td><td>DATE, TIME, TIMESTAMP,
 *       TIMESTAMPTZ (numeric affinity; ISO-8601 text is kept as text)</td></tr>
 *   <tr><td>time(p), timestamp(p), timestamp(p) with time zone</td><td>TIME(p), TIMESTAMP(p),
 *       TIMESTAMPTZ(p): the same affinity; SQLite keeps every digit it is given, the declared
 *       precision is for {@code check} and readers of the schema</td></tr>
 *   <tr><td>uuid</td><td>UUID (numeric affinity; the text form of a UUID is kept as text)</td></tr>
 *   <tr><td>binary(n), varbinary(n), blob</td><td>BINARY(n), VARBINARY(n), BLOB</td></tr>
 *   <tr><td>json</td><td>TEXT, so that a document such as {@code 1e2} is kept as written</td></tr>
 *   <tr><td>enum name('a','b')</td><td>TEXT with {@code CHECK (column IN ('a','b'))}</td></tr>
 * </table>
 *
 * <p>An identity column is a rowid alias, {@code INTEGER PRIMARY KEY AUTOINCREMENT}, which SQLite
 * allows only for a table whose whole primary key is that one column; any other identity column
 * is refused with a message. Comments are not stored: comment changes render nothing, and so does
 * renaming a primary key, whose name only the {@code CREATE TABLE} text holds. Expression
 * defaults are written in parentheses, except the bare {@code CURRENT_DATE},
 * {@code CURRENT_TIME} and {@code CURRENT_TIMESTAMP}. An {@code execute} with several statements
 * runs each on its own, split where the sqlite3 shell splits them (a trigger's body stays
 * whole), since SQLite's JDBC driver runs only the first statement of a text.
 *
 * <h2>Native changes and the table rebuild</h2>
 *
 * <p>SQLite alters tables natively only in a few ways, which are used where they are correct:
 * {@code RENAME TO}, {@code RENAME COLUMN}, {@code ADD COLUMN} (unless the column is an identity,
 * has an expression default, or is NOT NULL without a default) and {@code DROP COLUMN} (see
 * below). Every other change — column type, nullability, default or identity, and adding or
 * dropping a primary key, unique constraint, check or foreign key — rebuilds the table as
 * sqlite.org's "Making Other Kinds Of Table Schema Changes" prescribes:
 *
 * <ol>
 *   <li>if other tables reference the table, check that foreign keys are not enforced; read from
 *       {@code sqlite_master} the triggers on the table, with their SQL, and the views and other
 *       triggers that refer to it, and note which of them compile (see {@code SqliteDependents});
 *   <li>create a new table with the full definition after the change, taken from the schema
 *       model;
 *   <li>copy the rows of the columns both definitions share ({@code INSERT … SELECT});
 *   <li>carry the {@code AUTOINCREMENT} counter over, so ids are never reused;
 *   <li>drop the old table, which drops its triggers, and rename the new one to the old name with
 *       {@code PRAGMA legacy_alter_table} on: otherwise SQLite 3.26 and later check every view and
 *       trigger of the schema while renaming, and fail on those that refer to the table just
 *       dropped. Views and other tables' triggers are left as they are and read the new table by
 *       its name;
 *   <li>recreate the table's indexes;
 *   <li>create the table's triggers again from their SQL, in the order they were created, and
 *       check that every trigger and view that compiled before the rebuild still does, failing
 *       the step with its name if one no longer fits the new table (a trigger that inserts
 *       without a column list into a table that gained a column, say);
 *   <li>run {@code PRAGMA foreign_key_check} on the table and the tables referencing it, failing
 *       the step (and so the migration's transaction) with the offending rows.
 * </ol>
 *
 * <p>All of it runs in the migration's transaction. Foreign key enforcement must be off while
 * the old table is dropped: with it on, dropping a referenced table deletes its rows first, which
 * cascades into referencing tables ({@code ON DELETE CASCADE} loses their rows) or leaves a
 * violation that fails the commit. {@code PRAGMA defer_foreign_keys} does not help: it defers
 * checks, not actions, and the counted violations never resolve. {@code PRAGMA foreign_keys}
 * cannot change inside a transaction, so {@link #prepareConnection} turns enforcement off before
 * the engine begins a migration's transaction and turns it back on after, and each rebuild
 * checks the foreign keys itself before the transaction commits. While a migration runs,
 * foreign keys are therefore not enforced for its other statements either.
 * {@link #prepareConnection} also turns {@code legacy_alter_table} off for the migrations, so
 * that their own renames rewrite the views and triggers that refer to what they rename, and that
 * {@code DROP COLUMN} checks them, and sets it back after.
 *
 * <h2>Dropping a column</h2>
 *
 * <p>A column is always dropped with {@code DROP COLUMN}: the schema model refuses to drop one
 * that a primary key, unique constraint, index, foreign key or check uses, and SQLite refuses no
 * other but for what a migration made with {@code execute} (a partial index that uses the
 * column, say), with its own error. An enum column's own {@code CHECK} goes with it. SQLite then
 * compiles the expressions of every view and trigger of the schema, and fails the statement,
 * naming the view or trigger, if one uses the column. It does not check the column lists of a
 * trigger ({@code SET column = …}, {@code INSERT INTO t (column)}, {@code UPDATE OF column}), and
 * it reads a double-quoted name that matches no column as a string: a view that selects
 * {@code "total"} would return the text {@code 'total'} once the column is gone. So a Java step
 * after the {@code DROP COLUMN} compiles each view and trigger that depends on the table (the
 * table's own triggers one at a time; one that writes the column's name in double quotes also
 * as a copy with that name in backticks) and fails the migration naming the first that no
 * longer compiles (see {@code SqliteDependents}).
 *
 * <h2>The offline script</h2>
 *
 * <p>An offline script follows the same procedure with SQL alone, to be run with the sqlite3
 * shell's {@code -bail} option so that it stops at the first error. It opens with
 * {@code PRAGMA foreign_keys = OFF} and {@code PRAGMA legacy_alter_table = OFF}, before any
 * migration's {@code BEGIN}, and closes with {@code PRAGMA foreign_keys = ON}
 * ({@link #scriptOpening}, {@link #scriptClosing}). The checks
 * of each rebuild cannot be Java there, and SQLite's SQL can raise an error only inside a
 * trigger, so each that looks for something becomes three statements: create a temporary table
 * whose named check constraints refuse any row, insert the rows of the check's query, drop the
 * table. When the query finds something the insert fails with {@code CHECK constraint failed:}
 * and the constraint's name, which says what is wrong and what to do, and the shell stops with
 * the migration's transaction uncommitted; when it finds nothing, nothing happens.
 *
 * <p>A script cannot know the triggers when it is written, so it cannot create them again: it
 * stops before the rebuild if a trigger is on the table or its SQL holds the table's name (or a
 * view's that does). It does rebuild under views, as the runtime does, finding the views whose
 * SQL holds the name as a word ({@code GLOB}, which unlike the runtime's tokens also matches
 * inside string literals and comments), and checks them before and after the rebuild with
 * {@code pragma_table_info}, which compiles each and fails with SQLite's own error. The foreign
 * key check runs {@code pragma_foreign_key_check} of the tables, the query the runtime's check
 * runs. After a {@code DROP COLUMN}, which SQLite checks itself as above, the script cannot
 * compile copies: it stops if a view that may read the table, or a trigger on it or whose SQL
 * holds the name of the table or of such a view, writes the column's name in double quotes; the
 * column lists of triggers go unchecked.
 */
public final class SqliteDialect extends SqlDialect {

  /** The length of a date, {@code 2024-01-31}. */
  private static final int DATE_LENGTH = 10;
  /** An ISO date and time with an optional offset: {@code Z}, {@code +01}, {@code +0100} or {@code +01:00}. */
  private static final DateTimeFormatter ISO_TIMESTAMP = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
      .appendPattern("[XXX][XX][X]")
      .toFormatter(Locale.ROOT);
  private static final Set<String> BARE_DEFAULTS = Set.of("CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP");

  SqliteDialect() {
    super(Capabilities.sqlite());
  }

  @Override
  String typeName(ColumnType type, String schema) {
    if (type instanceof ColumnType.Scalar scalar) {
      switch (scalar) {
        case SMALLINT:
          return "SMALLINT";
        case INTEGER:
          return "INTEGER";
        case BIGINT:
          return "BIGINT";
        case BOOLEAN:
          return "BOOLEAN";
        case REAL:
          return "REAL";
        case DOUBLE:
          return "DOUBLE";
        case TEXT:
        case JSON:
          return "TEXT";
        case DATE:
          return "DATE";
        case TIME:
          return "TIME";
        case TIMESTAMP:
          return "TIMESTAMP";
        case TIMESTAMP_TZ:
          return "TIMESTAMPTZ";
        case UUID:
          return "UUID";
        case BLOB:
          return "BLOB";
        default:
          throw new AssertionError(scalar);
      }
    }
    if (type instanceof ColumnType.Temporal temporal) {
      // SQLite keeps what it is given; the declared precision is for check and for readers of the schema.
      return typeName(temporal.kind(), schema) + "(" + temporal.precision() + ")";
    }
    if (type instanceof ColumnType.Enumerated) {
      return "TEXT";
    }
    return standardSizedType(type);
  }

  @Override
  String columnDefinition(TableModel table, ColumnModel column) {
    if (column.identity()) {
      PrimaryKeyModel key = rowidKey(table, column).orElseThrow(() -> new UnsupportedOperationException(
          "SQLite generates values only for an INTEGER PRIMARY KEY: identity column " + table.name() + "."
              + column.name() + " must be the table's whole primary key; make it so, or drop identity() from it"));
      return quote(column.name()) + " INTEGER NOT NULL CONSTRAINT " + quote(key.name()) + " PRIMARY KEY AUTOINCREMENT";
    }
    StringBuilder sql = new StringBuilder(quote(column.name()))
        .append(' ')
        .append(typeName(column.type(), table.schema()));
    if (!column.nullable()) {
      sql.append(" NOT NULL");
    }
    column.defaultValue()
        .ifPresent(value -> sql.append(" DEFAULT ").append(defaultValue(table, column, value)));
    if (column.type() instanceof ColumnType.Enumerated enumerated) {
      sql.append(" CHECK (").append(quote(column.name())).append(" IN ")
          .append(enumerated.values().stream().map(this::stringLiteral).collect(Collectors.joining(", ", "(", ")")))
          .append(')');
    }
    return sql.toString();
  }

  @Override
  boolean primaryKeyInColumn(TableModel table) {
    return table.columns().stream().anyMatch(column -> column.identity() && rowidKey(table, column).isPresent());
  }

  @Override
  String referencedTable(ForeignKeyModel key, SchemaModel schema) {
    return quote(key.referencedTable());
  }

  @Override
  String indexTable(TableModel table) {
    return quote(table.name());
  }

  /**
   * A timestamp default in the ISO form that SQLite's JDBC driver writes for a
   * {@code LocalDateTime} or {@code OffsetDateTime} ({@code 2024-01-31T12:30:00.123456}), the
   * only form it reads back right: it reads the fraction of {@code 2024-01-31 12:30:00.5} as 5
   * milliseconds, and a date alone not at all. A literal that is no ISO timestamp stays as
   * written.
   */
  @Override
  String literalText(ColumnType type, String text) {
    ColumnType kind = ColumnType.Temporal.kindOf(type);
    if (kind != ColumnType.Scalar.TIMESTAMP && kind != ColumnType.Scalar.TIMESTAMP_TZ) {
      return text;
    }
    String stripped = text.strip();
    String iso = stripped.length() > DATE_LENGTH && stripped.charAt(DATE_LENGTH) == ' '
        ? stripped.substring(0, DATE_LENGTH) + 'T' + stripped.substring(DATE_LENGTH + 1).strip()
        : stripped;
    try {
      if (iso.length() == DATE_LENGTH) {
        return LocalDate.parse(iso).atStartOfDay().toString();
      }
      TemporalAccessor parsed = ISO_TIMESTAMP.parseBest(iso, OffsetDateTime::from, LocalDateTime::from);
      return parsed.toString();
    } catch (DateTimeParseException e) {
      return text;
    }
  }

  @Override
  String expressionDefault(ColumnType type, String expression) {
    String bare = expression.strip();
    return BARE_DEFAULTS.contains(bare.toUpperCase(Locale.ROOT)) ? bare : "(" + bare + ")";
  }

  @Override
  List<Step> addColumn(AddColumn operation, Context context) {
    return rebuilds(operation) ? rebuild(operation.table(), context) : super.addColumn(operation, context);
  }

  /**
   * Whether adding the column takes a rebuild: {@code ADD COLUMN} adds no identity, no column
   * with an expression default, and no NOT NULL column without a default.
   */
  private static boolean rebuilds(AddColumn operation) {
    ColumnModel column = operation.column();
    return column.identity()
        || column.defaultValue().orElse(null) instanceof DefaultValue.Expression
        || (!column.nullable() && column.defaultValue().isEmpty());
  }

  /**
   * {@code ALTER TABLE … DROP COLUMN}, and a Java step after it that checks the views and
   * triggers as SQLite does not; see "Dropping a column" in the class comment.
   */
  @Override
  List<Step> dropColumn(DropColumn operation, Context context) {
    TableModel table = context.tableBefore(operation.table());
    String column = table.name() + "." + operation.column();
    SqliteDependents dependents = SqliteDependents.ofDroppedColumn(this, table.schema(), table.name(),
        operation.column());
    JdbcStep online = new JdbcStep("check that the triggers and views that depend on " + table.name()
        + " work without " + column, dependents::checkAfterDrop);
    Problem quoted = new Problem("cannot drop column " + column + " on SQLite in an offline script: a view or"
        + " trigger that may use " + table.name() + " writes \"" + operation.column() + "\" in double quotes, which"
        + " SQLite now reads as a string instead of failing (sqlite_master lists the views and triggers). Let Retort"
        + " run this migration, which checks them exactly; or drop the view or trigger in an earlier step of the"
        + " migration and create it again after this change", dependents.quotedColumnQuery());
    String comment = "Stop if a view or trigger that may use " + table.name() + " writes \"" + operation.column()
        + "\" in double quotes, which SQLite reads as a string once the column is gone";
    List<Step> steps = new ArrayList<>(super.dropColumn(operation, context));
    steps.add(new Step.Callback(online, SqliteScriptGuard.statements(this, comment, List.of(quoted))));
    return steps;
  }

  @Override
  List<Step> alterColumn(AlterColumn operation, Context context) {
    return rebuilds(operation) ? rebuild(operation.table(), context) : List.of();
  }

  /** Whether the change takes a rebuild: all but a comment's, which SQLite does not store. */
  private static boolean rebuilds(AlterColumn operation) {
    return operation.type().isPresent()
        || operation.nullable().isPresent()
        || operation.defaultValue().isPresent()
        || operation.identity().isPresent();
  }

  /**
   * The table of a column change that rebuilds it: altering a column, or adding one that
   * {@code ADD COLUMN} cannot add. The rebuilds of the other changes, of keys, constraints and
   * foreign keys, are done one by one.
   */
  @Override
  public Optional<String> rebuiltTable(Operation operation, SchemaModel before, SchemaModel after) {
    if (operation instanceof AlterColumn alter && rebuilds(alter)) {
      return Optional.of(alter.table());
    }
    if (operation instanceof AddColumn add && rebuilds(add)) {
      return Optional.of(add.table());
    }
    return Optional.empty();
  }

  @Override
  public List<Step> renderRebuild(String table, SchemaModel before, SchemaModel after) {
    return rebuild(table, new Context(before, after));
  }

  @Override
  List<Step> addPrimaryKey(AddPrimaryKey operation, Context context) {
    return rebuild(operation.table(), context);
  }

  @Override
  List<Step> dropPrimaryKey(DropPrimaryKey operation, Context context) {
    return rebuild(operation.table(), context);
  }

  /**
   * Each statement of the SQL on its own, split as the sqlite3 shell splits a script: SQLite's
   * JDBC driver runs only the first statement of a text and silently ignores the rest, which an
   * offline script would then run.
   */
  @Override
  List<String> executeStatements(String sql) {
    return SqliteTokens.statements(sql);
  }

  /**
   * Renames through a name of its own when the name changes only in case ({@code book} to
   * {@code Book}, as {@code @RenamedFrom} on a case-only change generates): SQLite takes the two
   * names as one and refuses {@code RENAME TO} a name that differs from the table's own only in
   * case, saying that there is already another table with this name.
   */
  @Override
  List<Step> renameTable(RenameTable operation, Context context) {
    if (operation.from().equals(operation.to()) || !operation.from().equalsIgnoreCase(operation.to())) {
      return super.renameTable(operation, context);
    }
    TableModel table = context.tableBefore(operation.from());
    String through = unusedName("retort_rename_", operation.to(), context);
    return List.of(
        sql("ALTER TABLE " + table(table) + " RENAME TO " + quote(through)),
        sql("ALTER TABLE " + qualified(table.schema(), through) + " RENAME TO " + quote(operation.to())));
  }

  /** A table name made of the prefix and the table's name that neither schema of the operation has. */
  static String unusedName(String prefix, String table, Context context) {
    String name = prefix + table;
    for (int i = 2; context.before().table(name).isPresent() || context.after().table(name).isPresent(); i++) {
      name = prefix + i + "_" + table;
    }
    return name;
  }

  /**
   * Nothing: SQLite keeps a primary key's name only in the text of the table's {@code CREATE
   * TABLE}, where nothing reads it, and the next rebuild of the table writes the new name.
   */
  @Override
  List<Step> renamePrimaryKey(RenamePrimaryKey operation, Context context) {
    return List.of();
  }

  @Override
  List<Step> addUnique(AddUnique operation, Context context) {
    return rebuild(operation.table(), context);
  }

  @Override
  List<Step> dropUnique(DropUnique operation, Context context) {
    return rebuild(operation.table(), context);
  }

  @Override
  List<Step> addCheck(AddCheck operation, Context context) {
    return rebuild(operation.table(), context);
  }

  @Override
  List<Step> dropCheck(DropCheck operation, Context context) {
    return rebuild(operation.table(), context);
  }

  @Override
  List<Step> addForeignKey(AddForeignKey operation, Context context) {
    return rebuild(operation.table(), context);
  }

  @Override
  List<Step> dropForeignKey(DropForeignKey operation, Context context) {
    return rebuild(operation.table(), context);
  }

  /**
   * Turns foreign key enforcement off if it is on, so that table rebuilds inside the coming
   * transaction do not cascade into referencing tables, and {@code PRAGMA legacy_alter_table}
   * off if it is on, so that a migration's renames rewrite the views and triggers that refer to
   * what they rename. The returned restore sets both back as they were; it also undoes a
   * {@code legacy_alter_table} that a rebuild which failed at its rename left on.
   *
   * @throws IllegalStateException if the connection is already inside a transaction, where
   *     SQLite would silently ignore the change
   */
  @Override
  public SessionRestore prepareConnection(Connection connection) throws SQLException {
    if (!connection.getAutoCommit()) {
      throw new IllegalStateException("prepare the SQLite connection before the migration's transaction"
          + " begins: SQLite ignores PRAGMA foreign_keys inside a transaction");
    }
    boolean enforced = pragmaOn(connection, "foreign_keys");
    boolean legacyAlterTable = pragmaOn(connection, "legacy_alter_table");
    try (Statement statement = connection.createStatement()) {
      if (enforced) {
        statement.execute("PRAGMA foreign_keys = OFF");
      }
      if (legacyAlterTable) {
        statement.execute("PRAGMA legacy_alter_table = OFF");
      }
    }
    return () -> {
      try (Statement statement = connection.createStatement()) {
        if (enforced) {
          statement.execute("PRAGMA foreign_keys = ON");
        }
        statement.execute("PRAGMA legacy_alter_table = " + (legacyAlterTable ? "ON" : "OFF"));
      }
    };
  }

  /**
   * Turns foreign key enforcement and {@code PRAGMA legacy_alter_table} off before the script's
   * first transaction, as {@link #prepareConnection} does for the runtime: in a session where
   * {@code legacy_alter_table} is on, SQLite's {@code DROP COLUMN} and {@code RENAME} neither
   * check nor rewrite the views and triggers that use what they change, and would leave them
   * broken where Retort's upgrade fails.
   */
  @Override
  public Optional<ScriptPart> scriptOpening() {
    return scriptOpening(false);
  }

  @Override
  public Optional<ScriptPart> scriptOpening(boolean singleTransaction) {
    String run = singleTransaction
        ? "Run this script with sqlite3 -bail, which stops at the first error. All its migrations run in one"
            + " transaction, which an error leaves uncommitted: nothing of the script remains."
        : "Run this script with sqlite3 -bail, which stops at the first error and leaves the migration it is in"
            + " uncommitted.";
    return Optional.of(new ScriptPart(run + " Table rebuilds need foreign key enforcement off, and SQLite ignores"
        + " PRAGMA foreign_keys inside a transaction; each rebuild checks the foreign keys itself. With"
        + " legacy_alter_table off, as when Retort runs the migrations, DROP COLUMN and RENAME check and rewrite the"
        + " views and triggers that use what they change",
        List.of("PRAGMA foreign_keys = OFF", "PRAGMA legacy_alter_table = OFF")));
  }

  /**
   * Turns foreign key enforcement back on after the script's last transaction. The setting
   * belongs to the connection, not the database file; an application turns it on for each of
   * its connections. {@code legacy_alter_table} stays off, SQLite's default: unlike
   * {@link #prepareConnection}, a script cannot read what the session had before, and a
   * session that wants it on turns it on again.
   */
  @Override
  public Optional<ScriptPart> scriptClosing() {
    return Optional.of(new ScriptPart("Foreign key enforcement back on for the rest of this session; legacy_alter_table"
        + " stays off, SQLite's default, since a script cannot read what it was before",
        List.of("PRAGMA foreign_keys = ON")));
  }

  private static boolean pragmaOn(Connection connection, String pragma) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("PRAGMA " + pragma)) {
      return result.next() && result.getInt(1) == 1;
    }
  }

  private List<Step> rebuild(String table, Context context) {
    return new SqliteTableRebuild(this, table, context).steps();
  }

  /** The primary key that makes this identity column a rowid alias, if the table has one. */
  static Optional<PrimaryKeyModel> rowidKey(TableModel table, ColumnModel column) {
    return table.primaryKey().filter(key -> key.columns().equals(List.of(column.name())));
  }
}
