package dev.retort.model;

import dev.retort.model.WorkingSchema.Checking;
import dev.retort.model.WorkingSchema.Edit;
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
import dev.retort.operation.DropPrimaryKey;
import dev.retort.operation.DropSequence;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Computes the schema after a list of operations. Every misfit is a {@link SchemaException} whose
 * message starts with the operation ("cannot drop column users.email: ...") and names the
 * object it conflicts with.
 *
 * <p>It is strict on purpose: it refuses what a database would refuse (dropping a table that
 * a foreign key still references, a column that an index or a check still uses) and an alteration
 * whose "from" values are not the schema's, so that an operation list which applies here
 * also runs in that order on a database.
 *
 * <p>Each visit checks what the operation itself requires and returns the tables it changes as
 * an {@link Edit}; {@link WorkingSchema} makes the change and checks what spans tables.
 */
final class Applier implements Operation.Visitor<Edit> {

  private final WorkingSchema schema;

  /**
   * Creates an applier that makes its changes to a working schema.
   *
   * @param schema the schema each operation changes
   */
  Applier(WorkingSchema schema) {
    this.schema = schema;
  }

  /**
   * Applies the operations in order.
   *
   * @return the schema after them; {@code schema} itself if none changes the model
   * @throws SchemaException at the first operation that does not fit
   */
  static SchemaModel apply(SchemaModel schema, List<? extends Operation> operations) {
    // For one operation, validating the result as a whole is no more work than checking the change.
    Checking checking = operations.size() == 1 ? Checking.AT_END : Checking.EACH_CHANGE;
    WorkingSchema working = new WorkingSchema(schema, checking);
    Applier applier = new Applier(working);
    for (Operation operation : operations) {
      applier.apply(operation);
    }
    if (checking == Checking.EACH_CHANGE) {
      return working.toModel();
    }
    try {
      return working.toModel();
    } catch (SchemaException e) {
      throw misfit(operations.get(0), e.getMessage());
    }
  }

  /**
   * Changes the working schema by one operation.
   *
   * @throws SchemaException if the operation does not fit, naming it
   */
  void apply(Operation operation) {
    Objects.requireNonNull(operation, "operation == null");
    Edit edit = operation.accept(this);
    try {
      schema.change(edit);
    } catch (SchemaException | IllegalArgumentException e) {
      throw misfit(operation, e.getMessage());
    }
  }

  @Override
  public Edit createTable(CreateTable op) {
    String name = op.table().name();
    if (schema.table(name).isPresent()) {
      throw misfit(op, "table " + name + " already exists");
    }
    return Edit.create(op.table());
  }

  @Override
  public Edit dropTable(DropTable op) {
    TableModel table = table(op, op.table());
    for (TableModel other : schema.referencing(table.name())) {
      if (other.name().equals(table.name())) {
        continue;
      }
      for (ForeignKeyModel key : other.foreignKeys()) {
        if (key.referencedTable().equals(table.name())) {
          throw misfit(op, "foreign key " + key.name() + " on " + other.name() + " references it; drop that key first");
        }
      }
    }
    return Edit.remove(table.name());
  }

  @Override
  public Edit renameTable(RenameTable op) {
    TableModel table = table(op, op.from());
    if (schema.table(op.to()).isPresent()) {
      throw misfit(op, "there is already a table " + op.to());
    }
    UnaryOperator<ForeignKeyModel> retarget = key -> key.referencedTable().equals(op.from())
        ? key.withReferencedTable(op.to()) : key;
    Map<String, TableModel> tables = new HashMap<>();
    tables.put(table.name(), retarget(op, build(op, table.toBuilder().name(op.to())), retarget));
    for (TableModel other : schema.referencing(table.name())) {
      tables.putIfAbsent(other.name(), retarget(op, other, retarget));
    }
    return Edit.replace(tables);
  }

