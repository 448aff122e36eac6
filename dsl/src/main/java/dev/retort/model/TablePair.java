package dev.retort.model;

import dev.retort.operation.AlterColumn;
import dev.retort.operation.Change;
import dev.retort.operation.RenameColumn;
import dev.retort.operation.RenamePrimaryKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One table as it is in the source and in the target of a diff, with its columns matched:
 * by name, or by a column rename hint that fits. Works out what changes on the table
 * itself; what spans tables (foreign keys, their order) is {@link SchemaDiff}'s.
 *
 * <p>A constraint or index is <em>kept</em> when the target has one of the same kind and
 * name whose definition equals the source's once renamed columns are followed; a primary key
 * whose columns stay and whose name changes is <em>renamed</em> (see {@link
 * #primaryKeyRename}); anything else is dropped from the source and added in the target.
 */
final class TablePair {

  private final TableModel source;
  private final TableModel target;
  private final Map<String, String> targetBySource = new HashMap<>();
  private final Map<String, String> sourceByTarget = new HashMap<>();
  private final Set<String> typeChanged = new HashSet<>();
  private final Map<String, ForeignKeyModel> targetForeignKeys = new HashMap<>();
  private final List<RenameColumn> columnRenames = new ArrayList<>();
  private final Delta<PrimaryKeyModel> primaryKeys;
  private final Optional<RenamePrimaryKey> primaryKeyRename;
  private final Delta<UniqueModel> uniques;
  private final Delta<IndexModel> indexes;
  private final Delta<CheckModel> checks;
  private final List<List<String>> droppedKeyColumns;
  private final List<List<String>> addedKeyColumns;

  /**
   * Matches the columns of the two tables.
   *
   * @param columnHints this table's column rename hints, target name → source name; those
   *     that do not fit the two tables are ignored
   * @param sourceObjectNames the names of every constraint and index of the source schema: the
   *     primary key is renamed only to a name none of them has, so that the rename never waits
   *     for another object to give its name up
   */
  TablePair(TableModel source, TableModel target, Map<String, String> columnHints, Set<String> sourceObjectNames) {
    this.source = source;
    this.target = target;
    Map<String, ColumnModel> sourceColumns = byName(source);
    Map<String, ColumnModel> targetColumns = byName(target);
    for (ColumnModel column : target.columns()) {
      String sourceName = column.name();
      if (!sourceColumns.containsKey(sourceName)) {
        sourceName = columnHints.get(column.name());
        if (sourceName == null || !sourceColumns.containsKey(sourceName) || targetColumns.containsKey(sourceName)) {
          continue;
        }
      }
      targetBySource.put(sourceName, column.name());
      sourceByTarget.put(column.name(), sourceName);
      if (!sourceColumns.get(sourceName).type().equals(column.type())) {
        typeChanged.add(sourceName);
      }
    }
    for (ColumnModel column : target.columns()) {
      String sourceName = sourceByTarget.get(column.name());
      if (sourceName != null && !sourceName.equals(column.name())) {
        columnRenames.add(new RenameColumn(target.name(), sourceName, column.name()));
      }
    }
    target.foreignKeys().forEach(key -> targetForeignKeys.put(key.name(), key));
    primaryKeyRename = source.primaryKey()
        .filter(key -> target.primaryKey().filter(after -> !after.name().equals(key.name())
            && !sourceObjectNames.contains(after.name())
            && followedKey(key).map(PrimaryKeyModel::columns).equals(Optional.of(after.columns()))).isPresent())
        .map(key -> new RenamePrimaryKey(target.name(), key.name(), target.primaryKey().get().name()));
    primaryKeys = primaryKeyRename.isPresent()
        ? new Delta<>(List.of(), List.of())
        : compare(source.primaryKey().stream().toList(), target.primaryKey().stream().toList(),
            PrimaryKeyModel::name, this::followedKey);
    uniques = compare(source.uniques(), target.uniques(), UniqueModel::name, this::followedUnique);
    indexes = compare(source.indexes(), target.indexes(), IndexModel::name, this::followedIndex);
    checks = compare(source.checks(), target.checks(), CheckModel::name, this::followedCheck);
    droppedKeyColumns = keyColumns(primaryKeys.dropped(), uniques.dropped(), indexes.dropped());
    addedKeyColumns = keyColumns(primaryKeys.added(), uniques.added(), indexes.added());
  }

  TableModel source() {
    return source;
  }

  TableModel target() {
    return target;
  }

  /** Whether the table changes its name. */
  boolean renamed() {
    return !source.name().equals(target.name());
  }

  /** Source column names in their target names; empty if one of them is dropped. */
  Optional<List<String>> toTarget(List<String> sourceColumns) {
    List<String> mapped = new ArrayList<>(sourceColumns.size());
    for (String column : sourceColumns) {
      String name = targetBySource.get(column);
      if (name == null) {
        return Optional.empty();
      }
      mapped.add(name);
    }
    return Optional.of(mapped);
  }

  /** Whether one of these source columns changes its type. */
  boolean changesTypeOfSource(List<String> sourceColumns) {
    return sourceColumns.stream().anyMatch(typeChanged::contains);
  }

  /**
   * Whether every one of these target columns exists in the source under its type: a key
   * created along with the source table may already point at them.
   */
  boolean hasUnchangedInSource(List<String> targetColumns) {
    for (String column : targetColumns) {
      String name = sourceByTarget.get(column);
      if (name == null || typeChanged.contains(name)) {
        return false;
      }
    }
    return true;
  }

  /** The column renames, in the target's column order. */
  List<RenameColumn> columnRenames() {
    return List.copyOf(columnRenames);
  }

  /** The target's columns that are not in the source, in the target's order. */
  List<ColumnModel> addedColumns() {
    return target.columns().stream().filter(c -> !sourceByTarget.containsKey(c.name())).toList();
  }

  /** The source's columns that are not in the target, in the source's order. */
  List<ColumnModel> droppedColumns() {
    return source.columns().stream().filter(c -> !targetBySource.containsKey(c.name())).toList();
  }

  /**
   * One alteration for each column whose definition changes, in the target's column order,
   * without the identity changes of {@link #identityDropsBeforeKey} and {@link
   * #identityAddsAfterKey}.
   */
  List<AlterColumn> columnAlterations() {
    Map<String, ColumnModel> sourceColumns = byName(source);
    List<AlterColumn> alterations = new ArrayList<>();
    for (ColumnModel after : target.columns()) {
      String sourceName = sourceByTarget.get(after.name());
      if (sourceName == null) {
        continue;
      }
      ColumnModel before = sourceColumns.get(sourceName);
      Optional<Change<ColumnType>> type = change(before.type(), after.type());
      Optional<Change<Boolean>> nullable = change(before.nullable(), after.nullable());
      Optional<Change<Optional<DefaultValue>>> defaultValue = change(before.defaultValue(), after.defaultValue());
      Optional<Change<Optional<String>>> comment = change(before.comment(), after.comment());
      boolean identityBefore = before.identity() && !losesIdentityBeforeKey(sourceName);
      Optional<Change<Boolean>> identity = gainsIdentityAfterKey(identityBefore, after)
          ? Optional.empty() : change(identityBefore, after.identity());
      if (type.isPresent() || nullable.isPresent() || defaultValue.isPresent() || comment.isPresent()
          || identity.isPresent()) {
        alterations.add(new AlterColumn(target.name(), after.name(), type, nullable, defaultValue, comment, identity));
      }
    }
    return alterations;
  }

  /**
   * The identity columns of a primary key that the source loses, each made an ordinary column,
   * named as in the source: they run before the key is dropped, since SQLite and MySQL keep an
   * identity column only as a key. A column that is an identity in the target too gets its
   * identity back after the target's key is added ({@link #identityAddsAfterKey}).
   */
  List<AlterColumn> identityDropsBeforeKey() {
    List<AlterColumn> alterations = new ArrayList<>();
    for (ColumnModel column : source.columns()) {
      if (losesIdentityBeforeKey(column.name())) {
        alterations.add(identityChange(source.name(), column.name(), true, false));
      }
    }
    return alterations;
  }

  /**
   * The columns that become identities and whose table gains its primary key in this diff,
   * named as in the target: they run after the key is added, since SQLite and MySQL take an
   * identity column only as a key.
   */
  List<AlterColumn> identityAddsAfterKey() {
    List<AlterColumn> alterations = new ArrayList<>();
    for (ColumnModel after : target.columns()) {
      String sourceName = sourceByTarget.get(after.name());
      if (sourceName != null) {
        boolean identityBefore = source.column(sourceName).orElseThrow().identity()
            && !losesIdentityBeforeKey(sourceName);
        if (gainsIdentityAfterKey(identityBefore, after)) {
          alterations.add(identityChange(target.name(), after.name(), false, true));
        }
      }
    }
    return alterations;
  }

  /** Whether a source column is an identity in the primary key that the source loses. */
  private boolean losesIdentityBeforeKey(String sourceColumn) {
    return primaryKeys.dropped().stream().anyMatch(key -> key.columns().contains(sourceColumn))
        && source.column(sourceColumn).orElseThrow().identity();
  }

  /** Whether a matched column becomes an identity while its table gains its primary key. */
  private boolean gainsIdentityAfterKey(boolean identityBefore, ColumnModel after) {
    return !identityBefore && after.identity() && !primaryKeys.added().isEmpty();
  }

  static AlterColumn identityChange(String table, String column, boolean before, boolean after) {
    return new AlterColumn(table, column, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of(new Change<>(before, after)));
  }

  /** The table comment's change, if it changes. */
  Optional<Change<Optional<String>>> commentChange() {
    return change(source.comment(), target.comment());
  }

  /**
   * The rename of the primary key, named as the target names the table, when the key keeps its
   * columns (renamed columns followed) and changes its name to one that no constraint or index
   * of the source has: a table renamed with its derived key name. Neither {@link
   * #droppedPrimaryKey} nor {@link #addedPrimaryKey} then has the key.
   */
  Optional<RenamePrimaryKey> primaryKeyRename() {
    return primaryKeyRename;
  }

  /** The source's primary key, if the target neither keeps nor renames it. */
  Optional<PrimaryKeyModel> droppedPrimaryKey() {
    return primaryKeys.dropped().stream().findFirst();
  }

  /** The target's primary key, if the source has it neither already nor under another name. */
  Optional<PrimaryKeyModel> addedPrimaryKey() {
    return primaryKeys.added().stream().findFirst();
  }

  /** The source's unique constraints that the target does not keep. */
  List<UniqueModel> droppedUniques() {
    return uniques.dropped();
  }

  /** The target's unique constraints that the source does not have already. */
  List<UniqueModel> addedUniques() {
    return uniques.added();
  }

  /** The source's indexes that the target does not keep. */
  List<IndexModel> droppedIndexes() {
    return indexes.dropped();
  }

  /** The target's indexes that the source does not have already. */
  List<IndexModel> addedIndexes() {
    return indexes.added();
  }

  /** The source's checks that the target does not keep. */
  List<CheckModel> droppedChecks() {
    return checks.dropped();
  }

  /** The target's checks that the source does not have already. */
  List<CheckModel> addedChecks() {
    return checks.added();
  }

  /** The target's foreign key of that name, or null. */
  ForeignKeyModel targetForeignKey(String name) {
    return targetForeignKeys.get(name);
  }

  /**
   * The column lists (source names) of the primary key, unique constraints and indexes the
   * source loses: a foreign key that a database backs with one of them must go first.
   */
  List<List<String>> droppedKeyColumns() {
    return droppedKeyColumns;
  }

  /**
   * The column lists (target names) of the primary key, unique constraints and indexes the
   * target gains: a foreign key that needs one of them must come after it.
   */
  List<List<String>> addedKeyColumns() {
    return addedKeyColumns;
  }

  private Optional<PrimaryKeyModel> followedKey(PrimaryKeyModel key) {
    return toTarget(key.columns()).map(columns -> new PrimaryKeyModel(key.name(), columns));
  }

  private Optional<UniqueModel> followedUnique(UniqueModel unique) {
    return toTarget(unique.columns()).map(columns -> new UniqueModel(unique.name(), columns));
  }

  private Optional<IndexModel> followedIndex(IndexModel index) {
    return toTarget(index.columns()).map(columns -> new IndexModel(index.name(), columns, index.unique()));
  }

  /** The check with the column renames made in its expression, in the order the diff makes them. */
  private Optional<CheckModel> followedCheck(CheckModel check) {
    CheckModel followed = check;
    for (RenameColumn rename : columnRenames) {
      followed = followed.withColumnRenamed(rename.from(), rename.to());
    }
    return Optional.of(followed);
  }

  /**
   * Compares one kind of constraint: an item is kept when the target has one of the same name
   * that equals the source's with renamed columns followed.
   *
   * @param follow the source item as it reads in the target; empty if one of its columns goes
   */
  private static <T> Delta<T> compare(List<T> sources, List<T> targets, Function<T, String> name,
      Function<T, Optional<T>> follow) {
    Map<String, T> targetByName = new HashMap<>();
    targets.forEach(t -> targetByName.put(name.apply(t), t));
    Set<String> kept = new HashSet<>();
    List<T> dropped = new ArrayList<>();
    for (T item : sources) {
      T match = targetByName.get(name.apply(item));
      if (match != null && follow.apply(item).equals(Optional.of(match))) {
        kept.add(name.apply(item));
      } else {
        dropped.add(item);
      }
    }
    List<T> added = targets.stream().filter(t -> !kept.contains(name.apply(t))).toList();
    return new Delta<>(List.copyOf(dropped), added);
  }

  private static List<List<String>> keyColumns(List<PrimaryKeyModel> primaryKeys, List<UniqueModel> uniques,
      List<IndexModel> indexes) {
    List<List<String>> keys = new ArrayList<>();
    primaryKeys.forEach(k -> keys.add(k.columns()));
    uniques.forEach(u -> keys.add(u.columns()));
    indexes.forEach(i -> keys.add(i.columns()));
    return List.copyOf(keys);
  }

  private static <T> Optional<Change<T>> change(T before, T after) {
    return Objects.equals(before, after) ? Optional.empty() : Optional.of(new Change<>(before, after));
  }

  private static Map<String, ColumnModel> byName(TableModel table) {
    Map<String, ColumnModel> columns = new HashMap<>();
    table.columns().forEach(c -> columns.put(c.name(), c));
    return columns;
  }

  /** What the diff drops from the source and adds in the target, for one kind of constraint. */
  private record Delta<T>(List<T> dropped, List<T> added) {}
}
