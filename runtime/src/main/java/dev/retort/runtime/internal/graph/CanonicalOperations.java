package dev.retort.runtime.internal.graph;

import dev.retort.ReferentialAction;
import dev.retort.model.CheckModel;
import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.DefaultValue;
import dev.retort.model.ForeignKeyModel;
import dev.retort.model.IndexModel;
import dev.retort.model.PrimaryKeyModel;
import dev.retort.model.SequenceModel;
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
import dev.retort.operation.Change;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.CreateSequence;
import dev.retort.operation.CreateTable;
import dev.retort.operation.CreateView;
import dev.retort.operation.DropCheck;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropForeignKey;
import dev.retort.operation.DropIndex;
import dev.retort.operation.DropSequence;
import dev.retort.operation.DropPrimaryKey;
import dev.retort.operation.DropTable;
import dev.retort.operation.DropUnique;
import dev.retort.operation.DropView;
import dev.retort.operation.Execute;
import dev.retort.operation.JdbcStep;
import dev.retort.operation.Operation;
import dev.retort.operation.RenameColumn;
import dev.retort.operation.RenamePrimaryKey;
import dev.retort.operation.RenameTable;
import dev.retort.operation.ValidateConstraint;
import dev.retort.operation.Vendor;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical text of a migration's operations, which {@link Checksums} hashes. Every
 * recorded checksum depends on this text, so it is written here field by field rather than
 * taken from the records' {@code toString} (whose format the JDK does not specify, and which
 * changes whenever a record or a nested type does), and it changes only together with
 * {@link #FORMAT}.
 *
 * <p>The text is unambiguous: two different migrations never have the same text. Every value
 * is written so that where it ends can be told without looking further:
 *
 * <ul>
 *   <li>a string is its length in UTF-16 code units, a colon and the string itself
 *       ({@code 5:users}), so no character inside it can be taken for structure;
 *   <li>a list is its size, then its items in brackets separated by spaces
 *       ({@code 2[2:id 4:name]});
 *   <li>an optional value is {@code -} when absent and {@code +} followed by the value when
 *       present; a change is its old value, {@code >} and its new value;
 *   <li>booleans are {@code true} and {@code false}, numbers decimal digits;
 *   <li>an enum constant is a fixed lower-case word chosen here, never its Java name, so
 *       renaming or reordering constants changes nothing;
 *   <li>a record is a fixed name and its fields in a fixed order in parentheses, separated by
 *       spaces: {@code Column(5:phone varchar(20) true - false -)};
 *   <li>a flag that an operation gained after its text was fixed is a word written after its
 *       other fields only when the flag is set ({@code AddCheck(5:users Check(…) not_valid)}), so
 *       that the text of every operation without it, and the checksum of every migration already
 *       applied, stays as it was.
 * </ul>
 *
 * <p>Every field that determines what an operation does is written, including every nested
 * model value, with one exception: a {@link JdbcStep} counts by its description only, because
 * its code cannot be hashed. The whole text is:
 *
 * <pre>
 * retort-checksum-2
 * upgrade N
 * one operation per line, N lines
 * downgrade N          (or "irreversible" when the migration cannot be undone)
 * one operation per line, N lines
 * </pre>
 *
 * <p>The code uses no reflection, streams, lambdas, regular expressions or formatting: it runs
 * for every applied migration at application start, while the JVM is still cold.
 * {@code CanonicalOperationsTest} changes every component of every operation and nested
 * record, found by reflection, and fails when a component is added that this class does not
 * write.
 */
final class CanonicalOperations implements Operation.Visitor<Void> {

  /**
   * Names this encoding. It is the first line of every text, so changing the encoding without
   * changing it is a bug; changing it makes every recorded checksum differ.
   */
  static final String FORMAT = "retort-checksum-2";

  /** The order in which {@link Execute#perVendor()} entries are written, independent of the enum's. */
  private static final Vendor[] VENDOR_ORDER = {
    Vendor.H2, Vendor.SQLITE, Vendor.POSTGRESQL, Vendor.MYSQL, Vendor.MARIADB
  };

  private final StringBuilder out;

  private CanonicalOperations(StringBuilder out) {
    this.out = out;
  }

  /**
   * The canonical text of a migration.
   *
   * @param upgrade the upgrade operations
   * @param downgrade the downgrade operations, or empty if the migration cannot be undone
   * @return the text, ending with a line end
   */
  static String of(List<Operation> upgrade, Optional<List<Operation>> downgrade) {
    StringBuilder out = new StringBuilder(128 * (2 + upgrade.size()));
    CanonicalOperations writer = new CanonicalOperations(out);
    out.append(FORMAT).append('\n');
    out.append("upgrade ").append(upgrade.size()).append('\n');
    writer.lines(upgrade);
    if (downgrade.isPresent()) {
      List<Operation> operations = downgrade.get();
      out.append("downgrade ").append(operations.size()).append('\n');
      writer.lines(operations);
    } else {
      out.append("irreversible\n");
    }
    return out.toString();
  }

  private void lines(List<Operation> operations) {
    for (int i = 0; i < operations.size(); i++) {
      operations.get(i).accept(this);
      out.append('\n');
    }
  }

  // Operations, one per visitor method: a new kind of operation fails to compile here.

  @Override
  public Void createTable(CreateTable operation) {
    out.append("CreateTable(");
    table(operation.table());
    out.append(')');
    return null;
  }

  @Override
  public Void dropTable(DropTable operation) {
    out.append("DropTable(");
    string(operation.table());
    out.append(')');
    return null;
  }

  @Override
  public Void renameTable(RenameTable operation) {
    out.append("RenameTable(");
    string(operation.from());
    out.append(' ');
    string(operation.to());
    out.append(')');
    return null;
  }

  @Override
  public Void alterTableComment(AlterTableComment operation) {
    out.append("AlterTableComment(");
    string(operation.table());
    out.append(' ');
    Change<Optional<String>> comment = operation.comment();
    optionalString(comment.from());
    out.append('>');
    optionalString(comment.to());
    out.append(')');
    return null;
  }

  @Override
  public Void addColumn(AddColumn operation) {
    out.append("AddColumn(");
    string(operation.table());
    out.append(' ');
    column(operation.column());
    out.append(')');
    return null;
  }

  @Override
  public Void dropColumn(DropColumn operation) {
    out.append("DropColumn(");
    string(operation.table());
    out.append(' ');
    string(operation.column());
    out.append(')');
    return null;
  }

  @Override
  public Void renameColumn(RenameColumn operation) {
    out.append("RenameColumn(");
    string(operation.table());
    out.append(' ');
    string(operation.from());
    out.append(' ');
    string(operation.to());
    out.append(')');
    return null;
  }

  @Override
  public Void alterColumn(AlterColumn operation) {
    out.append("AlterColumn(");
    string(operation.table());
    out.append(' ');
    string(operation.column());
    out.append(' ');
    Optional<Change<ColumnType>> type = operation.type();
    if (type.isPresent()) {
      out.append('+');
      type(type.get().from());
      out.append('>');
      type(type.get().to());
    } else {
      out.append('-');
    }
    out.append(' ');
    booleanChange(operation.nullable());
    out.append(' ');
    Optional<Change<Optional<DefaultValue>>> defaultValue = operation.defaultValue();
    if (defaultValue.isPresent()) {
      out.append('+');
      optionalDefault(defaultValue.get().from());
      out.append('>');
      optionalDefault(defaultValue.get().to());
    } else {
      out.append('-');
    }
    out.append(' ');
    Optional<Change<Optional<String>>> comment = operation.comment();
    if (comment.isPresent()) {
      out.append('+');
      optionalString(comment.get().from());
      out.append('>');
      optionalString(comment.get().to());
    } else {
      out.append('-');
    }
    out.append(' ');
    booleanChange(operation.identity());
    out.append(')');
    return null;
  }

  @Override
  public Void addPrimaryKey(AddPrimaryKey operation) {
    out.append("AddPrimaryKey(");
    string(operation.table());
    out.append(' ');
    primaryKey(operation.key());
    out.append(')');
    return null;
  }

  @Override
  public Void dropPrimaryKey(DropPrimaryKey operation) {
    out.append("DropPrimaryKey(");
    string(operation.table());
    out.append(' ');
    string(operation.name());
    out.append(')');
    return null;
  }

  @Override
  public Void renamePrimaryKey(RenamePrimaryKey operation) {
    out.append("RenamePrimaryKey(");
    string(operation.table());
    out.append(' ');
    string(operation.from());
    out.append(' ');
    string(operation.to());
    out.append(')');
    return null;
  }

  @Override
  public Void addUnique(AddUnique operation) {
    out.append("AddUnique(");
    string(operation.table());
    out.append(' ');
    unique(operation.unique());
    out.append(')');
    return null;
  }

  @Override
  public Void dropUnique(DropUnique operation) {
    out.append("DropUnique(");
    string(operation.table());
    out.append(' ');
    string(operation.name());
    out.append(')');
    return null;
  }

  @Override
  public Void addCheck(AddCheck operation) {
    out.append("AddCheck(");
    string(operation.table());
    out.append(' ');
    check(operation.check());
    notValid(operation.notValid());
    out.append(')');
    return null;
  }

  @Override
  public Void dropCheck(DropCheck operation) {
    out.append("DropCheck(");
    string(operation.table());
    out.append(' ');
    string(operation.name());
    out.append(')');
    return null;
  }

  @Override
  public Void addForeignKey(AddForeignKey operation) {
    out.append("AddForeignKey(");
    string(operation.table());
    out.append(' ');
    foreignKey(operation.foreignKey());
    notValid(operation.notValid());
    out.append(')');
    return null;
  }

  @Override
  public Void dropForeignKey(DropForeignKey operation) {
    out.append("DropForeignKey(");
    string(operation.table());
    out.append(' ');
    string(operation.name());
    out.append(')');
    return null;
  }

  @Override
  public Void validateConstraint(ValidateConstraint operation) {
    out.append("ValidateConstraint(");
    string(operation.table());
    out.append(' ');
    string(operation.name());
    out.append(')');
    return null;
  }

  @Override
  public Void createIndex(CreateIndex operation) {
    out.append("CreateIndex(");
    string(operation.table());
    out.append(' ');
    index(operation.index());
    out.append(' ');
    bool(operation.concurrently());
    out.append(')');
    return null;
  }

  @Override
  public Void dropIndex(DropIndex operation) {
    out.append("DropIndex(");
    string(operation.table());
    out.append(' ');
    string(operation.name());
    out.append(' ');
    bool(operation.concurrently());
    out.append(')');
    return null;
  }

  @Override
  public Void createSequence(CreateSequence operation) {
    out.append("CreateSequence(");
    sequence(operation.sequence());
    out.append(')');
    return null;
  }

  @Override
  public Void dropSequence(DropSequence operation) {
    out.append("DropSequence(");
    string(operation.name());
    out.append(')');
    return null;
  }

  @Override
  public Void alterSequence(AlterSequence operation) {
    out.append("AlterSequence(");
    string(operation.name());
    out.append(' ');
    longChange(operation.start());
    out.append(' ');
    longChange(operation.increment());
    out.append(')');
    return null;
  }

  @Override
  public Void createView(CreateView operation) {
    out.append("CreateView(");
    string(operation.view().name());
    out.append(' ');
    string(operation.view().schema());
    out.append(' ');
    string(operation.view().query());
    out.append(')');
    return null;
  }

  @Override
  public Void dropView(DropView operation) {
    out.append("DropView(");
    string(operation.name());
    out.append(')');
    return null;
  }

  @Override
  public Void execute(Execute operation) {
    out.append("Execute(");
    optionalString(operation.sql());
    out.append(' ');
    Map<Vendor, String> perVendor = operation.perVendor();
    out.append(perVendor.size()).append('[');
    int written = 0;
    for (Vendor vendor : VENDOR_ORDER) {
      String sql = perVendor.get(vendor);
      if (sql != null) {
        if (written > 0) {
          out.append(' ');
        }
        out.append(vendor(vendor)).append('=');
        string(sql);
        written++;
      }
    }
    if (written != perVendor.size()) {
      throw new IllegalStateException("Execute has SQL for a vendor missing from CanonicalOperations.VENDOR_ORDER: "
          + perVendor.keySet() + ". Add it there; the checksum of this migration would leave its SQL out.");
    }
    out.append("])");
    return null;
  }

  @Override
  public Void jdbcStep(JdbcStep operation) {
    out.append("JdbcStep(");
    string(operation.description());
    out.append(')');
    return null;
  }

  // The model.

  private void table(TableModel table) {
    out.append("Table(");
    string(table.name());
    out.append(' ');
    string(table.schema());
    out.append(' ');
    List<ColumnModel> columns = table.columns();
    out.append(columns.size()).append('[');
    for (int i = 0; i < columns.size(); i++) {
      separate(i);
      column(columns.get(i));
    }
    out.append("] ");
    Optional<PrimaryKeyModel> primaryKey = table.primaryKey();
    if (primaryKey.isPresent()) {
      out.append('+');
      primaryKey(primaryKey.get());
    } else {
      out.append('-');
    }
    out.append(' ');
    List<UniqueModel> uniques = table.uniques();
    out.append(uniques.size()).append('[');
    for (int i = 0; i < uniques.size(); i++) {
      separate(i);
      unique(uniques.get(i));
    }
    out.append("] ");
    List<IndexModel> indexes = table.indexes();
    out.append(indexes.size()).append('[');
    for (int i = 0; i < indexes.size(); i++) {
      separate(i);
      index(indexes.get(i));
    }
    out.append("] ");
    List<ForeignKeyModel> foreignKeys = table.foreignKeys();
    out.append(foreignKeys.size()).append('[');
    for (int i = 0; i < foreignKeys.size(); i++) {
      separate(i);
      foreignKey(foreignKeys.get(i));
    }
    out.append("] ");
    List<CheckModel> checks = table.checks();
    out.append(checks.size()).append('[');
    for (int i = 0; i < checks.size(); i++) {
      separate(i);
      check(checks.get(i));
    }
    out.append("] ");
    optionalString(table.comment());
    out.append(')');
  }

  private void column(ColumnModel column) {
    out.append("Column(");
    string(column.name());
    out.append(' ');
    type(column.type());
    out.append(' ');
    bool(column.nullable());
    out.append(' ');
    optionalDefault(column.defaultValue());
    out.append(' ');
    bool(column.identity());
    out.append(' ');
    optionalString(column.comment());
    out.append(')');
  }

  /** A type is a word, followed by its parameters in parentheses if it has any. */
  private void type(ColumnType type) {
    if (type instanceof ColumnType.Scalar scalar) {
      out.append(scalar(scalar));
    } else if (type instanceof ColumnType.Decimal decimal) {
      out.append("decimal(").append(decimal.precision()).append(' ').append(decimal.scale()).append(')');
    } else if (type instanceof ColumnType.Char fixed) {
      out.append("char(").append(fixed.length()).append(')');
    } else if (type instanceof ColumnType.Varchar varchar) {
      out.append("varchar(").append(varchar.length()).append(')');
    } else if (type instanceof ColumnType.Binary binary) {
      out.append("binary(").append(binary.length()).append(')');
    } else if (type instanceof ColumnType.Varbinary varbinary) {
      out.append("varbinary(").append(varbinary.length()).append(')');
    } else if (type instanceof ColumnType.Temporal temporal) {
      out.append(scalar(temporal.kind())).append('(').append(temporal.precision()).append(')');
    } else if (type instanceof ColumnType.Enumerated enumerated) {
      out.append("enum(");
      string(enumerated.name());
      out.append(' ');
      strings(enumerated.values());
      out.append(')');
    } else {
      throw new IllegalStateException("CanonicalOperations has no canonical text for the column type "
          + type.getClass().getName() + "; add it to CanonicalOperations.type");
    }
  }

  private static String scalar(ColumnType.Scalar scalar) {
    return switch (scalar) {
      case SMALLINT -> "smallint";
      case INTEGER -> "integer";
      case BIGINT -> "bigint";
      case BOOLEAN -> "boolean";
      case REAL -> "real";
      case DOUBLE -> "double";
      case TEXT -> "text";
      case DATE -> "date";
      case TIME -> "time";
      case TIMESTAMP -> "timestamp";
      case TIMESTAMP_TZ -> "timestamp_tz";
      case UUID -> "uuid";
      case BLOB -> "blob";
      case JSON -> "json";
    };
  }

  private void optionalDefault(Optional<DefaultValue> defaultValue) {
    if (defaultValue.isEmpty()) {
      out.append('-');
      return;
    }
    out.append('+');
    DefaultValue value = defaultValue.get();
    if (value instanceof DefaultValue.Literal literal) {
      out.append("literal(");
      string(literal.value());
    } else if (value instanceof DefaultValue.Expression expression) {
      out.append("expression(");
      string(expression.sql());
    } else {
      throw new IllegalStateException("CanonicalOperations has no canonical text for the default "
          + value.getClass().getName() + "; add it to CanonicalOperations.optionalDefault");
    }
    out.append(')');
  }

  private void primaryKey(PrimaryKeyModel key) {
    out.append("PrimaryKey(");
    string(key.name());
    out.append(' ');
    strings(key.columns());
    out.append(')');
  }

  private void unique(UniqueModel unique) {
    out.append("Unique(");
    string(unique.name());
    out.append(' ');
    strings(unique.columns());
    out.append(')');
  }

  private void index(IndexModel index) {
    out.append("Index(");
    string(index.name());
    out.append(' ');
    strings(index.columns());
    out.append(' ');
    bool(index.unique());
    out.append(')');
  }

  private void foreignKey(ForeignKeyModel key) {
    out.append("ForeignKey(");
    string(key.name());
    out.append(' ');
    strings(key.columns());
    out.append(' ');
    string(key.referencedTable());
    out.append(' ');
    strings(key.referencedColumns());
    out.append(' ');
    out.append(action(key.onDelete()));
    out.append(' ');
    out.append(action(key.onUpdate()));
    out.append(')');
  }

  private static String action(ReferentialAction action) {
    return switch (action) {
      case NO_ACTION -> "no_action";
      case RESTRICT -> "restrict";
      case CASCADE -> "cascade";
      case SET_NULL -> "set_null";
      case SET_DEFAULT -> "set_default";
    };
  }

  private void check(CheckModel check) {
    out.append("Check(");
    string(check.name());
    out.append(' ');
    string(check.expression());
    out.append(')');
  }

  private void sequence(SequenceModel sequence) {
    out.append("Sequence(");
    string(sequence.name());
    out.append(' ');
    string(sequence.schema());
    out.append(' ').append(sequence.start()).append(' ').append(sequence.increment()).append(')');
  }

  private static String vendor(Vendor vendor) {
    return switch (vendor) {
      case H2 -> "h2";
      case SQLITE -> "sqlite";
      case POSTGRESQL -> "postgresql";
      case MYSQL -> "mysql";
      case MARIADB -> "mariadb";
    };
  }

  // Values.

  private void string(String value) {
    out.append(value.length()).append(':').append(value);
  }

  private void optionalString(Optional<String> value) {
    if (value.isPresent()) {
      out.append('+');
      string(value.get());
    } else {
      out.append('-');
    }
  }

  private void strings(List<String> values) {
    out.append(values.size()).append('[');
    for (int i = 0; i < values.size(); i++) {
      separate(i);
      string(values.get(i));
    }
    out.append(']');
  }

  /** The flag of a constraint added not valid, which operations written before it have not. */
  private void notValid(boolean notValid) {
    if (notValid) {
      out.append(" not_valid");
    }
  }

  private void bool(boolean value) {
    out.append(value ? "true" : "false");
  }

  private void booleanChange(Optional<Change<Boolean>> change) {
    if (change.isPresent()) {
      out.append('+');
      bool(change.get().from());
      out.append('>');
      bool(change.get().to());
    } else {
      out.append('-');
    }
  }

  private void longChange(Optional<Change<Long>> change) {
    if (change.isPresent()) {
      out.append('+').append(change.get().from().longValue()).append('>').append(change.get().to().longValue());
    } else {
      out.append('-');
    }
  }

  private void separate(int index) {
    if (index > 0) {
      out.append(' ');
    }
  }
}