  @Override
  public Edit alterTableComment(AlterTableComment op) {
    TableModel table = table(op, op.table());
    expect(op, "comment of table " + table.name(), table.comment(), op.comment());
    return Edit.replace(table.name(), build(op, table.toBuilder().comment(op.comment().to())));
  }

  @Override
  public Edit addColumn(AddColumn op) {
    TableModel table = table(op, op.table());
    if (table.column(op.column().name()).isPresent()) {
      throw misfit(op, "table " + table.name() + " already has a column " + op.column().name());
    }
    return Edit.replace(table.name(), build(op, table.toBuilder().column(op.column())));
  }

  @Override
  public Edit dropColumn(DropColumn op) {
    TableModel table = table(op, op.table());
    String column = op.column();
    if (table.column(column).isEmpty()) {
      throw misfit(op, "table " + table.name() + " has no column " + column);
    }
    table.primaryKey().filter(k -> k.columns().contains(column)).ifPresent(k -> {
      throw misfit(op, "primary key " + k.name() + " uses the column; drop the key first");
    });
    for (UniqueModel unique : table.uniques()) {
      if (unique.columns().contains(column)) {
        throw misfit(op, "unique constraint " + unique.name() + " uses the column; drop the constraint first");
      }
    }
    for (IndexModel index : table.indexes()) {
      if (index.columns().contains(column)) {
        throw misfit(op, "index " + index.name() + " uses the column; drop the index first");
      }
    }
    for (ForeignKeyModel key : table.foreignKeys()) {
      if (key.columns().contains(column)) {
        throw misfit(op, "foreign key " + key.name() + " uses the column; drop the key first");
      }
    }
    for (CheckModel check : table.checks()) {
      if (check.usesColumn(column)) {
        throw misfit(op, "check constraint " + check.name() + " uses the column; drop the check first");
      }
    }
    for (TableModel other : schema.referencing(table.name())) {
      for (ForeignKeyModel key : other.foreignKeys()) {
        if (key.referencedTable().equals(table.name()) && key.referencedColumns().contains(column)) {
          throw misfit(op, "foreign key " + key.name() + " on " + other.name() + " references the column;"
              + " drop that key first");
        }
      }
    }
    if (table.columns().size() == 1) {
      throw misfit(op, "it is the last column of table " + table.name() + "; drop the table instead");
    }
    TableModel.Builder builder = table.toBuilder();
    builder.columns().removeIf(c -> c.name().equals(column));
    return Edit.replace(table.name(), build(op, builder));
  }

  @Override
  public Edit renameColumn(RenameColumn op) {
    TableModel table = table(op, op.table());
    if (table.column(op.from()).isEmpty()) {
      throw misfit(op, "table " + table.name() + " has no column " + op.from());
    }
    if (table.column(op.to()).isPresent()) {
      throw misfit(op, "table " + table.name() + " already has a column " + op.to());
    }
    UnaryOperator<List<String>> rename = columns -> columns.stream()
        .map(c -> c.equals(op.from()) ? op.to() : c)
        .toList();
    TableModel.Builder builder = table.toBuilder();
    builder.columns().replaceAll(c -> c.name().equals(op.from()) ? c.withName(op.to()) : c);
    builder.primaryKey(table.primaryKey().map(k -> new PrimaryKeyModel(k.name(), rename.apply(k.columns()))));
    builder.uniques().replaceAll(u -> new UniqueModel(u.name(), rename.apply(u.columns())));
    builder.indexes().replaceAll(i -> new IndexModel(i.name(), rename.apply(i.columns()), i.unique()));
    builder.foreignKeys().replaceAll(k -> new ForeignKeyModel(
        k.name(), rename.apply(k.columns()), k.referencedTable(), k.referencedColumns(), k.onDelete(), k.onUpdate()));
    builder.checks().replaceAll(c -> c.withColumnRenamed(op.from(), op.to()));
    TableModel renamed = build(op, builder);
    UnaryOperator<ForeignKeyModel> retarget = key -> key.referencedTable().equals(table.name())
        ? new ForeignKeyModel(key.name(), key.columns(), key.referencedTable(),
            rename.apply(key.referencedColumns()), key.onDelete(), key.onUpdate())
        : key;
    Map<String, TableModel> tables = new HashMap<>();
    tables.put(table.name(), retarget(op, renamed, retarget));
    for (TableModel other : schema.referencing(table.name())) {
      tables.putIfAbsent(other.name(), retarget(op, other, retarget));
    }
    return Edit.replace(tables);
  }

