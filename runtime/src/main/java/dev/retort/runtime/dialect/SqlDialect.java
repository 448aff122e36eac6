package dev.retort.runtime.dialect;

import dev.retort.ReferentialAction;
import dev.retort.internal.limits.InnoDbSizes;
import dev.retort.model.CheckModel;
import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.DefaultValue;
import dev.retort.model.ForeignKeyModel;
import dev.retort.model.IndexModel;
import dev.retort.model.PrimaryKeyModel;
import dev.retort.model.SchemaModel;
import dev.retort.model.SequenceModel;
import dev.retort.model.ViewModel;
import dev.retort.model.TableModel;
import dev.retort.model.UniqueModel;
import dev.retort.operation.AddCheck;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AddForeignKey;
import dev.retort.operation.AddPrimaryKey;
import dev.retort.operation.AddUnique;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.AlterSequence;
import dev.retort.operation.AlterTableComment;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.CreateSequence;
import dev.retort.operation.CreateView;
import dev.retort.operation.CreateTable;
import dev.retort.operation.DropCheck;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropForeignKey;
import dev.retort.operation.DropIndex;
import dev.retort.operation.DropSequence;
import dev.retort.operation.DropView;
import dev.retort.operation.DropPrimaryKey;
import dev.retort.operation.DropTable;
import dev.retort.operation.DropUnique;
import dev.retort.operation.Execute;
import dev.retort.operation.JdbcStep;
import dev.retort.operation.Operation;
import dev.retort.operation.RenameColumn;
import dev.retort.operation.RenamePrimaryKey;
import dev.retort.operation.RenameTable;
import dev.retort.operation.ValidateConstraint;
import dev.retort.operation.Vendor;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rendering every dialect shares. Each kind of operation has one method here, reached
 * through {@link Operation.Visitor}, so a new kind of operation does not compile until it is
 * rendered. The methods write standard SQL, which PostgreSQL and H2 accept; a dialect overrides
 * what its database does differently, and {@link Capabilities} holds the differences that are
 * only a keyword.
 */
abstract class SqlDialect implements Dialect {

