package dev.retort.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A table: its columns and everything defined on them.
 *
 * <p>Column order is the order in which the columns were created; it is kept for readable
 * {@code CREATE TABLE} statements and snapshots, but it is not part of the table's identity:
 * {@link #equals} compares columns by name, because no database reorders columns portably
 * and a column added later always lands last. Constraints and indexes are kept sorted by
 * name.
 *
 * @param name the table name
 * @param schema the database schema holding the table; empty for the connection's own
 * @param columns the columns in creation order
 * @param primaryKey the primary key, if any
 * @param uniques the unique constraints
 * @param indexes the indexes
 * @param foreignKeys the foreign keys from this table
 * @param checks the check constraints
 * @param comment the table comment, if any
 */
public record TableModel(
    String name,
    String schema,
    List<ColumnModel> columns,
    Optional<PrimaryKeyModel> primaryKey,
    List<UniqueModel> uniques,
    List<IndexModel> indexes,
    List<ForeignKeyModel> foreignKeys,
    List<CheckModel> checks,
    Optional<String> comment) {

  /** Validates the table on its own: names are distinct and every constraint names existing columns. */
  public TableModel {
    Names.require("table name", name);
    Objects.requireNonNull(schema, "schema == null");
    columns = List.copyOf(columns);
    Objects.requireNonNull(primaryKey, "primaryKey == null");
    uniques = sorted(uniques, UniqueModel::name);
    indexes = sorted(indexes, IndexModel::name);
    foreignKeys = sorted(foreignKeys, ForeignKeyModel::name);
    checks = sorted(checks, CheckModel::name);
    Objects.requireNonNull(comment, "comment == null");

    if (columns.isEmpty()) {
      throw new IllegalArgumentException("table " + name + " has no columns");
    }
    Set<String> columnNames = new HashSet<>();
    for (ColumnModel column : columns) {
      if (!columnNames.add(column.name())) {
        throw new IllegalArgumentException("table " + name + " has two columns named " + column.name());
      }
    }
    Set<String> constraintNames = new HashSet<>();
    if (primaryKey.isPresent()) {
      PrimaryKeyModel key = primaryKey.get();
      requireColumns(name, columnNames, "primary key " + key.name(), key.columns());
      constraintNames.add(key.name());
      for (String keyColumn : key.columns()) {
        if (columns.stream().anyMatch(c -> c.name().equals(keyColumn) && c.nullable())) {
          throw new IllegalArgumentException(
              "primary key column " + name + "." + keyColumn + " is nullable; key columns are NOT NULL");
        }
      }
    }
    for (UniqueModel unique : uniques) {
      requireColumns(name, columnNames, "unique constraint " + unique.name(), unique.columns());
      requireNewName(name, constraintNames, unique.name());
    }
    for (IndexModel index : indexes) {
      requireColumns(name, columnNames, "index " + index.name(), index.columns());
      requireNewName(name, constraintNames, index.name());
    }
    for (ForeignKeyModel key : foreignKeys) {
      requireColumns(name, columnNames, "foreign key " + key.name(), key.columns());
      requireNewName(name, constraintNames, key.name());
    }
    for (CheckModel check : checks) {
      requireNewName(name, constraintNames, check.name());
    }
  }

  /** A table with these columns and nothing else. */
  public static TableModel of(String name, List<ColumnModel> columns) {
    return new TableModel(
        name, "", columns, Optional.empty(), List.of(), List.of(), List.of(), List.of(), Optional.empty());
  }

  /** The column of that name, if the table has one. */
  public Optional<ColumnModel> column(String columnName) {
    for (ColumnModel column : columns) {
      if (column.name().equals(columnName)) {
        return Optional.of(column);
      }
    }
    return Optional.empty();
  }

  /** The names of the columns, in creation order. */
  public List<String> columnNames() {
    return columns.stream().map(ColumnModel::name).toList();
  }

  /** The names of every constraint and index on this table. */
  public Set<String> objectNames() {
    Set<String> names = new HashSet<>();
    primaryKey.ifPresent(k -> names.add(k.name()));
    uniques.forEach(u -> names.add(u.name()));
    indexes.forEach(i -> names.add(i.name()));
    foreignKeys.forEach(f -> names.add(f.name()));
    checks.forEach(c -> names.add(c.name()));
    return names;
  }

  /** Returns a builder holding this table's components. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TableModel that
        && name.equals(that.name)
        && schema.equals(that.schema)
        && columnsByName().equals(that.columnsByName())
        && primaryKey.equals(that.primaryKey)
        && uniques.equals(that.uniques)
        && indexes.equals(that.indexes)
        && foreignKeys.equals(that.foreignKeys)
        && checks.equals(that.checks)
        && comment.equals(that.comment);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, schema, columnsByName(), primaryKey, uniques, indexes, foreignKeys, checks, comment);
  }

  private Map<String, ColumnModel> columnsByName() {
    Map<String, ColumnModel> byName = new TreeMap<>();
    columns.forEach(c -> byName.put(c.name(), c));
    return byName;
  }

  private static <T> List<T> sorted(List<T> items, Function<T, String> name) {
    List<T> copy = new ArrayList<>(items);
    copy.sort(Comparator.comparing(name));
    return List.copyOf(copy);
  }

  private static void requireColumns(String table, Set<String> columnNames, String what, List<String> used) {
    for (String column : used) {
      if (!columnNames.contains(column)) {
        throw new IllegalArgumentException(what + " on table " + table + " names unknown column " + column);
      }
    }
  }

  private static void requireNewName(String table, Set<String> names, String name) {
    if (!names.add(name)) {
      throw new IllegalArgumentException("table " + table + " has two constraints or indexes named " + name);
    }
  }

  /** Builds a {@link TableModel} step by step; {@link #build()} validates. */
  public static final class Builder {
    private String name;
    private String schema;
    private final List<ColumnModel> columns;
    private Optional<PrimaryKeyModel> primaryKey;
    private final List<UniqueModel> uniques;
    private final List<IndexModel> indexes;
    private final List<ForeignKeyModel> foreignKeys;
    private final List<CheckModel> checks;
    private Optional<String> comment;

    /** Starts an empty table of that name. */
    public Builder(String name) {
      this.name = name;
      this.schema = "";
      this.columns = new ArrayList<>();
      this.primaryKey = Optional.empty();
      this.uniques = new ArrayList<>();
      this.indexes = new ArrayList<>();
      this.foreignKeys = new ArrayList<>();
      this.checks = new ArrayList<>();
      this.comment = Optional.empty();
    }

    private Builder(TableModel table) {
      this.name = table.name;
      this.schema = table.schema;
      this.columns = new ArrayList<>(table.columns);
      this.primaryKey = table.primaryKey;
      this.uniques = new ArrayList<>(table.uniques);
      this.indexes = new ArrayList<>(table.indexes);
      this.foreignKeys = new ArrayList<>(table.foreignKeys);
      this.checks = new ArrayList<>(table.checks);
      this.comment = table.comment;
    }

    /** Sets the name. */
    public Builder name(String newName) {
      this.name = newName;
      return this;
    }

    /** Sets the database schema. */
    public Builder schema(String newSchema) {
      this.schema = newSchema;
      return this;
    }

    /** The columns, mutable. */
    public List<ColumnModel> columns() {
      return columns;
    }

    /** Sets the primary key. */
    public Builder primaryKey(Optional<PrimaryKeyModel> key) {
      this.primaryKey = key;
      return this;
    }

    /** The unique constraints, mutable. */
    public List<UniqueModel> uniques() {
      return uniques;
    }

    /** The indexes, mutable. */
    public List<IndexModel> indexes() {
      return indexes;
    }

    /** The foreign keys, mutable. */
    public List<ForeignKeyModel> foreignKeys() {
      return foreignKeys;
    }

    /** The checks, mutable. */
    public List<CheckModel> checks() {
      return checks;
    }

    /** Sets the comment. */
    public Builder comment(Optional<String> newComment) {
      this.comment = newComment;
      return this;
    }

    /** Adds a column. */
    public Builder column(ColumnModel column) {
      columns.add(column);
      return this;
    }

    /** Adds a unique constraint. */
    public Builder unique(UniqueModel unique) {
      uniques.add(unique);
      return this;
    }

    /** Adds an index. */
    public Builder index(IndexModel index) {
      indexes.add(index);
      return this;
    }

    /** Adds a foreign key. */
    public Builder foreignKey(ForeignKeyModel foreignKey) {
      foreignKeys.add(foreignKey);
      return this;
    }

    /** Adds a check constraint. */
    public Builder check(CheckModel check) {
      checks.add(check);
      return this;
    }

    /** Validates and builds the table. */
    public TableModel build() {
      return new TableModel(name, schema, columns, primaryKey, uniques, indexes, foreignKeys, checks, comment);
    }
  }
}