  @Override
  public Edit alterColumn(AlterColumn op) {
    TableModel table = table(op, op.table());
    ColumnModel column = table.column(op.column())
        .orElseThrow(() -> misfit(op, "table " + table.name() + " has no column " + op.column()));
    String where = "column " + table.name() + "." + column.name();
    ColumnType type = changed(op, "type of " + where, column.type(), op.type());
    boolean nullable = changed(op, "nullability of " + where, column.nullable(), op.nullable());
    Optional<DefaultValue> defaultValue = changed(op, "default of " + where, column.defaultValue(), op.defaultValue());
    Optional<String> comment = changed(op, "comment of " + where, column.comment(), op.comment());
    boolean identity = changed(op, "identity of " + where, column.identity(), op.identity());
    ColumnModel altered;
    try {
      altered = new ColumnModel(column.name(), type, nullable, defaultValue, identity, comment);
    } catch (IllegalArgumentException e) {
      throw misfit(op, e.getMessage());
    }
    TableModel.Builder builder = table.toBuilder();
    builder.columns().replaceAll(c -> c.name().equals(column.name()) ? altered : c);
    return Edit.replace(table.name(), build(op, builder));
  }

  @Override
  public Edit addPrimaryKey(AddPrimaryKey op) {
    TableModel table = table(op, op.table());
    if (table.primaryKey().isPresent()) {
      throw misfit(op, "table " + table.name() + " already has primary key " + table.primaryKey().get().name());
    }
    return added(op, table, op.key().name(), b -> b.primaryKey(Optional.of(op.key())));
  }

  @Override
  public Edit dropPrimaryKey(DropPrimaryKey op) {
    TableModel table = table(op, op.table());
    if (table.primaryKey().isEmpty() || !table.primaryKey().get().name().equals(op.name())) {
      throw misfit(op, "table " + table.name() + " has no primary key named " + op.name());
    }
    TableModel without = build(op, table.toBuilder().primaryKey(Optional.empty()));
    requireNotReferenced(op, table.primaryKey().get().columns(), without);
    return Edit.replace(table.name(), without);
  }

  @Override
  public Edit renamePrimaryKey(RenamePrimaryKey op) {
    TableModel table = table(op, op.table());
    if (table.primaryKey().isEmpty() || !table.primaryKey().get().name().equals(op.from())) {
      throw misfit(op, "table " + table.name() + " has no primary key named " + op.from());
    }
    if (table.objectNames().contains(op.to())) {
      throw misfit(op, "table " + table.name() + " already has a constraint or index named " + op.to());
    }
    PrimaryKeyModel renamed = new PrimaryKeyModel(op.to(), table.primaryKey().get().columns());
    return Edit.replace(table.name(), build(op, table.toBuilder().primaryKey(Optional.of(renamed))));
  }

  @Override
  public Edit addUnique(AddUnique op) {
    TableModel table = table(op, op.table());
    return added(op, table, op.unique().name(), b -> b.uniques().add(op.unique()));
  }

  @Override
  public Edit dropUnique(DropUnique op) {
    return removed(op, op.table(), "unique constraint", op.name(), b -> b.uniques(), UniqueModel::name,
        UniqueModel::columns);
  }

  @Override
  public Edit addCheck(AddCheck op) {
    TableModel table = table(op, op.table());
    return added(op, table, op.check().name(), b -> b.checks().add(op.check()));
  }