  /**
   * A timestamp literal: a date, a time after a space or {@code T}, and an offset ({@code Z},
   * {@code +01}, {@code +0100} or {@code +01:00}), the last two optional.
   */
  private static final Pattern TIMESTAMP_LITERAL =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:[ T]([0-9:.]+))?\\s*(Z|[-+]\\d{2}(?::?\\d{2})?)?");
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
  private static final Pattern INTEGER_LITERAL = Pattern.compile("[-+]?\\d+");
  private static final Pattern NUMBER_LITERAL =
      Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

  /** The differences of this dialect's database that are a keyword or a switch. */
  final Capabilities capabilities;

  SqlDialect(Capabilities capabilities) {
    this.capabilities = Objects.requireNonNull(capabilities, "capabilities == null");
  }

  @Override
  public final Vendor vendor() {
    return capabilities.vendor();
  }

  @Override
  public final boolean transactionalDdl() {
    return capabilities.transactionalDdl();
  }

  @Override
  public final String quote(String identifier) {
    Objects.requireNonNull(identifier, "identifier == null");
    String quote = String.valueOf(capabilities.quote());
    return quote + identifier.replace(quote, quote + quote) + quote;
  }

  @Override
  public final String columnType(ColumnType type) {
    Objects.requireNonNull(type, "type == null");
    return typeName(type, "");
  }

  @Override
  public final List<Step> render(Operation operation, SchemaModel before) {
    Objects.requireNonNull(before, "before == null");
    return render(operation, before, before.apply(operation));
  }

  @Override
  public final List<Step> render(Operation operation, SchemaModel before, SchemaModel after) {
    Objects.requireNonNull(operation, "operation == null");
    Objects.requireNonNull(before, "before == null");
    Objects.requireNonNull(after, "after == null");
    Context context = new Context(before, after);
    List<Step> steps = new ArrayList<>(createTypes(context));
    steps.addAll(operation.accept(new Renderer(context)));
    steps.addAll(dropUnusedTypes(context));
    return List.copyOf(steps);
  }

  @Override
  public String toString() {
    return capabilities.label();
  }

  /**
   * Refuses an operation that gives its table something the database refuses, before anything
   * runs: the database would fail at that statement, and MySQL, MariaDB and H2 keep the
   * statements of the migration before it. What the table already had is not refused again.
   * The operations that add to a table call it; the others cannot give it anything to refuse.
   *
   * @throws UnsupportedOperationException naming the table, the column, the database and what to do
   */
  private void refuseWhatTheDatabaseRefuses(String tableName, Context context) {
    List<String> refused = refusals(context.tableAfter(tableName));
    if (refused.isEmpty()) {
      return;
    }
    List<String> had = context.before().table(tableName).map(this::refusals).orElse(List.of());
    for (String refusal : refused) {
      if (!had.contains(refusal)) {
        throw new UnsupportedOperationException(refusal);
      }
    }
  }

  /**
   * What the database refuses in a table, as {@link Capabilities} says: a decimal scale or a
   * timestamp default it does not take, a key or index on a column it cannot index, an identity
   * column that leads no index, and a check on an identity column or on a column that a foreign
   * key's action changes. Each is a sentence naming the table, the column, the database and what
   * to do.
   */
  private List<String> refusals(TableModel table) {
    List<String> refusals = new ArrayList<>();
    for (ColumnModel column : table.columns()) {
      columnRefusals(table, column, refusals);
    }
    if (!capabilities.unindexableTypes().isEmpty()) {
      table.primaryKey().ifPresent(key ->
          unindexable(table, "primary key", key.name(), key.columns(), true, refusals));
      for (UniqueModel unique : table.uniques()) {
        unindexable(table, "unique constraint", unique.name(), unique.columns(), false, refusals);
      }
      for (IndexModel index : table.indexes()) {
        unindexable(table, index.unique() ? "unique index" : "index", index.name(), index.columns(), false,
            refusals);
      }
    }
    if (capabilities.innoDbSizes()) {
      innoDbSizeRefusals(table, refusals);
    }
    if (capabilities.identityNeedsIndex()) {
      for (ColumnModel column : table.columns()) {
        if (column.identity() && !leadsAnIndex(table, column.name())) {
          refusals.add(capabilities.label() + " needs an AUTO_INCREMENT column to lead a key or index of its table:"
              + " identity column " + table.name() + "." + column.name() + " would be in none. Add the column together"
              + " with its key in one statement with execute(…), such as ALTER TABLE " + quote(table.name())
              + " ADD COLUMN " + quote(column.name()) + " … AUTO_INCREMENT, ADD PRIMARY KEY (" + quote(column.name())
              + "), or drop identity() from it");
        }
      }
    }
    if (!table.checks().isEmpty()) {
      for (ColumnModel column : table.columns()) {
        if (column.identity() && !capabilities.checksOnIdentity()) {
          checksOn(table, column, "an identity (AUTO_INCREMENT) column", "an identity column",
              "take identity() off the column", refusals);
        }
      }
      for (ForeignKeyModel key : table.foreignKeys()) {
        List<String> actions = new ArrayList<>();
        if (refusedBesideACheck(key.onDelete(), true)) {
          actions.add("ON DELETE " + key.onDelete().sql());
        }
        if (refusedBesideACheck(key.onUpdate(), false)) {
          actions.add("ON UPDATE " + key.onUpdate().sql());
        }
        if (!actions.isEmpty()) {
          String others = capabilities.actionsOnCheckedColumns()
              == Capabilities.ActionsOnCheckedColumns.KEEPING_THE_VALUE ? " (or CASCADE on delete)" : "";
          for (String column : key.columns()) {
            checksOn(table, columnOf(table, column), "a column that a foreign key's action changes",
                "which foreign key " + key.name() + " changes " + String.join(" and ", actions),
                "give the key NO_ACTION or RESTRICT" + others, refusals);
          }
        }
      }
    }
    return refusals;
  }

  /**
   * Adds a row longer than InnoDB's 65535 bytes, which MariaDB and MySQL refuse ("Row size too
   * large"), and a key longer than its 3072 bytes, which they refuse as a primary key or an index
   * on several columns ("Specified key was too long") and, on MariaDB, silently change into a
   * prefix index of one column or a unique key enforced with a hash.
   */
  private void innoDbSizeRefusals(TableModel table, List<String> refusals) {
    int row = InnoDbSizes.rowBytes(table.columns());
    if (row > InnoDbSizes.MAX_ROW_BYTES) {
      refusals.add(capabilities.label() + " takes rows of at most " + InnoDbSizes.MAX_ROW_BYTES + " bytes, and a row of "
          + table.name() + " could take " + row + " (4 bytes per character of char and varchar, text and blob"
          + " counting 12): its largest columns are " + String.join(", ", InnoDbSizes.largestInRow(table.columns(), 3))
          + ". Make the long varchar or varbinary columns text or blob, or shorten them");
    }
    table.primaryKey().ifPresent(key -> longKey(table, "primary key", key.name(), key.columns(), refusals));
    for (UniqueModel unique : table.uniques()) {
      longKey(table, "unique constraint", unique.name(), unique.columns(), refusals);
    }
    for (IndexModel index : table.indexes()) {
      longKey(table, index.unique() ? "unique index" : "index", index.name(), index.columns(), refusals);
    }
  }

  /** Adds a key whose columns take more bytes than InnoDB keys hold. */
  private void longKey(TableModel table, String what, String name, List<String> columns, List<String> refusals) {
    List<ColumnModel> keyColumns = columns.stream().map(c -> columnOf(table, c)).toList();
    OptionalInt bytes = InnoDbSizes.keyBytes(keyColumns);
    if (bytes.isPresent() && bytes.getAsInt() > InnoDbSizes.MAX_KEY_BYTES) {
      String types = keyColumns.stream().map(c -> c.name() + " " + c.type().sql()).collect(Collectors.joining(", "));
      refusals.add(capabilities.label() + " keys hold at most " + InnoDbSizes.MAX_KEY_BYTES + " bytes, and " + what
          + " " + name + " of " + table.name() + " over " + types + " takes " + bytes.getAsInt() + " (4 bytes per"
          + " character of char and varchar). Shorten the columns, key fewer of them, or drop the " + what);
    }
  }

  /**
   * Adds what the database refuses in one column's definition: a decimal scale beyond its
   * largest, a timestamp default with an offset where its literals take none, and a timestamp
   * with time zone default outside the instants the database holds.
   */
  private void columnRefusals(TableModel table, ColumnModel column, List<String> refusals) {
    String where = table.name() + "." + column.name();
    if (column.type() instanceof ColumnType.Decimal decimal && decimal.scale() > capabilities.maxDecimalScale()) {
      refusals.add(capabilities.label() + " keeps at most " + capabilities.maxDecimalScale() + " digits after the"
          + " point of a decimal, and column " + where + " is " + decimal.sql() + ". Give it a scale of at most "
          + capabilities.maxDecimalScale());
    }
    ColumnType kind = ColumnType.Temporal.kindOf(column.type());
    boolean timestamp = kind == ColumnType.Scalar.TIMESTAMP || kind == ColumnType.Scalar.TIMESTAMP_TZ;
    if (!timestamp || !(column.defaultValue().orElse(null) instanceof DefaultValue.Literal literal)) {
      return;
    }
    Matcher parts = TIMESTAMP_LITERAL.matcher(literal.value().strip());
    if (!parts.matches()) {
      return;
    }
    if (!capabilities.offsetsInTimestampLiterals() && parts.group(2) != null && parts.group(3) != null) {
      refusals.add(capabilities.label() + " takes no offset in a timestamp literal, and the default '" + literal.value()
          + "' of column " + where + " has one. Write the default without the offset, as the date and time in the"
          + " time zone of the session that runs the migration, which fixes the instant");
    }
    if (kind == ColumnType.Scalar.TIMESTAMP_TZ) {
      Optional<Instant> instant = instant(parts);
      if (instant.isPresent() && !capabilities.instants().contains(instant.get())) {
        refusals.add(capabilities.label() + " keeps a timestamp with time zone (" + typeName(column.type(), table.schema())
            + ") only from " + moment(capabilities.instants().first()) + " to " + moment(capabilities.instants().last())
            + " UTC, and the default '" + literal.value() + "' of column " + where + " is outside them"
            + (parts.group(3) == null ? " (a default without an offset taken as UTC)" : "")
            + ". Give the column a default within them; for later instants, make it a timestamp without time zone"
            + " (@Column(type = \"timestamp\"), " + typeName(ColumnType.Scalar.TIMESTAMP, table.schema())
            + ") and write its values in UTC");
      }
    }
  }

  /**
   * The instant a timestamp literal names, a date alone being its midnight and a literal without
   * an offset being taken as UTC; empty if it names none, which the processor reports.
   */
  private static Optional<Instant> instant(Matcher timestamp) {
    try {
      LocalDateTime local = timestamp.group(2) == null
          ? LocalDate.parse(timestamp.group(1)).atStartOfDay()
          : LocalDateTime.parse(timestamp.group(1) + "T" + timestamp.group(2));
      String offset = timestamp.group(3);
      return Optional.of(local.toInstant(offset == null ? ZoneOffset.UTC : ZoneOffset.of(offset)));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** An instant as UTC date and time, with microseconds where it has a fraction. */
  private static String moment(Instant instant) {
    LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    String fraction = utc.getNano() == 0 ? "" : String.format(Locale.ROOT, ".%06d", utc.getNano() / 1000);
    return MOMENT.format(utc) + fraction;
  }

  /**
   * Adds a refusal for each check that uses a column that the database lets no check use:
   * {@code kind} is the kind of column it refuses, {@code what} what this column is, and
   * {@code instead} what to do other than drop the check.
   */
  private void checksOn(TableModel table, ColumnModel column, String kind, String what, String instead,
      List<String> refusals) {
    for (CheckModel check : table.checks()) {
      if (check.usesColumn(column.name())) {
        refusals.add(capabilities.label() + " refuses a check constraint on " + kind + ": check " + check.name()
            + " of " + table.name() + " uses " + table.name() + "." + column.name() + ", " + what
            + ". Drop the check, or " + instead);
      }
    }
  }

  /**
   * Adds a refusal for each column of a key or index, {@code kind} and {@code name}, that the
   * database cannot index.
   */
  private void unindexable(TableModel table, String kind, String name, List<String> columns, boolean primaryKey,
      List<String> refusals) {
    if (!primaryKey && capabilities.largeTypesInIndexes()) {
      return;
    }
    for (String columnName : columns) {
      ColumnType type = columnOf(table, columnName).type();
      if (type instanceof ColumnType.Scalar scalar && capabilities.unindexableTypes().contains(scalar)) {
        refusals.add(capabilities.label() + " cannot index " + scalar.sql() + " column " + table.name() + "."
            + columnName + " (" + typeName(scalar, table.schema()) + "), as " + kind + " " + name + " of "
            + table.name() + " would" + unindexableReason() + ". Give the column a bounded type such as "
            + (scalar == ColumnType.Scalar.BLOB ? "varbinary(n)" : "varchar(n)") + ", or leave it out of the "
            + kind);
      }
    }
  }

  /** Whether the column is the first of the table's primary key, a unique constraint or an index. */
  private static boolean leadsAnIndex(TableModel table, String column) {
    if (table.primaryKey().filter(key -> key.columns().get(0).equals(column)).isPresent()) {
      return true;
    }
    for (UniqueModel unique : table.uniques()) {
      if (unique.columns().get(0).equals(column)) {
        return true;
      }
    }
    for (IndexModel index : table.indexes()) {
      if (index.columns().get(0).equals(column)) {
        return true;
      }
    }
    return false;
  }

  private static ColumnModel columnOf(TableModel table, String column) {
    return table.column(column).orElseThrow(() -> new IllegalStateException("no column " + table.name() + "."
        + column));
  }

  /** Whether the database refuses a foreign key action on a column that a check uses. */
  private boolean refusedBesideACheck(ReferentialAction action, boolean onDelete) {
    switch (capabilities.actionsOnCheckedColumns()) {
      case ANY:
        return false;
      case KEEPING_THE_VALUE:
        return action == ReferentialAction.SET_NULL || action == ReferentialAction.SET_DEFAULT
            || (action == ReferentialAction.CASCADE && !onDelete);
      case RESTRICTING:
        return action != ReferentialAction.NO_ACTION && action != ReferentialAction.RESTRICT;
      default:
        throw new AssertionError(capabilities.actionsOnCheckedColumns());
    }
  }

  // ---------------------------------------------------------------- what dialects must define

  /**
   * The SQL type for a column type.
   *
   * @param type the type
   * @param schema the schema of the table holding the column; empty for the connection's own
   */
  abstract String typeName(ColumnType type, String schema);

  /** Renders a column change; how differs most between databases. */
  abstract List<Step> alterColumn(AlterColumn operation, Context context);

  // ---------------------------------------------------------------- hooks with standard SQL

  /**
   * The standard spelling of a sized type, for the dialects that spell it so: {@code DECIMAL(p,s)},
   * {@code CHAR(n)}, {@code VARCHAR(n)}, {@code BINARY(n)} or {@code VARBINARY(n)}.
   *
   * @throws AssertionError if the type is not one of those five
   */
  static String standardSizedType(ColumnType type) {
    if (type instanceof ColumnType.Decimal decimal) {
      return "DECIMAL(" + decimal.precision() + "," + decimal.scale() + ")";
    }
    if (type instanceof ColumnType.Char fixed) {
      return "CHAR(" + fixed.length() + ")";
    }
    if (type instanceof ColumnType.Varchar varchar) {
      return "VARCHAR(" + varchar.length() + ")";
    }
    if (type instanceof ColumnType.Binary binary) {
      return "BINARY(" + binary.length() + ")";
    }
    if (type instanceof ColumnType.Varbinary varbinary) {
      return "VARBINARY(" + varbinary.length() + ")";
    }
    throw new AssertionError(type);
  }

  /** An enum spelled inline with its values, {@code ENUM('a','b')}, as H2 and MySQL have it. */
  final String inlineEnumType(ColumnType.Enumerated enumerated) {
    return enumerated.values().stream().map(this::stringLiteral).collect(Collectors.joining(",", "ENUM(", ")"));
  }

  /** Statements creating the named types an operation starts to use (PostgreSQL enums). */
  List<Step> createTypes(Context context) {
    return List.of();
  }

  /** Statements dropping the named types no column uses after an operation (PostgreSQL enums). */
  List<Step> dropUnusedTypes(Context context) {
    return List.of();
  }

  /** A column definition as in {@code CREATE TABLE} and {@code ADD COLUMN}. */
  String columnDefinition(TableModel table, ColumnModel column) {
    StringBuilder sql = new StringBuilder(quote(column.name()))
        .append(' ')
        .append(typeName(column.type(), table.schema()));
    if (column.identity()) {
      sql.append(" GENERATED BY DEFAULT AS IDENTITY");
    }
    column.defaultValue()
        .ifPresent(value -> sql.append(" DEFAULT ").append(defaultValue(table, column, value)));
    if (!column.nullable()) {
      sql.append(" NOT NULL");
    }
    return sql.toString();
  }

  /** The constraints listed after the columns in {@code CREATE TABLE}. */
  List<String> tableConstraints(TableModel table, SchemaModel schema) {
    List<String> constraints = new ArrayList<>();
    if (!primaryKeyInColumn(table)) {
      table.primaryKey().ifPresent(key -> constraints.add(primaryKeyConstraint(key)));
    }
    table.uniques().forEach(unique -> constraints.add(uniqueConstraint(unique)));
    table.foreignKeys().forEach(key -> constraints.add(foreignKeyConstraint(key, schema)));
    table.checks().forEach(check -> constraints.add(checkConstraint(check)));
    return constraints;
  }

  /** Whether the primary key is written in its column's definition rather than after the columns. */
  boolean primaryKeyInColumn(TableModel table) {
    return false;
  }

  /** What follows the closing parenthesis of {@code CREATE TABLE}: table options. */
  String tableOptions(TableModel table) {
    return "";
  }

  /** The table a foreign key references, as written after {@code REFERENCES}. */
  String referencedTable(ForeignKeyModel key, SchemaModel schema) {
    String target = key.referencedTable();
    return schema.table(target).map(this::table).orElseGet(() -> quote(target));
  }

  /** The name of an index in {@code CREATE INDEX}; qualified by the table's schema by default. */
  String indexNameInCreate(TableModel table, String index) {
    return qualified(table.schema(), index);
  }

  /** The table in {@code CREATE INDEX … ON table}. */
  String indexTable(TableModel table) {
    return table(table);
  }

  /** The statement dropping an index. */
  String dropIndexStatement(TableModel table, String index) {
    return "DROP INDEX " + qualified(table.schema(), index);
  }

  /**
   * Why the database cannot index a column of an unindexable type, as a clause that follows
   * "as index x would"; none by default.
   */
  String unindexableReason() {
    return "";
  }

  /**
   * A check expression as this database reads it. Check expressions are written in standard SQL,
   * with identifiers in double quotes where they need quoting; the standard dialects write them
   * as they are.
   */
  String checkExpression(String expression) {
    return expression;
  }

  /** An expression default as written in the column definition of a column of that type. */
  String expressionDefault(ColumnType type, String expression) {
    return expression;
  }

  /**
   * The text of a literal default of a type that is neither numeric nor boolean, before it is
   * quoted; the model's text by default.
   */
  String literalText(ColumnType type, String text) {
    return text;
  }

  /** A quoted literal default for a column of a type that is neither numeric nor boolean. */
  String literalDefault(ColumnType type, String literal) {
    return literal;
  }

  @Override
  public final List<String> createTableIfMissing(TableModel table) {
    if (!table.indexes().isEmpty()) {
      throw new IllegalArgumentException("table " + table.name() + " has indexes, which cannot be created if missing"
          + " alike on every database");
    }
    List<String> statements = new ArrayList<>();
    statements.add(createTableStatement("CREATE TABLE IF NOT EXISTS ", table, table.name(), SchemaModel.empty()));
    statements.addAll(commentSql(table));
    return statements;
  }

  // ---------------------------------------------------------------- one method per operation

  List<Step> createTable(CreateTable operation, Context context) {
    TableModel table = operation.table();
    List<Step> steps = new ArrayList<>();
    steps.add(sql(createTableStatement(table, table.name(), context.after())));
    steps.addAll(commentStatements(table));
    for (IndexModel index : table.indexes()) {
      steps.add(sql(createIndexStatement(table, index)));
    }
    return steps;
  }

  List<Step> dropTable(DropTable operation, Context context) {
    return List.of(sql("DROP TABLE " + table(context.tableBefore(operation.table()))));
  }

  List<Step> renameTable(RenameTable operation, Context context) {
    TableModel table = context.tableBefore(operation.from());
    return List.of(sql("ALTER TABLE " + table(table) + " RENAME TO " + quote(operation.to())));
  }

  List<Step> alterTableComment(AlterTableComment operation, Context context) {
    TableModel table = context.tableAfter(operation.table());
    Optional<String> comment = operation.comment().to();
    switch (capabilities.comments()) {
      case COMMENT_ON:
        return List.of(sql(commentOnTable(table, comment)));
      case INLINE:
        return List.of(sql("ALTER TABLE " + table(table) + " COMMENT = " + stringLiteral(comment.orElse(""))));
      case NONE:
        return List.of();
      default:
        throw new AssertionError(capabilities.comments());
    }
  }

  List<Step> addColumn(AddColumn operation, Context context) {
    TableModel table = context.tableAfter(operation.table());
    ColumnModel column = operation.column();
    List<Step> steps = new ArrayList<>();
    steps.add(sql("ALTER TABLE " + table(table) + " ADD COLUMN " + columnDefinition(table, column)));
    if (capabilities.comments() == Capabilities.CommentStyle.COMMENT_ON && column.comment().isPresent()) {
      steps.add(sql(commentOnColumn(table, column.name(), column.comment())));
    }
    return steps;
  }

  List<Step> dropColumn(DropColumn operation, Context context) {
    TableModel table = context.tableBefore(operation.table());
    return List.of(sql("ALTER TABLE " + table(table) + " DROP COLUMN " + quote(operation.column())));
  }

  List<Step> renameColumn(RenameColumn operation, Context context) {
    TableModel table = context.tableAfter(operation.table());
    switch (capabilities.renameColumn()) {
      case RENAME_COLUMN:
        return List.of(sql("ALTER TABLE " + table(table) + " RENAME COLUMN " + quote(operation.from())
            + " TO " + quote(operation.to())));
      case CHANGE_COLUMN:
        return List.of(sql("ALTER TABLE " + table(table) + " CHANGE COLUMN " + quote(operation.from())
            + " " + columnDefinition(table, context.column(table, operation.to()))));
      default:
        throw new AssertionError(capabilities.renameColumn());
    }
  }

  List<Step> addPrimaryKey(AddPrimaryKey operation, Context context) {
    return alterTable(context.tableAfter(operation.table()), "ADD " + primaryKeyConstraint(operation.key()));
  }

  List<Step> dropPrimaryKey(DropPrimaryKey operation, Context context) {
    return alterTable(context.tableBefore(operation.table()), "DROP CONSTRAINT " + quote(operation.name()));
  }

  List<Step> renamePrimaryKey(RenamePrimaryKey operation, Context context) {
    return alterTable(context.tableBefore(operation.table()),
        "RENAME CONSTRAINT " + quote(operation.from()) + " TO " + quote(operation.to()));
  }

  List<Step> addUnique(AddUnique operation, Context context) {
    return alterTable(context.tableAfter(operation.table()), "ADD " + uniqueConstraint(operation.unique()));
  }

  List<Step> dropUnique(DropUnique operation, Context context) {
    return alterTable(context.tableBefore(operation.table()), "DROP CONSTRAINT " + quote(operation.name()));
  }

  /**
   * Adds the check, checking every row: only PostgreSQL can leave the rows already there for later ({@code
   * notValid}), and every other database adds it as if it had not been asked to.
   */
  List<Step> addCheck(AddCheck operation, Context context) {
    return alterTable(context.tableAfter(operation.table()), "ADD " + checkConstraint(operation.check()));
  }

  List<Step> dropCheck(DropCheck operation, Context context) {
    TableModel table = context.tableBefore(operation.table());
    switch (capabilities.dropCheck()) {
      case DROP_CONSTRAINT:
        return alterTable(table, "DROP CONSTRAINT " + quote(operation.name()));
      case DROP_CHECK:
        return alterTable(table, "DROP CHECK " + quote(operation.name()));
      default:
        throw new AssertionError(capabilities.dropCheck());
    }
  }

  /**
   * Adds the foreign key, checking every row: only PostgreSQL can leave the rows already there for later ({@code
   * notValid}), and every other database adds it as if it had not been asked to.
   */
  List<Step> addForeignKey(AddForeignKey operation, Context context) {
    return alterTable(context.tableAfter(operation.table()),
        "ADD " + foreignKeyConstraint(operation.foreignKey(), context.after()));
  }

  /** Nothing: where constraints cannot be added not valid, the add checked every row already. */
  List<Step> validateConstraint(ValidateConstraint operation, Context context) {
    return List.of();
  }

  List<Step> dropForeignKey(DropForeignKey operation, Context context) {
    return alterTable(context.tableBefore(operation.table()), "DROP CONSTRAINT " + quote(operation.name()));
  }

  List<Step> createIndex(CreateIndex operation, Context context) {
    return List.of(sql(createIndexStatement(context.tableAfter(operation.table()), operation.index())));
  }

  List<Step> dropIndex(DropIndex operation, Context context) {
    return List.of(sql(dropIndexStatement(context.tableBefore(operation.table()), operation.name())));
  }

  List<Step> createSequence(CreateSequence operation) {
    SequenceModel sequence = operation.sequence();
    return List.of(sql("CREATE SEQUENCE " + qualified(sequence.schema(), sequence.name()) + " START WITH "
        + sequence.start() + " INCREMENT BY " + sequence.increment()));
  }

  List<Step> dropSequence(DropSequence operation, Context context) {
    return List.of(sql("DROP SEQUENCE " + sequence(context.sequenceBefore(operation.name()))));
  }

  List<Step> alterSequence(AlterSequence operation, Context context) {
    StringBuilder statement = new StringBuilder("ALTER SEQUENCE ").append(sequence(context.sequenceBefore(operation.name())));
    operation.start().ifPresent(c -> statement.append(" START WITH ").append(c.to().longValue()));
    operation.increment().ifPresent(c -> statement.append(" INCREMENT BY ").append(c.to().longValue()));
    return List.of(sql(statement.toString()));
  }

  /** {@code CREATE VIEW name AS query}, the query as the migration wrote it. */
  List<Step> createView(CreateView operation) {
    ViewModel view = operation.view();
    return List.of(sql("CREATE VIEW " + qualified(view.schema(), view.name()) + " AS " + view.query()));
  }

  List<Step> dropView(DropView operation, Context context) {
    ViewModel view = context.viewBefore(operation.name());
    return List.of(sql("DROP VIEW " + qualified(view.schema(), view.name())));
  }

  /**
   * Refuses a sequence operation where the database has no sequences, before anything runs.
   *
   * @throws UnsupportedOperationException naming the operation and database, with what to do
   */
  private void refuseWithoutSequences(Operation operation) {
    if (!capabilities.sequences()) {
      throw new UnsupportedOperationException(this + " has no sequences: give the table an identity column instead"
          + " (@Id(generated = true), identity() in the DSL; for Hibernate, @GeneratedValue(strategy = IDENTITY)), or"
          + " write the migration's sequence for the databases that have them (PostgreSQL, H2, MariaDB) with"
          + " execute(Map.of(Vendor.POSTGRESQL, \"CREATE SEQUENCE …\"))");
    }
  }

  private List<Step> execute(Execute operation) {
    String statement = operation.sqlFor(vendor()).orElseThrow(() -> new UnsupportedOperationException(
        "cannot " + operation.summary() + " on " + this + ": the operation has no SQL for " + vendor()
            + (vendor() == Vendor.MARIADB ? " (nor for MYSQL, which MariaDB falls back to)" : "")
            + "; give it a statement for " + vendor() + " or one for every database"));
    return executeStatements(statement).stream().map(SqlDialect::sql).toList();
  }

  /**
   * The statements an {@code execute} runs, each on its own: its SQL as written, unless the
   * database's JDBC driver would run only the first of several statements in one text.
   */
  List<String> executeStatements(String sql) {
    return List.of(sql);
  }

  private List<Step> jdbcStep(JdbcStep operation) {
    return List.of(new Step.Callback(operation));
  }

  // ---------------------------------------------------------------- building blocks

  final String createTableStatement(TableModel table, String name, SchemaModel schema) {
    return createTableStatement("CREATE TABLE ", table, name, schema);
  }

  private String createTableStatement(String create, TableModel table, String name, SchemaModel schema) {
    List<String> lines = new ArrayList<>();
    for (ColumnModel column : table.columns()) {
      lines.add(columnDefinition(table, column));
    }
    lines.addAll(tableConstraints(table, schema));
    return create + qualified(table.schema(), name) + " (\n  " + String.join(",\n  ", lines) + "\n)"
        + tableOptions(table);
  }

  final String createIndexStatement(TableModel table, IndexModel index) {
    return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + indexNameInCreate(table, index.name())
        + " ON " + indexTable(table) + " " + columnList(index.columns());
  }

  final String primaryKeyConstraint(PrimaryKeyModel key) {
    return "CONSTRAINT " + quote(key.name()) + " PRIMARY KEY " + columnList(key.columns());
  }

  final String uniqueConstraint(UniqueModel unique) {
    return "CONSTRAINT " + quote(unique.name()) + " UNIQUE " + columnList(unique.columns());
  }

  final String checkConstraint(CheckModel check) {
    return "CONSTRAINT " + quote(check.name()) + " CHECK (" + checkExpression(check.expression()) + ")";
  }

  /**
   * A foreign key as a table constraint.
   *
   * @throws UnsupportedOperationException if the key has an action the database does not keep
   */
  final String foreignKeyConstraint(ForeignKeyModel key, SchemaModel schema) {
    if (!capabilities.setDefaultAction()
        && (key.onDelete() == ReferentialAction.SET_DEFAULT || key.onUpdate() == ReferentialAction.SET_DEFAULT)) {
      throw new UnsupportedOperationException(capabilities.label() + " has no SET DEFAULT action: foreign key "
          + key.name() + " would get another (InnoDB refuses SET DEFAULT on MySQL and keeps RESTRICT instead on"
          + " MariaDB). Give the key NO_ACTION, RESTRICT, CASCADE or SET_NULL, or write it for this database with"
          + " execute(…).");
    }
    StringBuilder sql = new StringBuilder("CONSTRAINT ")
        .append(quote(key.name()))
        .append(" FOREIGN KEY ")
        .append(columnList(key.columns()))
        .append(" REFERENCES ")
        .append(referencedTable(key, schema))
        .append(' ')
        .append(columnList(key.referencedColumns()));
    if (key.onDelete() != ReferentialAction.NO_ACTION) {
      sql.append(" ON DELETE ").append(key.onDelete().sql());
    }
    if (key.onUpdate() != ReferentialAction.NO_ACTION) {
      sql.append(" ON UPDATE ").append(key.onUpdate().sql());
    }
    return sql.toString();
  }

  /** {@code COMMENT ON} statements for a new table and its columns, where comments are separate statements. */
  final List<Step> commentStatements(TableModel table) {
    List<Step> steps = new ArrayList<>();
    for (String statement : commentSql(table)) {
      steps.add(sql(statement));
    }
    return steps;
  }

  private List<String> commentSql(TableModel table) {
    if (capabilities.comments() != Capabilities.CommentStyle.COMMENT_ON) {
      return List.of();
    }
    List<String> statements = new ArrayList<>();
    if (table.comment().isPresent()) {
      statements.add(commentOnTable(table, table.comment()));
    }
    for (ColumnModel column : table.columns()) {
      if (column.comment().isPresent()) {
        statements.add(commentOnColumn(table, column.name(), column.comment()));
      }
    }
    return statements;
  }

  final String commentOnTable(TableModel table, Optional<String> comment) {
    return "COMMENT ON TABLE " + table(table) + " IS " + comment.map(this::stringLiteral).orElse("NULL");
  }

  final String commentOnColumn(TableModel table, String column, Optional<String> comment) {
    return "COMMENT ON COLUMN " + table(table) + "." + quote(column) + " IS "
        + comment.map(this::stringLiteral).orElse("NULL");
  }

  /**
   * A column default as SQL: expressions as written, literals as literals of the column's
   * type (numbers and booleans unquoted, everything else a quoted string).
   *
   * @throws IllegalArgumentException if a literal does not fit a numeric or boolean column
   */
  final String defaultValue(TableModel table, ColumnModel column, DefaultValue value) {
    if (value instanceof DefaultValue.Expression expression) {
      return expressionDefault(column.type(), expression.sql());
    }
    String text = ((DefaultValue.Literal) value).value();
    ColumnType type = column.type();
    String where = "the default '" + text + "' of column " + table.name() + "." + column.name();
    if (Types.isInteger(type)) {
      if (!INTEGER_LITERAL.matcher(text).matches()) {
        throw new IllegalArgumentException(where + " is not an integer, but the column is " + type.sql()
            + "; write an integer such as defaultValue(\"0\"), or defaultExpression(…) for an expression");
      }
      return text;
    }
    if (Types.isFractional(type)) {
      if (!NUMBER_LITERAL.matcher(text).matches()) {
        throw new IllegalArgumentException(where + " is not a number, but the column is " + type.sql()
            + "; write a number such as defaultValue(\"0.0\"), or defaultExpression(…) for an expression");
      }
      return text;
    }
    if (type == ColumnType.Scalar.BOOLEAN) {
      return booleanLiteral(parseBoolean(where, text));
    }
    return literalDefault(type, stringLiteral(literalText(type, text)));
  }

  final String booleanLiteral(boolean value) {
    switch (capabilities.booleans()) {
      case TRUE_FALSE:
        return value ? "TRUE" : "FALSE";
      case ONE_ZERO:
        return value ? "1" : "0";
      default:
        throw new AssertionError(capabilities.booleans());
    }
  }

  /** A string literal: quotes doubled, and backslashes doubled where they escape. */
  final String stringLiteral(String value) {
    String escaped = value;
    if (capabilities.backslashEscapes()) {
      escaped = escaped.replace("\\", "\\\\");
    }
    return "'" + escaped.replace("'", "''") + "'";
  }

  /** The table's name, qualified by its schema when it has one. */
  final String table(TableModel table) {
    return qualified(table.schema(), table.name());
  }

  /** The sequence's name, qualified by its schema when it has one. */
  final String sequence(SequenceModel sequence) {
    return qualified(sequence.schema(), sequence.name());
  }

  final String qualified(String schema, String name) {
    return schema.isEmpty() ? quote(name) : quote(schema) + "." + quote(name);
  }

  final String columnList(List<String> columns) {
    return columns.stream().map(this::quote).collect(Collectors.joining(", ", "(", ")"));
  }

  final List<Step> alterTable(TableModel table, String action) {
    return List.of(sql("ALTER TABLE " + table(table) + " " + action));
  }

  static Step sql(String statement) {
    return Step.Sql.of(statement);
  }

  private static boolean parseBoolean(String where, String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "true":
      case "1":
        return true;
      case "false":
      case "0":
        return false;
      default:
        throw new IllegalArgumentException(where + " is not a boolean; write defaultValue(\"true\") or"
            + " defaultValue(\"false\")");
    }
  }

  /**
   * The schema before and after the operation being rendered.
   *
   * @param before the schema before the operation
   * @param after the schema after it
   */
  record Context(SchemaModel before, SchemaModel after) {

    TableModel tableBefore(String name) {
      return before.table(name).orElseThrow(() -> new IllegalStateException("no table " + name + " before"));
    }

    TableModel tableAfter(String name) {
      return after.table(name).orElseThrow(() -> new IllegalStateException("no table " + name + " after"));
    }

    ViewModel viewBefore(String name) {
      return before.view(name).orElseThrow(() -> new IllegalStateException("no view " + name + " before"));
    }

    SequenceModel sequenceBefore(String name) {
      return before.sequence(name).orElseThrow(() -> new IllegalStateException("no sequence " + name + " before"));
    }

    ColumnModel column(TableModel table, String name) {
      return table.column(name).orElseThrow(
          () -> new IllegalStateException("no column " + table.name() + "." + name));
    }
  }

  /** Sends each kind of operation to its method. */
  private final class Renderer implements Operation.Visitor<List<Step>> {
    private final Context context;

    Renderer(Context context) {
      this.context = context;
    }

    @Override
    public List<Step> createTable(CreateTable operation) {
      refuseWhatTheDatabaseRefuses(operation.table().name(), context);
      return SqlDialect.this.createTable(operation, context);
    }

    @Override
    public List<Step> dropTable(DropTable operation) {
      return SqlDialect.this.dropTable(operation, context);
    }

    @Override
    public List<Step> renameTable(RenameTable operation) {
      return SqlDialect.this.renameTable(operation, context);
    }

    @Override
    public List<Step> alterTableComment(AlterTableComment operation) {
      return SqlDialect.this.alterTableComment(operation, context);
    }

    @Override
    public List<Step> addColumn(AddColumn operation) {
      refuseWhatTheDatabaseRefuses(operation.table(), context);
      return SqlDialect.this.addColumn(operation, context);
    }

    @Override
    public List<Step> dropColumn(DropColumn operation) {
      return SqlDialect.this.dropColumn(operation, context);
    }

    @Override
    public List<Step> renameColumn(RenameColumn operation) {
      return SqlDialect.this.renameColumn(operation, context);
    }

    @Override
    public List<Step> alterColumn(AlterColumn operation) {
      refuseWhatTheDatabaseRefuses(operation.table(), context);
      return SqlDialect.this.alterColumn(operation, context);
    }

    @Override
    public List<Step> addPrimaryKey(AddPrimaryKey operation) {
      refuseWhatTheDatabaseRefuses(operation.table(), context);
      return SqlDialect.this.addPrimaryKey(operation, context);
    }

    @Override
    public List<Step> dropPrimaryKey(DropPrimaryKey operation) {
      return SqlDialect.this.dropPrimaryKey(operation, context);
    }

    @Override
    public List<Step> renamePrimaryKey(RenamePrimaryKey operation) {
      return SqlDialect.this.renamePrimaryKey(operation, context);
    }

    @Override
    public List<Step> addUnique(AddUnique operation) {
      refuseWhatTheDatabaseRefuses(operation.table(), context);
      return SqlDialect.this.addUnique(operation, context);
    }

    @Override
    public List<Step> dropUnique(DropUnique operation) {
      return SqlDialect.this.dropUnique(operation, context);
    }

    @Override
    public List<Step> addCheck(AddCheck operation) {
      refuseWhatTheDatabaseRefuses(operation.table(), context);
      return SqlDialect.this.addCheck(operation, context);
    }

    @Override
    public List<Step> dropCheck(DropCheck operation) {
      return SqlDialect.this.dropCheck(operation, context);
    }

    @Override
    public List<Step> addForeignKey(AddForeignKey operation) {
      refuseWhatTheDatabaseRefuses(operation.table(), context);
      return SqlDialect.this.addForeignKey(operation, context);
    }

    @Override
    public List<Step> dropForeignKey(DropForeignKey operation) {
      return SqlDialect.this.dropForeignKey(operation, context);
    }

    @Override
    public List<Step> validateConstraint(ValidateConstraint operation) {
      return SqlDialect.this.validateConstraint(operation, context);
    }

    @Override
    public List<Step> createIndex(CreateIndex operation) {
      refuseWhatTheDatabaseRefuses(operation.table(), context);
      return SqlDialect.this.createIndex(operation, context);
    }

    @Override
    public List<Step> dropIndex(DropIndex operation) {
      return SqlDialect.this.dropIndex(operation, context);
    }

    @Override
    public List<Step> createSequence(CreateSequence operation) {
      refuseWithoutSequences(operation);
      return SqlDialect.this.createSequence(operation);
    }

    @Override
    public List<Step> dropSequence(DropSequence operation) {
      refuseWithoutSequences(operation);
      return SqlDialect.this.dropSequence(operation, context);
    }

    @Override
    public List<Step> alterSequence(AlterSequence operation) {
      refuseWithoutSequences(operation);
      return SqlDialect.this.alterSequence(operation, context);
    }

    @Override
    public List<Step> createView(CreateView operation) {
      return SqlDialect.this.createView(operation);
    }

    @Override
    public List<Step> dropView(DropView operation) {
      return SqlDialect.this.dropView(operation, context);
    }

    @Override
    public List<Step> execute(Execute operation) {
      return SqlDialect.this.execute(operation);
    }

    @Override
    public List<Step> jdbcStep(JdbcStep operation) {
      return SqlDialect.this.jdbcStep(operation);
    }
  }
}
