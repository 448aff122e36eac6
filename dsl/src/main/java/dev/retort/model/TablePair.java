package dev.retort.model;

import dev.retort.operation.AlterColumn;
import dev.retort.operation.Change;
import dev.retort.operation.RenameColumn;
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
 * name whose definition equals the source's once renamed columns are followed; anything
 * else is dropped from the source and added in the target.
 */
final class TablePair {

  private final TableModel source;
  private final TableModel target;
  private final Map<String, String> targetBySource = new HashMap<>();
  private final Map<String, String> sourceByTarget = new HashMap<>();
  private final Set<String> typeChanged = new HashSet<>();
  private final Map<String, ForeignKeyModel> targetForeignKeys = new HashMap<>();
  private List<List<String>> droppedKeyColumns;
  private List<List<String>> addedKeyColumns;

  TablePair(TableModel source, TableModel target, Map<String, String> columnHints) {
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
    target.foreignKeys().forEach(key -> targetForeignKeys.put(key.name(), key));
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
    List<RenameColumn> renames = new ArrayList<>();
    for (ColumnModel column : target.columns()) {
      String sourceName = sourceByTarget.get(column.name());
      if (sourceName != null && !sourceName.equals(column.name())) {
        renames.add(new RenameColumn(target.name(), sourceName, column.name()));
      }
    }
    return renames;
  }

  /** The target's columns that are not in the source, in the target's order. */
  List<ColumnModel> addedColumns() {
    return target.columns().stream().filter(c -> !sourceByTarget.containsKey(c.name())).toList();
  }

  /** The source's columns that are not in the target, in the source's order. */
  List<ColumnModel> droppedColumns() {
    return source.columns().stream().filter(c -> !targetBySource.containsKey(c.name())).toList();
  }

  /** One alteration for each column whose definition changes, in the target's column order. */
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
      Optional<Change<Boolean>> identity = change(before.identity(), after.identity());
      if (type.isPresent() || nullable.isPresent() || defaultValue.isPresent() || comment.isPresent()
          || identity.isPresent()) {
        alterations.add(new AlterColumn(target.name(), after.name(), type, nullable, defaultValue, comment, identity));
      }
    }
    return alterations;
  }

  /** The table comment's change, if it changes. */
  Optional<Change<Optional<String>>> commentChange() {
    return change(source.comment(), target.comment());
  }

  /** The source's primary key, if the target does not keep it. */
  Optional<PrimaryKeyModel> droppedPrimaryKey() {
    return source.primaryKey().filter(key -> target.primaryKey().isEmpty() || !followedKey(key).equals(target.primaryKey()));
  }

  /** The target's primary key, if the source does not have it already. */
  Optional<PrimaryKeyModel> addedPrimaryKey() {
    return target.primaryKey().filter(key -> !source.primaryKey().flatMap(this::followedKey).equals(Optional.of(key)));
  }

  /** The source's unique constraints that the target does not keep. */
  List<UniqueModel> droppedUniques() {
    return notKept(source.uniques(), target.uniques(), UniqueModel::name, this::followedUnique);
  }

  /** The target's unique constraints that the source does not have already. */
  List<UniqueModel> addedUniques() {
    return notKeptInTarget(source.uniques(), target.uniques(), UniqueModel::name, this::followedUnique);
  }

  /** The source's indexes that the target does not keep. */
  List<IndexModel> droppedIndexes() {
    return notKept(source.indexes(), target.indexes(), IndexModel::name, this::followedIndex);
  }

  /** The target's indexes that the source does not have already. */
  List<IndexModel> addedIndexes() {
    return notKeptInTarget(source.indexes(), target.indexes(), IndexModel::name, this::followedIndex);
  }

  /** The source's checks that the target does not keep. */
  List<CheckModel> droppedChecks() {
    return notKept(source.checks(), target.checks(), CheckModel::name, Optional::of);
  }

  /** The target's checks that the source does not have already. */
  List<CheckModel> addedChecks() {
    return notKeptInTarget(source.checks(), target.checks(), CheckModel::name, Optional::of);
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
    if (droppedKeyColumns == null) {
      List<List<String>> keys = new ArrayList<>();
      droppedPrimaryKey().ifPresent(k -> keys.add(k.columns()));
      droppedUniques().forEach(u -> keys.add(u.columns()));
      droppedIndexes().forEach(i -> keys.add(i.columns()));
      droppedKeyColumns = List.copyOf(keys);
    }
    return droppedKeyColumns;
  }

  /**
   * The column lists (target names) of the primary key, unique constraints and indexes the
   * target gains: a foreign key that needs one of them must come after it.
   */
  List<List<String>> addedKeyColumns() {
    if (addedKeyColumns == null) {
      List<List<String>> keys = new ArrayList<>();
      addedPrimaryKey().ifPresent(k -> keys.add(k.columns()));
      addedUniques().forEach(u -> keys.add(u.columns()));
      addedIndexes().forEach(i -> keys.add(i.columns()));
      addedKeyColumns = List.copyOf(keys);
    }
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

  private static <T> List<T> notKept(List<T> sources, List<T> targets, Function<T, String> name,
      Function<T, Optional<T>> follow) {
    Map<String, T> targetByName = new HashMap<>();
    targets.forEach(t -> targetByName.put(name.apply(t), t));
    List<T> dropped = new ArrayList<>();
    for (T item : sources) {
      T kept = targetByName.get(name.apply(item));
      if (kept == null || !follow.apply(item).equals(Optional.of(kept))) {
        dropped.add(item);
      }
    }
    return dropped;
  }

  private static <T> List<T> notKeptInTarget(List<T> sources, List<T> targets,
      Function<T, String> name, Function<T, Optional<T>> follow) {
    Map<String, T> sourceByName = new HashMap<>();
    sources.forEach(s -> sourceByName.put(name.apply(s), s));
    List<T> added = new ArrayList<>();
    for (T item : targets) {
      T before = sourceByName.get(name.apply(item));
      if (before == null || !follow.apply(before).equals(Optional.of(item))) {
        added.add(item);
      }
    }
    return added;
  }

  private static <T> Optional<Change<T>> change(T before, T after) {
    return Objects.equals(before, after) ? Optional.empty() : Optional.of(new Change<>(before, after));
  }

  private static Map<String, ColumnModel> byName(TableModel table) {
    Map<String, ColumnModel> columns = new HashMap<>();
    table.columns().forEach(c -> columns.put(c.name(), c));
    return columns;
  }
}