  @Override
  public Edit dropCheck(DropCheck op) {
    return removed(op, op.table(), "check constraint", op.name(), b -> b.checks(), CheckModel::name, c -> List.of());
  }

  @Override
  public Edit addForeignKey(AddForeignKey op) {
    TableModel table = table(op, op.table());
    return added(op, table, op.foreignKey().name(), b -> b.foreignKeys().add(op.foreignKey()));
  }

  @Override
  public Edit dropForeignKey(DropForeignKey op) {
    return removed(op, op.table(), "foreign key", op.name(), b -> b.foreignKeys(), ForeignKeyModel::name,
        k -> List.of());
  }

  /** Changes nothing in the model, which has no unvalidated constraints; the constraint must be there to validate. */
  @Override
  public Edit validateConstraint(ValidateConstraint op) {
    TableModel table = table(op, op.table());
    String name = op.name();
    boolean validatable = table.foreignKeys().stream().anyMatch(k -> k.name().equals(name))
        || table.checks().stream().anyMatch(c -> c.name().equals(name));
    if (validatable) {
      return Edit.NONE;
    }
    if (table.objectNames().contains(name)) {
      throw misfit(op, name + " of table " + table.name() + " is neither a foreign key nor a check constraint;"
          + " only those two are added not valid and validated");
    }
    throw misfit(op, "table " + table.name() + " has no foreign key or check constraint named " + name);
  }

  @Override
  public Edit createIndex(CreateIndex op) {
    TableModel table = table(op, op.table());
    return added(op, table, op.index().name(), b -> b.indexes().add(op.index()));
  }

  @Override
  public Edit dropIndex(DropIndex op) {
    return removed(op, op.table(), "index", op.name(), b -> b.indexes(), IndexModel::name,
        i -> i.unique() ? i.columns() : List.of());
  }

  @Override
  public Edit createSequence(CreateSequence op) {
    String name = op.sequence().name();
    if (schema.sequence(name).isPresent()) {
      throw misfit(op, "sequence " + name + " already exists");
    }
    return Edit.sequence(op.sequence());
  }

  @Override
  public Edit dropSequence(DropSequence op) {
    return Edit.removeSequence(sequence(op, op.name()).name());
  }

  @Override
  public Edit alterSequence(AlterSequence op) {
    SequenceModel sequence = sequence(op, op.name());
    long start = changed(op, "start of sequence " + sequence.name(), sequence.start(), op.start());
    long increment = changed(op, "increment of sequence " + sequence.name(), sequence.increment(), op.increment());
    try {
      return Edit.sequence(new SequenceModel(sequence.name(), sequence.schema(), start, increment));
    } catch (IllegalArgumentException e) {
      throw misfit(op, e.getMessage());
    }
  }

  @Override
  public Edit createView(CreateView op) {
    String name = op.view().name();
    if (schema.view(name).isPresent()) {
      throw misfit(op, "view " + name + " already exists");
    }
    return Edit.view(op.view());
  }

  @Override
  public Edit dropView(DropView op) {
    if (schema.view(op.name()).isEmpty()) {
      throw misfit(op, "there is no view " + op.name());
    }
    return Edit.removeView(op.name());
  }

  @Override
  public Edit execute(Execute op) {
    return Edit.NONE;
  }

  @Override
  public Edit jdbcStep(JdbcStep op) {
    return Edit.NONE;
  }

  /** Adds a constraint or index; its name must be new to the table (the schema checks the rest of the schema). */
  private Edit added(Operation op, TableModel table, String name, Consumer<TableModel.Builder> change) {
    if (table.objectNames().contains(name)) {
      throw misfit(op, "table " + table.name() + " already has a constraint or index named " + name);
    }
    TableModel.Builder builder = table.toBuilder();
    change.accept(builder);
    return Edit.replace(table.name(), build(op, builder));
  }

