package dev.retort.processor.plan;

import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.DefaultValue;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AddCheck;
import dev.retort.operation.AddForeignKey;
import dev.retort.operation.AddPrimaryKey;
import dev.retort.operation.AddUnique;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.Change;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.CreateTable;
import dev.retort.operation.Operation;
import dev.retort.operation.RenameTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the operations that hold a lock on a table that already has rows for as long as they read
 * or rewrite the whole table ({@link Finding.Risk#LOCKS_TABLE}), as PostgreSQL 15 and MariaDB 10.11
 * run what the runtime renders (the runtime's {@code TableLockTest} shows each on the databases):
 *
 * <ul>
 *   <li>{@code CREATE INDEX} takes PostgreSQL's SHARE lock, which blocks writes while the index is
 *       built; MariaDB builds it online. {@code createIndexConcurrently} blocks no writes.
 *   <li>A type change rewrites the table on PostgreSQL under ACCESS EXCLUSIVE (no reads, no writes)
 *       unless the stored form stays the same (a longer {@code varchar}, {@code varchar} to {@code
 *       text}, more digits before the point, the binary types, enum values added in place, more
 *       digits of the second of a time or timestamp); MariaDB copies it ({@code ALGORITHM=COPY}, no
 *       writes) unless it only lengthens a {@code varchar} or {@code varbinary} or adds enum values at
 *       the end (a time's or timestamp's precision, up or down, copies).
 *   <li>{@code SET NOT NULL} reads the whole table under ACCESS EXCLUSIVE on PostgreSQL, unless a
 *       validated check that the column {@code IS NOT NULL} shows it needs not (PostgreSQL 12 and
 *       later); MariaDB does it online.
 *   <li>A unique constraint or primary key builds its index under ACCESS EXCLUSIVE on PostgreSQL;
 *       MariaDB builds it online.
 *   <li>A check constraint reads the table under ACCESS EXCLUSIVE on PostgreSQL; MariaDB copies it.
 *   <li>A foreign key reads the table under SHARE ROW EXCLUSIVE on it and on the referenced table
 *       (no writes to either) on PostgreSQL; MariaDB copies the table.
 *   <li>A new identity column is filled for every row: PostgreSQL rewrites the table under ACCESS
 *       EXCLUSIVE. MariaDB refuses an {@code AUTO_INCREMENT} column outside a key, so the runtime
 *       refuses the operation; the statement that adds the column with its key rebuilds the table
 *       under a lock that blocks writes ({@code LOCK=NONE} refused). Making an existing column an
 *       identity rewrites nothing on PostgreSQL; MariaDB copies the table.
 *   <li>A new column whose default is volatile ({@code gen_random_uuid()}, {@code clock_timestamp()})
 *       gives every row its own value: PostgreSQL rewrites the table under ACCESS EXCLUSIVE, where a
 *       constant or stable default ({@code 0}, {@code CURRENT_TIMESTAMP}) is only recorded; MariaDB
 *       copies the table for some ({@code uuid()}, not {@code rand()}).
 * </ul>
 *
 * <p>A check or foreign key added not valid, like an index built concurrently, is the way out
 * that a finding names and is not found: PostgreSQL takes its lock only for a moment, and
 * {@code VALIDATE CONSTRAINT} blocks no writes. The processor generates neither; the findings
 * name them for the reviewer who edits the migration.
 *
 * <p>A table the same upgrade creates has no rows and no readers yet: nothing on it is found.
 */
final class TableLocks {

  /** A function call in a default expression: its name, without schema. */
  private static final Pattern CALL = Pattern.compile("([a-z_][a-z0-9_]*)\\s*\\(");

  /** A string literal in a default expression, whose text names no function. */
  private static final Pattern STRING = Pattern.compile("'(?:[^']|'')*'");

  /** The volatile functions that defaults call. */
  private static final Set<String> VOLATILE = Set.of("random", "gen_random_uuid", "uuid_generate_v1",
      "uuid_generate_v1mc", "uuid_generate_v4", "clock_timestamp", "timeofday", "nextval", "uuid", "uuid_short",
      "rand", "sys_guid");

  private static final String QUIET = "on a big table run it when writes can wait, with a table lock timeout";

  private TableLocks() {}

  /**
   * Checks an upgrade.
   *
   * @param upgrade the operations, in order
   * @return the findings, in operation order
   */
  static List<Finding> check(List<Operation> upgrade) {
    Set<String> created = new HashSet<>();
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < upgrade.size(); i++) {
      Operation operation = upgrade.get(i);
      if (operation instanceof CreateTable create) {
        created.add(create.table().name());
      } else if (operation instanceof RenameTable rename && created.remove(rename.from())) {
        created.add(rename.to());
      }
      finding(i, operation).filter(f -> !created.contains(f.table())).ifPresent(findings::add);
    }
    return List.copyOf(findings);
  }

  private static Optional<Finding> finding(int index, Operation operation) {
    if (operation instanceof CreateIndex create && !create.concurrently()) {
      String table = create.table();
      String what = (create.index().unique() ? "unique index " : "index ") + create.index().name() + " on " + table;
      String wayOut = create.index().unique()
          ? "; " + QUIET + " (createIndexConcurrently builds no unique index)"
          : "; on a big table use createIndexConcurrently";
      return Optional.of(lock(index, operation, table, Optional.empty(), "builds " + what
          + ", which blocks writes to " + table + " on PostgreSQL while it reads the whole table (MariaDB and MySQL"
          + " build it online)" + wayOut));
    }
    if (operation instanceof AlterColumn alter) {
      return alter(index, alter);
    }
    if (operation instanceof AddColumn add) {
      return addColumn(index, add);
    }
    if (operation instanceof AddUnique add) {
      return Optional.of(keyIndex(index, operation, add.table(), "unique constraint " + add.unique().name()));
    }
    if (operation instanceof AddPrimaryKey add) {
      return Optional.of(keyIndex(index, operation, add.table(), "primary key " + add.key().name()));
    }
    if (operation instanceof AddCheck add && !add.notValid()) {
      String name = add.check().name();
      return Optional.of(lock(index, operation, add.table(), Optional.empty(), "adds check constraint " + name
          + " to " + add.table() + ", which reads the whole table while it blocks reads and writes on PostgreSQL,"
          + " and copies the table, blocking writes, on MariaDB and MySQL; "
          + notValidWayOut("addCheckNotValid", name)));
    }
    if (operation instanceof AddForeignKey add && !add.notValid()) {
      String table = add.table();
      String name = add.foreignKey().name();
      String referenced = add.foreignKey().referencedTable();
      return Optional.of(lock(index, operation, table, Optional.empty(), "adds foreign key " + name + " to " + table
          + ", which reads the whole table to check it while it blocks writes to " + table
          + (referenced.equals(table) ? "" : " and " + referenced) + " on PostgreSQL, and copies " + table
          + ", blocking writes, on MariaDB and MySQL; " + notValidWayOut("addForeignKeyNotValid", name)));
    }
    return Optional.empty();
  }

  private static Optional<Finding> addColumn(int index, AddColumn add) {
    ColumnModel column = add.column();
    String name = add.table() + "." + column.name();
    if (column.identity()) {
      return Optional.of(lock(index, add, add.table(), Optional.of(column.name()), "adds identity column " + name
          + ", which fills it for every row: PostgreSQL rewrites the whole table while it blocks reads and writes,"
          + " and MariaDB and MySQL refuse an AUTO_INCREMENT column outside a key (the statement that adds it with"
          + " its key rebuilds the table, blocking writes); on a big table on PostgreSQL add the column without"
          + " identity, fill it in batches and make it NOT NULL, then addIdentity() in a later migration, which"
          + " rewrites nothing"));
    }
    if (column.defaultValue().orElse(null) instanceof DefaultValue.Expression expression
        && volatileDefault(expression.sql())) {
      return Optional.of(lock(index, add, add.table(), Optional.of(column.name()), "adds column " + name
          + " with the default " + expression.sql() + ", which gives every row its own value: PostgreSQL rewrites"
          + " the whole table while it blocks reads and writes, and MariaDB and MySQL copy it, blocking writes, for a"
          + " default such as uuid(); on a big table add the column without the default, fill it in batches, then"
          + " set the default"));
    }
    return Optional.empty();
  }

  /**
   * Whether a default expression calls a function that returns another value each time, which PostgreSQL then
   * evaluates for every row of the table: its volatile functions that defaults use, and MariaDB's and MySQL's.
   * A constant or stable expression ({@code CURRENT_TIMESTAMP}, {@code now()}) is evaluated once.
   */
  static boolean volatileDefault(String sql) {
    Matcher call = CALL.matcher(STRING.matcher(sql).replaceAll("''").toLowerCase(Locale.ROOT));
    while (call.find()) {
      if (VOLATILE.contains(call.group(1))) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Finding> alter(int index, AlterColumn alter) {
    String column = alter.table() + "." + alter.column();
    List<String> parts = new ArrayList<>();
    if (alter.type().isPresent()) {
      Change<ColumnType> type = alter.type().get();
      boolean rewrites = postgresRewrites(type.from(), type.to());
      boolean copies = mariaDbCopies(type.from(), type.to());
      if (rewrites || copies) {
        String how = rewrites && copies
            ? "rewrites the whole table while it blocks reads and writes on PostgreSQL, and copies it, blocking"
                + " writes, on MariaDB and MySQL"
            : rewrites
                ? "rewrites the whole table while it blocks reads and writes on PostgreSQL (MariaDB and MySQL change"
                    + " it in place)"
                : "copies the whole table, blocking writes, on MariaDB and MySQL (PostgreSQL changes it without"
                    + " a rewrite)";
        parts.add("changes the type of " + column + " from " + type.from().sql() + " to " + type.to().sql()
            + ", which " + how + "; on a big table add a new column instead, fill it in batches and move to it");
      }
    }
    if (alter.identity().isPresent() && alter.identity().get().to()) {
      parts.add("makes " + column + " an identity column, which copies the whole table, blocking writes, on MariaDB and"
          + " MySQL (PostgreSQL does it without a rewrite); " + QUIET);
    }
    if (alter.nullable().isPresent() && !alter.nullable().get().to()) {
      parts.add("makes " + column + " NOT NULL, which reads the whole table while it blocks reads and writes on"
          + " PostgreSQL (MariaDB and MySQL do it online); on a big table on PostgreSQL first add a check ("
          + alter.column() + " IS NOT NULL) with addCheckNotValid and validate it with validateConstraint, each in"
          + " a migration before this one: PostgreSQL 12 and later trust it instead of reading the table; drop it"
          + " after");
    }
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(lock(index, alter, alter.table(), Optional.of(alter.column()), String.join("; it also ", parts)));
  }

  /**
   * How to add a check or foreign key to a big table without the long lock: PostgreSQL adds it {@code NOT VALID} at
   * once and validates it later under a lock that blocks no writes; the other databases have no such way.
   */
  private static String notValidWayOut(String call, String name) {
    return "on a big table on PostgreSQL add it with " + call + " and check the rows already there with"
        + " validateConstraint(\"" + name + "\") in a later migration, which blocks no writes; on MariaDB and MySQL"
        + " run it when writes can wait, with a table lock timeout";
  }

  private static Finding keyIndex(int index, Operation operation, String table, String what) {
    return lock(index, operation, table, Optional.empty(), "adds " + what + " to " + table + ", which builds its"
        + " index while it blocks reads and writes on PostgreSQL (MariaDB and MySQL build it online); " + QUIET);
  }

  private static Finding lock(int index, Operation operation, String table, Optional<String> column, String text) {
    return new Finding(index, operation, Finding.Risk.LOCKS_TABLE, table, column, text);
  }

  /**
   * Whether PostgreSQL rewrites the table to change a column from one type to the other: unless the
   * stored values stay as they are (binary coercible, and a length or precision that only grows,
   * including a time's or timestamp's digits of the second).
   */
  static boolean postgresRewrites(ColumnType from, ColumnType to) {
    if (from instanceof ColumnType.Varchar f) {
      return !(to == ColumnType.Scalar.TEXT || to instanceof ColumnType.Varchar t && t.length() >= f.length());
    }
    if (from instanceof ColumnType.Decimal f && to instanceof ColumnType.Decimal t) {
      return t.scale() != f.scale() || t.precision() < f.precision();
    }
    if (bytea(from) && bytea(to)) {
      return false;
    }
    if (ColumnType.Temporal.isTime(from) && ColumnType.Temporal.kindOf(from) == ColumnType.Temporal.kindOf(to)) {
      // More digits of the second keep every stored value; fewer round them all.
      return ColumnType.Temporal.precisionOf(to) < ColumnType.Temporal.precisionOf(from);
    }
    if (from instanceof ColumnType.Enumerated f && to instanceof ColumnType.Enumerated t && f.name().equals(t.name())) {
      // Values added with the old ones in their order are added to the type in place; any other change
      // recreates the type and converts the column.
      return !t.values().stream().filter(f.values()::contains).toList().equals(f.values());
    }
    return true;
  }

  /**
   * Whether MariaDB copies the table to change a column from one type to the other ({@code
   * ALGORITHM=INPLACE} refused): unless it lengthens a {@code varchar} or {@code varbinary} or adds
   * enum values at the end.
   */
  static boolean mariaDbCopies(ColumnType from, ColumnType to) {
    if (from instanceof ColumnType.Varchar f && to instanceof ColumnType.Varchar t) {
      return t.length() < f.length();
    }
    if (from instanceof ColumnType.Varbinary f && to instanceof ColumnType.Varbinary t) {
      return t.length() < f.length();
    }
    if (from instanceof ColumnType.Enumerated f && to instanceof ColumnType.Enumerated t) {
      return !(t.values().size() >= f.values().size() && t.values().subList(0, f.values().size()).equals(f.values()));
    }
    return true;
  }

  /** The types PostgreSQL stores as {@code bytea}. */
  private static boolean bytea(ColumnType type) {
    return type instanceof ColumnType.Binary || type instanceof ColumnType.Varbinary || type == ColumnType.Scalar.BLOB;
  }
}
