package dev.retort.model;

import dev.retort.operation.AddCheck;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AddForeignKey;
import dev.retort.operation.AddPrimaryKey;
import dev.retort.operation.AddUnique;
import dev.retort.operation.AlterSequence;
import dev.retort.operation.AlterTableComment;
import dev.retort.operation.Change;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.CreateSequence;
import dev.retort.operation.CreateTable;
import dev.retort.operation.DropCheck;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropForeignKey;
import dev.retort.operation.DropIndex;
import dev.retort.operation.DropPrimaryKey;
import dev.retort.operation.DropSequence;
import dev.retort.operation.DropTable;
import dev.retort.operation.DropUnique;
import dev.retort.operation.Operation;
import dev.retort.operation.RenamePrimaryKey;
import dev.retort.operation.RenameTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes the operations that turn one schema into another.
 *
 * <h2>What is compared</h2>
 *
 * <p>Tables are matched by name, or by a table {@link RenameHints hint} that fits; columns
 * of a matched table likewise. A rename is never guessed: a table or column without a match
 * is dropped and one without a match in the source is added. A table whose database
 * {@code schema} differs between the two sides is dropped and created again (Retort does
 * not move tables between database schemas), and so is a hinted rename across database
 * schemas. A column whose type, nullability, default, comment or identity changes gets one
 * {@link dev.retort.operation.AlterColumn} carrying every change, except an identity change
 * where the table's primary key is dropped or added: SQLite and MySQL keep an identity column
 * only as a key, so an identity column of a key that goes stops being one in an alteration of
 * its own just before the key is dropped, and a column that becomes one while its table gains
 * its key does so in an alteration of its own just after the key is added. An enum whose
 * values change is a type change of each of its columns. A primary key, unique constraint, check,
 * index or foreign key is kept when the target has one of the same kind and name whose
 * definition equals the source's once renames are followed (for a check, its expression with
 * the renamed columns' names rewritten, as {@link dev.retort.operation.RenameColumn} rewrites
 * them). A primary key that keeps its columns and changes its name, to one that no constraint
 * or index of the source has, is renamed ({@link RenamePrimaryKey}): the derived
 * {@code pk_<table>} of a renamed table, whose identity column must never be without its key
 * on SQLite and MySQL. Otherwise the source's is dropped and the target's added, so a changed
 * definition is a drop and an add.
 *
 * <h2>Order</h2>
 *
 * <p>Sequences are matched by name. A sequence whose database {@code schema} differs between
 * the two sides is dropped and created again; one whose start or increment differs gets one
 * {@link AlterSequence} carrying both changes, which keeps the value it has reached.
 *
 * <p>The operations run in the order below. Within a step they are sorted by table name,
 * then by kind in the order the step names them, then by constraint name or, for columns,
 * in the table's column order; tables are created and dropped in the order their foreign
 * keys need, the smallest name first among those free to go. So the same two schemas
 * always give the same list. Tables are named as in the source until the renames of step 3
 * and as in the target after them.
 *
 * <p>Sequences come first and last: before step 1 the sequences created again in another
 * database schema are dropped, then the new sequences created and the changed ones altered, by
 * name (before the tables, whose defaults may call {@code nextval} on them); after step 7 the
 * sequences that go are dropped, by name.
 *
 * <p>Views come first and last, around everything else ({@link ViewChanges}): the views that go,
 * whose query or database schema changes, or whose query reads a table that any other operation
 * of the diff changes (or a view dropped here) are dropped before the first sequence operation,
 * each before the dropped views it reads; the new and the dropped views of the target are
 * created after the last sequence is dropped, each after the created views it reads. A view
 * is never altered in place: PostgreSQL's {@code CREATE OR REPLACE VIEW} cannot drop or retype a
 * column, and PostgreSQL refuses to drop or retype a column a view reads.
 *
 * <ol>
 *   <li>drop the foreign keys that go or change, and those that would block a later step
 *       (see below);
 *   <li>drop the indexes, checks, unique constraints and primary keys that go or change
 *       (a key's identity columns stopping being identities just before it); then drop the
 *       tables that are created again under the same name;
 *   <li>rename tables, then columns, then primary keys;
 *   <li>create tables, each after the new tables it references; add columns and alter
 *       columns, table by table;
 *   <li>add primary keys (each followed by the columns that become identities with it),
 *       unique constraints, checks and indexes;
 *   <li>add foreign keys;
 *   <li>drop tables, each before the dropped tables it references; then drop columns.
 * </ol>
 *
 * <p>A new table's foreign key is part of its {@link CreateTable} when what it references is
 * already there: the table itself, a table created earlier, or a kept table whose referenced
 * columns exist with their type and gain no key in this diff. Otherwise (new tables that
 * reference each other in a cycle, a key on an added column) it is an {@link AddForeignKey}
 * of step 6.
 *
 * <p>Besides the keys that go or change, step 1 drops, and step 6 adds again, a kept foreign
 * key whose own or referenced columns change type, or which a database may back with an
 * index, unique constraint or primary key that step 2 drops (MySQL refuses to drop those).
 * A table that goes takes its foreign keys with it, except those that must go first: the
 * name is taken by another object in the target, the referenced table is dropped before
 * this one (tables that reference each other in a cycle), or the referenced columns change
 * type or lose their key. Its other constraints and indexes go with it too, except those
 * whose names the target uses elsewhere: those are dropped in step 2, since names of
 * constraints and indexes are unique across the schema.
 */
public final class SchemaDiff {

  private final SchemaModel from;
  private final SchemaModel to;
  private final RenameHints hints;
  private final Map<String, TableModel> sourceTables = new HashMap<>();
  private final Map<String, TablePair> pairBySource = new HashMap<>();
  private final Map<String, TablePair> pairByTarget = new HashMap<>();
  /** Source tables dropped early because the target creates a table of the same name again. */
  private final Set<String> replaced = new HashSet<>();
  /** Source tables dropped at the end. */
  private final Set<String> dropped = new HashSet<>();
  /** Target tables to create, by name. */
  private final Map<String, TableModel> created = new TreeMap<>();
  /** The names of every constraint and index in the target. */
  private final Set<String> targetObjectNames = new HashSet<>();
  /** Foreign keys of matched tables that stay as they are, by name (unique across a schema). */
  private final Set<String> keptForeignKeys = new HashSet<>();
  /** Foreign keys of dropped tables that are dropped in step 1, by name. */
  private final Set<String> foreignKeysDroppedFirst = new HashSet<>();
  /** The names of every constraint and index in the source. */
  private final Set<String> sourceObjectNames = new HashSet<>();
  /** Cache of {@link #clashingKeyColumns(TableModel)} by table name. */
  private final Map<String, List<List<String>>> clashingKeyColumns = new HashMap<>();

  private SchemaDiff(SchemaModel from, SchemaModel to, RenameHints hints) {
    this.from = from;
    this.to = to;
    this.hints = hints;
  }

  /**
   * Returns the operations that turn {@code from} into {@code to}, ordered so that they run
   * on a real database: {@code from.applyAll(diff(from, to, hints))} equals {@code to}, and
   * {@code diff(to, from, hints.inverse())} is the exact downgrade.
   *
   * @param from the schema now
   * @param to the wanted schema
   * @param hints renames to use instead of a drop and an add; hints that do not fit the two
   *     schemas are ignored
   * @return the operations; empty when the schemas are equal
   */
  public static List<Operation> diff(SchemaModel from, SchemaModel to, RenameHints hints) {
    Objects.requireNonNull(from, "from == null");
    Objects.requireNonNull(to, "to == null");
    Objects.requireNonNull(hints, "hints == null");
    return new SchemaDiff(from, to, hints).operations();
  }

  /**
   * {@link #diff(SchemaModel, SchemaModel, RenameHints)} without rename hints.
   *
   * @param from the schema now
   * @param to the wanted schema
   * @return the operations; empty when the schemas are equal
   */
  public static List<Operation> diff(SchemaModel from, SchemaModel to) {
    return diff(from, to, RenameHints.none());
  }

  private List<Operation> operations() {
    matchTables();
    List<Operation> operations = new ArrayList<>();
    TableDrops drops = planTableDrops();
    createSequences(operations);
    dropForeignKeys(operations);
    dropKeysAndIndexes(operations);
    drops.early().order().forEach(name -> operations.add(new DropTable(name)));
    rename(operations);
    List<AddForeignKey> deferred = createTables(operations);
    alterTables(operations);
    addKeysAndIndexes(operations);
    addForeignKeys(operations, deferred);
    drops.late().order().forEach(name -> operations.add(new DropTable(name)));
    dropColumns(operations);
    dropSequences(operations);
    return List.copyOf(ViewChanges.around(from, to, operations));
  }

  /** Drops the sequences that move to another database schema, then creates and alters sequences. */
  private void createSequences(List<Operation> operations) {
    List<Operation> created = new ArrayList<>();
    for (SequenceModel target : to.sequences()) {
      Optional<SequenceModel> source = from.sequence(target.name());
      if (source.isEmpty()) {
        created.add(new CreateSequence(target));
      } else if (!source.get().schema().equals(target.schema())) {
        operations.add(new DropSequence(target.name()));
        created.add(new CreateSequence(target));
      } else {
        Optional<Change<Long>> start = change(source.get().start(), target.start());
        Optional<Change<Long>> increment = change(source.get().increment(), target.increment());
        if (start.isPresent() || increment.isPresent()) {
          created.add(new AlterSequence(target.name(), start, increment));
        }
      }
    }
    operations.addAll(created);
  }

  private void dropSequences(List<Operation> operations) {
    for (SequenceModel source : from.sequences()) {
      if (to.sequence(source.name()).isEmpty()) {
        operations.add(new DropSequence(source.name()));
      }
    }
  }

  private static Optional<Change<Long>> change(long from, long to) {
    return from == to ? Optional.empty() : Optional.of(new Change<>(from, to));
  }

  private void matchTables() {
    Map<String, TableModel> targetTables = new HashMap<>();
    for (TableModel target : to.tables()) {
      targetTables.put(target.name(), target);
      targetObjectNames.addAll(target.objectNames());
    }
    from.tables().forEach(source -> {
      sourceTables.put(source.name(), source);
      sourceObjectNames.addAll(source.objectNames());
    });
    for (TableModel target : to.tables()) {
      TableModel source = sourceTables.get(target.name());
      if (source == null) {
        String hinted = hints.tables().get(target.name());
        source = hinted == null || targetTables.containsKey(hinted) ? null : sourceTables.get(hinted);
      }
      if (source != null && source.schema().equals(target.schema())) {
        TablePair pair = new TablePair(source, target, hints.columnsOf(source.name(), target.name()),
            sourceObjectNames);
        pairBySource.put(source.name(), pair);
        pairByTarget.put(target.name(), pair);
      } else {
        created.put(target.name(), target);
      }
    }
    for (TableModel source : from.tables()) {
      if (!pairBySource.containsKey(source.name())) {
        (targetTables.containsKey(source.name()) ? replaced : dropped).add(source.name());
      }
    }
  }

  /**
   * Decides which foreign keys of dropped tables go first, and the order in which the
   * dropped tables go: a table before the dropped tables it references.
   */
  private TableDrops planTableDrops() {
    Map<String, Set<String>> prerequisites = new HashMap<>();
    List<Link> links = new ArrayList<>();
    for (TableModel table : from.tables()) {
      if (pairBySource.containsKey(table.name())) {
        continue;
      }
      for (ForeignKeyModel key : table.foreignKeys()) {
        String target = key.referencedTable();
        boolean first = targetObjectNames.contains(key.name())
            || referencedKeyChanges(key)
            || leadsAny(keysDroppedInStep2(table.name()), key.columns());
        if (!first && !target.equals(table.name()) && isDropped(target)) {
          if (replaced.contains(target) == replaced.contains(table.name())) {
            prerequisites.computeIfAbsent(target, t -> new HashSet<>()).add(table.name());
            links.add(new Link(table.name(), key));
          } else {
            first = replaced.contains(target);
          }
        }
        if (first) {
          foreignKeysDroppedFirst.add(key.name());
        }
      }
    }
    TableDrops drops = new TableDrops(DependencyOrder.of(replaced, prerequisites),
        DependencyOrder.of(dropped, prerequisites));
    for (Link link : links) {
      DependencyOrder order = replaced.contains(link.table()) ? drops.early() : drops.late();
      if (order.inCycle(link.table(), link.key().referencedTable())) {
        foreignKeysDroppedFirst.add(link.key().name());
      }
    }
    return drops;
  }

  private void dropForeignKeys(List<Operation> operations) {
    for (TableModel table : from.tables()) {
      TablePair pair = pairBySource.get(table.name());
      for (ForeignKeyModel key : table.foreignKeys()) {
        boolean drop;
        if (pair == null) {
          drop = foreignKeysDroppedFirst.contains(key.name());
        } else if (keeps(pair, key)) {
          keptForeignKeys.add(key.name());
          drop = false;
        } else {
          drop = true;
        }
        if (drop) {
          operations.add(new DropForeignKey(table.name(), key.name()));
        }
      }
    }
  }

  private void dropKeysAndIndexes(List<Operation> operations) {
    for (TableModel table : from.tables()) {
      TablePair pair = pairBySource.get(table.name());
      String name = table.name();
      if (pair != null) {
        pair.droppedIndexes().forEach(i -> operations.add(new DropIndex(name, i.name(), false)));
        pair.droppedChecks().forEach(c -> operations.add(new DropCheck(name, c.name())));
        pair.droppedUniques().forEach(u -> operations.add(new DropUnique(name, u.name())));
        operations.addAll(pair.identityDropsBeforeKey());
        pair.droppedPrimaryKey().ifPresent(k -> operations.add(new DropPrimaryKey(name, k.name())));
      } else if (dropped.contains(name)) {
        table.indexes().stream().filter(i -> targetObjectNames.contains(i.name()))
            .forEach(i -> operations.add(new DropIndex(name, i.name(), false)));
        table.checks().stream().filter(c -> targetObjectNames.contains(c.name()))
            .forEach(c -> operations.add(new DropCheck(name, c.name())));
        table.uniques().stream().filter(u -> targetObjectNames.contains(u.name()))
            .forEach(u -> operations.add(new DropUnique(name, u.name())));
        Optional<PrimaryKeyModel> key = table.primaryKey().filter(k -> targetObjectNames.contains(k.name()));
        if (key.isPresent()) {
          // A key's name that the target reuses is freed before the table goes: its identity columns first, since
          // SQLite and MySQL keep an identity column only as a key.
          for (String column : key.get().columns()) {
            if (table.column(column).orElseThrow().identity()) {
              operations.add(TablePair.identityChange(name, column, true, false));
            }
          }
          operations.add(new DropPrimaryKey(name, key.get().name()));
        }
      }
    }
  }

  private void rename(List<Operation> operations) {
    for (TableModel target : to.tables()) {
      TablePair pair = pairByTarget.get(target.name());
      if (pair != null && pair.renamed()) {
        operations.add(new RenameTable(pair.source().name(), target.name()));
      }
    }
    for (TableModel target : to.tables()) {
      TablePair pair = pairByTarget.get(target.name());
      if (pair != null) {
        operations.addAll(pair.columnRenames());
      }
    }
    for (TableModel target : to.tables()) {
      TablePair pair = pairByTarget.get(target.name());
      if (pair != null) {
        pair.primaryKeyRename().ifPresent(operations::add);
      }
    }
  }

  /**
   * Creates the new tables in dependency order.
   *
   * @return the new tables' foreign keys that cannot be part of their table's creation
   */
  private List<AddForeignKey> createTables(List<Operation> operations) {
    Map<String, Set<String>> prerequisites = new HashMap<>();
    for (TableModel table : created.values()) {
      for (ForeignKeyModel key : table.foreignKeys()) {
        if (created.containsKey(key.referencedTable())) {
          prerequisites.computeIfAbsent(table.name(), t -> new HashSet<>()).add(key.referencedTable());
        }
      }
    }
    DependencyOrder order = DependencyOrder.of(created.keySet(), prerequisites);
    List<AddForeignKey> deferred = new ArrayList<>();
    for (String name : order.order()) {
      TableModel table = created.get(name);
      List<ForeignKeyModel> later = new ArrayList<>();
      for (ForeignKeyModel key : table.foreignKeys()) {
        String target = key.referencedTable();
        boolean inline = created.containsKey(target)
            ? !order.inCycle(name, target)
            : canReference(pairByTarget.get(target), key.referencedColumns());
        if (!inline) {
          later.add(key);
          deferred.add(new AddForeignKey(name, key));
        }
      }
      if (later.isEmpty()) {
        operations.add(new CreateTable(table));
      } else {
        TableModel.Builder builder = table.toBuilder();
        builder.foreignKeys().removeAll(later);
        operations.add(new CreateTable(builder.build()));
      }
    }
    return deferred;
  }

  private void alterTables(List<Operation> operations) {
    for (TableModel target : to.tables()) {
      TablePair pair = pairByTarget.get(target.name());
      if (pair == null) {
        continue;
      }
      pair.commentChange().ifPresent(c -> operations.add(new AlterTableComment(target.name(), c)));
      pair.addedColumns().forEach(c -> operations.add(new AddColumn(target.name(), c)));
      operations.addAll(pair.columnAlterations());
    }
  }

  private void addKeysAndIndexes(List<Operation> operations) {
    for (TableModel target : to.tables()) {
      TablePair pair = pairByTarget.get(target.name());
      if (pair == null) {
        continue;
      }
      String name = target.name();
      pair.addedPrimaryKey().ifPresent(k -> operations.add(new AddPrimaryKey(name, k)));
      operations.addAll(pair.identityAddsAfterKey());
      pair.addedUniques().forEach(u -> operations.add(new AddUnique(name, u)));
      pair.addedChecks().forEach(c -> operations.add(new AddCheck(name, c)));
      pair.addedIndexes().forEach(i -> operations.add(new CreateIndex(name, i, false)));
    }
  }

  private void addForeignKeys(List<Operation> operations, List<AddForeignKey> deferred) {
    List<AddForeignKey> added = new ArrayList<>(deferred);
    for (TableModel target : to.tables()) {
      if (pairByTarget.containsKey(target.name())) {
        for (ForeignKeyModel key : target.foreignKeys()) {
          if (!keptForeignKeys.contains(key.name())) {
            added.add(new AddForeignKey(target.name(), key));
          }
        }
      }
    }
    added.sort(Comparator.comparing(AddForeignKey::table).thenComparing(a -> a.foreignKey().name()));
    operations.addAll(added);
  }

  private void dropColumns(List<Operation> operations) {
    for (TableModel target : to.tables()) {
      TablePair pair = pairByTarget.get(target.name());
      if (pair != null) {
        pair.droppedColumns().forEach(c -> operations.add(new DropColumn(target.name(), c.name())));
      }
    }
  }

  /** Whether a matched table's foreign key stays as it is. */
  private boolean keeps(TablePair pair, ForeignKeyModel key) {
    ForeignKeyModel after = pair.targetForeignKey(key.name());
    TablePair referenced = pairBySource.get(key.referencedTable());
    if (after == null || referenced == null) {
      return false;
    }
    ForeignKeyModel followed = pair.toTarget(key.columns())
        .flatMap(columns -> referenced.toTarget(key.referencedColumns())
            .map(references -> new ForeignKeyModel(key.name(), columns, referenced.target().name(), references,
                key.onDelete(), key.onUpdate())))
        .orElse(null);
    return after.equals(followed)
        && !pair.changesTypeOfSource(key.columns())
        && !leadsAny(pair.droppedKeyColumns(), key.columns())
        && !referencedKeyChanges(key);
  }

  /**
   * Whether the columns a source foreign key references change type or lose the primary
   * key, unique constraint or index that backs them.
   */
  private boolean referencedKeyChanges(ForeignKeyModel key) {
    TablePair referenced = pairBySource.get(key.referencedTable());
    return referenced != null && referenced.changesTypeOfSource(key.referencedColumns())
        || keysDroppedInStep2(key.referencedTable()).stream().anyMatch(k -> sameColumns(k, key.referencedColumns()));
  }

  /**
   * The column lists of the primary key, unique constraints and indexes that step 2 drops
   * from a source table: those that change or go, or, on a table dropped at the end, those
   * whose names the target uses elsewhere.
   */
  private List<List<String>> keysDroppedInStep2(String sourceTable) {
    TablePair pair = pairBySource.get(sourceTable);
    if (pair != null) {
      return pair.droppedKeyColumns();
    }
    return dropped.contains(sourceTable)
        ? clashingKeyColumns.computeIfAbsent(sourceTable, t -> clashingKeyColumns(sourceTables.get(t)))
        : List.of();
  }

  /**
   * Whether a foreign key created with a new table may reference these (target) columns of a
   * matched table: they exist before the new table is created, keep their type, and no key
   * over them is added later in the diff.
   */
  private static boolean canReference(TablePair referenced, List<String> columns) {
    return referenced.hasUnchangedInSource(columns)
        && referenced.addedKeyColumns().stream().noneMatch(k -> sameColumns(k, columns));
  }

  /** The columns of a dropped table's primary key, uniques and indexes that step 2 drops because the target reuses their names. */
  private List<List<String>> clashingKeyColumns(TableModel table) {
    List<List<String>> keys = new ArrayList<>();
    table.primaryKey().filter(k -> targetObjectNames.contains(k.name())).ifPresent(k -> keys.add(k.columns()));
    table.uniques().stream().filter(u -> targetObjectNames.contains(u.name())).forEach(u -> keys.add(u.columns()));
    table.indexes().stream().filter(i -> targetObjectNames.contains(i.name())).forEach(i -> keys.add(i.columns()));
    return keys;
  }

  private boolean isDropped(String sourceTable) {
    return replaced.contains(sourceTable) || dropped.contains(sourceTable);
  }

  /** Whether one of the keys starts with these columns, so that a database may use it to back a foreign key. */
  private static boolean leadsAny(List<List<String>> keys, List<String> columns) {
    for (List<String> key : keys) {
      if (key.size() >= columns.size() && key.subList(0, columns.size()).equals(columns)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameColumns(List<String> a, List<String> b) {
    return a.size() == b.size() && new HashSet<>(a).equals(new HashSet<>(b));
  }

  /** The order of the tables dropped early (created again) and of those dropped at the end. */
  private record TableDrops(DependencyOrder early, DependencyOrder late) {}

  /** A foreign key between two dropped tables that are dropped in the same step. */
  private record Link(String table, ForeignKeyModel key) {}
}