  /**
   * Removes a constraint or index of one kind by name.
   *
   * @param keyColumns the columns whose values the item keeps unique; empty if it keeps none unique
   */
  private <T> Edit removed(Operation op, String tableName, String kind, String name,
      Function<TableModel.Builder, List<T>> items, Function<T, String> nameOf, Function<T, List<String>> keyColumns) {
    TableModel table = table(op, tableName);
    TableModel.Builder builder = table.toBuilder();
    T item = items.apply(builder).stream().filter(i -> nameOf.apply(i).equals(name)).findFirst()
        .orElseThrow(() -> misfit(op, "table " + table.name() + " has no " + kind + " named " + name));
    items.apply(builder).remove(item);
    TableModel without = build(op, builder);
    requireNotReferenced(op, keyColumns.apply(item), without);
    return Edit.replace(table.name(), without);
  }

  /**
   * Refuses to remove the last primary key, unique constraint or unique index over the
   * columns that a foreign key references: databases refuse it too, since the key depends
   * on it.
   */
  private void requireNotReferenced(Operation op, List<String> keyColumns, TableModel without) {
    if (keyColumns.isEmpty()) {
      return;
    }
    Set<String> columns = Set.copyOf(keyColumns);
    List<List<String>> remaining = new ArrayList<>();
    without.primaryKey().ifPresent(k -> remaining.add(k.columns()));
    without.uniques().forEach(u -> remaining.add(u.columns()));
    without.indexes().stream().filter(IndexModel::unique).forEach(i -> remaining.add(i.columns()));
    if (remaining.stream().anyMatch(k -> Set.copyOf(k).equals(columns))) {
      return;
    }
    for (TableModel other : schema.referencing(without.name())) {
      for (ForeignKeyModel key : other.foreignKeys()) {
        if (key.referencedTable().equals(without.name()) && Set.copyOf(key.referencedColumns()).equals(columns)) {
          throw misfit(op, "foreign key " + key.name() + " on " + other.name() + " references " + without.name()
              + " " + key.referencedColumns() + ", which no other key covers; drop that foreign key first");
        }
      }
    }
  }

  private SequenceModel sequence(Operation op, String name) {
    return schema.sequence(name).orElseThrow(() -> misfit(op, "there is no sequence " + name));
  }

  private TableModel table(Operation op, String name) {
    return schema.table(name).orElseThrow(() -> misfit(op, "there is no table " + name));
  }

  private static TableModel build(Operation op, TableModel.Builder builder) {
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw misfit(op, e.getMessage());
    }
  }

  private static TableModel retarget(Operation op, TableModel table, UnaryOperator<ForeignKeyModel> change) {
    if (table.foreignKeys().isEmpty()) {
      return table;
    }
    TableModel.Builder builder = table.toBuilder();
    builder.foreignKeys().replaceAll(change);
    return build(op, builder);
  }

  /** The value after an optional change, checking that the change starts from the current value. */
  private static <T> T changed(Operation op, String what, T current, Optional<Change<T>> change) {
    if (change.isEmpty()) {
      return current;
    }
    expect(op, what, current, change.get());
    return change.get().to();
  }

  private static <T> void expect(Operation op, String what, T current, Change<T> change) {
    if (!current.equals(change.from())) {
      throw misfit(op, "the " + what + " is " + show(current) + ", but the operation changes it from "
          + show(change.from()) + "; the operation was written for another version of the schema");
    }
  }

  private static String show(Object value) {
    if (value instanceof ColumnType type) {
      return type.sql();
    }
    if (value instanceof Optional<?> optional) {
      return optional.map(Applier::show).orElse("none");
    }
    if (value instanceof DefaultValue defaultValue) {
      return defaultValue.text();
    }
    if (value instanceof String text) {
      return Literals.quote(text);
    }
    return String.valueOf(value);
  }

  private static SchemaException misfit(Operation op, String why) {
    return new SchemaException("cannot " + op.summary() + ": " + why);
  }
}
