package dev.retort.model;

import dev.retort.operation.Operation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A whole database schema: its tables, sequences and views, each sorted by name.
 *
 * <p>The schema model is what the processor derives from {@code @Table} entities, what a
 * snapshot stores, and what the runtime keeps in memory by applying each migration's
 * operations, so that a dialect always knows the full current definition of a table.
 * Instances are immutable; {@link #apply} returns a new schema, and {@link SchemaEvolution}
 * applies a long list of operations one at a time in time proportional to what they touch.
 *
 * <p>The constructor checks what spans tables: table names are distinct, index and
 * constraint names are distinct across the schema (PostgreSQL and SQLite require it for
 * indexes, MySQL for foreign keys), foreign keys point at existing columns, and sequence names
 * are distinct and used by no table, constraint or index (PostgreSQL keeps sequences, tables and
 * indexes in one namespace, MariaDB sequences and tables), and view names are distinct and used
 * by no table, sequence, constraint or index (every database keeps views and tables in one
 * namespace). It does not check what a view's query refers to: that is SQL Retort does not parse.
 *
 * <p>It does not require one enum name to have the same values in every column. The
 * schema that entities declare and a snapshot holds must (the snapshot reader checks it),
 * but a migration changes an enum's values one column at a time
 * ({@link dev.retort.operation.AlterColumn}), so the schema between two of its operations
 * holds both lists.
 *
 * <p>A schema {@linkplain #lazy read lazily} from a {@link TableSource} reads a table when
 * {@link #table} asks for it, and the whole schema when {@link #tables} (or {@link #equals},
 * {@link #hashCode}, {@link #toString}, {@link #apply}) needs every table; {@link
 * SchemaEvolution} keeps it lazy, holding the tables its operations changed over the source's.
 * Every table it gives is the one the whole read gives.
 *
 * <p>Two schemas are equal when they have equal tables, sequences and views.
 */
public final class SchemaModel {

  private static final Comparator<TableModel> BY_NAME = Comparator.comparing(TableModel::name);

  private static final Comparator<SequenceModel> SEQUENCE_BY_NAME = Comparator.comparing(SequenceModel::name);

  private static final Comparator<ViewModel> VIEW_BY_NAME = Comparator.comparing(ViewModel::name);

  private static final SchemaModel EMPTY = new SchemaModel(List.of());

  /** The tables, sorted by name; for a lazy schema null until {@link #tables} first asks for them. */
  private List<TableModel> tables;
  private final List<SequenceModel> sequences;
  private final List<ViewModel> views;
  /** Where the tables of a lazy schema come from; null when {@link #tables} holds them. */
  private final TableSource source;
  /**
   * For a lazy schema, the tables that differ from the source's, by name: the current table, or
   * null for one that no longer exists. Empty otherwise.
   */
  private final Map<String, TableModel> overrides;

  /**
   * Creates a schema from its tables, in any order, without sequences.
   *
   * @param tables the tables
   * @throws SchemaException if two tables have one name, two constraints or indexes one name,
   *     or a foreign key points at a missing table or column
   */
  public SchemaModel(List<TableModel> tables) {
    this(tables, List.of());
  }

  /**
   * Creates a schema from its tables and sequences, each in any order.
   *
   * @param tables the tables
   * @param sequences the sequences
   * @throws SchemaException if two tables have one name, two constraints or indexes one name,
   *     a foreign key points at a missing table or column, or a sequence's name is another
   *     sequence's or a table's, constraint's or index's
   */
  public SchemaModel(List<TableModel> tables, List<SequenceModel> sequences) {
    this(tables, sequences, List.of());
  }

  /**
   * Creates a schema from its tables, sequences and views, each in any order.
   *
   * @param tables the tables
   * @param sequences the sequences
   * @param views the views
   * @throws SchemaException if two tables have one name, two constraints or indexes one name,
   *     a foreign key points at a missing table or column, a sequence's name is another
   *     sequence's or a table's, constraint's or index's, or a view's name is another view's or a
   *     table's, sequence's, constraint's or index's
   */
  public SchemaModel(List<TableModel> tables, List<SequenceModel> sequences, List<ViewModel> views) {
    Objects.requireNonNull(tables, "tables == null");
    Objects.requireNonNull(sequences, "sequences == null");
    Objects.requireNonNull(views, "views == null");
    List<TableModel> copy = new ArrayList<>(tables);
    copy.sort(BY_NAME);
    this.tables = List.copyOf(copy);
    List<SequenceModel> sequenceCopy = new ArrayList<>(sequences);
    sequenceCopy.sort(SEQUENCE_BY_NAME);
    this.sequences = List.copyOf(sequenceCopy);
    List<ViewModel> viewCopy = new ArrayList<>(views);
    viewCopy.sort(VIEW_BY_NAME);
    this.views = List.copyOf(viewCopy);
    this.source = null;
    this.overrides = Map.of();
    validate(this.tables, this.sequences, this.views);
  }

  /** Holds tables, sequences and views that are sorted by name and valid as a whole, which the caller has made sure of. */
  private SchemaModel(TableModel[] sortedValidTables, List<SequenceModel> sortedValidSequences,
      List<ViewModel> sortedValidViews) {
    this.tables = List.of(sortedValidTables);
    this.sequences = List.copyOf(sortedValidSequences);
    this.views = List.copyOf(sortedValidViews);
    this.source = null;
    this.overrides = Map.of();
  }

  /** A lazy schema: the source's tables with the overrides, which the caller has validated. */
  private SchemaModel(TableSource source, Map<String, TableModel> overrides, List<SequenceModel> sortedSequences,
      List<ViewModel> sortedViews) {
    this.tables = null;
    this.sequences = List.copyOf(sortedSequences);
    this.views = List.copyOf(sortedViews);
    this.source = source;
    this.overrides = overrides;
  }

  /**
   * A schema that reads its tables from a source as they are asked for, and reads the whole
   * source only when something needs every table. The source is trusted to be valid as a whole,
   * as {@link #SchemaModel(List, List)} would require: what spans tables is checked only when
   * the whole schema is read.
   *
   * @param source the tables
   * @return the schema
   */
  public static SchemaModel lazy(TableSource source) {
    Objects.requireNonNull(source, "source == null");
    return new SchemaModel(source, Map.of(), source.sequences(), source.views());
  }

  /**
   * A lazy schema of the source's tables with some of them changed, for {@link WorkingSchema},
   * which has validated each change.
   *
   * @param source the tables before the changes
   * @param overrides the current table for each changed name, null for a table that is gone
   * @param sortedSequences the sequences, sorted by name
   * @param sortedViews the views, sorted by name
   */
  static SchemaModel overlay(TableSource source, Map<String, TableModel> overrides,
      List<SequenceModel> sortedSequences, List<ViewModel> sortedViews) {
    return new SchemaModel(source, Collections.unmodifiableMap(new HashMap<>(overrides)), sortedSequences,
        sortedViews);
  }

  /** Where a lazy schema reads its tables, or null if it holds them. */
  TableSource source() {
    return source;
  }

  /** For a lazy schema, the tables that differ from its source's, a removed one as null. */
  Map<String, TableModel> overrides() {
    return overrides;
  }

  /**
   * A schema of tables and sequences that are already sorted by name and valid as a whole, for
   * {@link WorkingSchema}, which checks each change against the objects it affects instead of
   * validating the whole schema again.
   *
   * @param sortedValidTables the tables, sorted by name
   * @param sortedValidSequences the sequences, sorted by name
   * @param sortedValidViews the views, sorted by name
   */
  static SchemaModel ofValidated(TableModel[] sortedValidTables, List<SequenceModel> sortedValidSequences,
      List<ViewModel> sortedValidViews) {
    return new SchemaModel(sortedValidTables, sortedValidSequences, sortedValidViews);
  }

  /** The schema without tables: the state before the first revision. */
  public static SchemaModel empty() {
    return EMPTY;
  }

  /** The tables, sorted by name. A lazy schema reads the whole of its source for them. */
  public List<TableModel> tables() {
    List<TableModel> all = tables;
    if (all == null) {
      all = readAll();
      tables = all;
    }
    return all;
  }

  /** The source's tables, each overridden one replaced or left out, and the new ones, by name. */
  private List<TableModel> readAll() {
    Map<String, TableModel> byName = new TreeMap<>();
    for (TableModel table : source.whole().tables()) {
      if (!overrides.containsKey(table.name())) {
        byName.put(table.name(), table);
      }
    }
    overrides.forEach((name, table) -> {
      if (table != null) {
        byName.put(name, table);
      }
    });
    return List.copyOf(byName.values());
  }

  /**
   * The tables of this schema that {@code earlier} does not have as they are: created or
   * changed since, when this schema comes from {@code earlier} by operations, which leave every
   * other table the same instance. Two lazy schemas of one source compare only the tables
   * changed in either, without reading the others.
   *
   * @param earlier the schema before
   * @return the created or changed tables, sorted by name
   */
  public List<TableModel> tablesChangedSince(SchemaModel earlier) {
    Objects.requireNonNull(earlier, "earlier == null");
    List<TableModel> changed = new ArrayList<>();
    if (source != null && source == earlier.source) {
      Set<String> names = new TreeSet<>(overrides.keySet());
      names.addAll(earlier.overrides.keySet());
      for (String name : names) {
        TableModel table = table(name).orElse(null);
        if (table != null && table != earlier.table(name).orElse(null)) {
          changed.add(table);
        }
      }
      return changed;
    }
    List<TableModel> others = earlier.tables();
    int j = 0;
    for (TableModel table : tables()) {
      while (j < others.size() && others.get(j) != table && others.get(j).name().compareTo(table.name()) < 0) {
        j++;
      }
      if (j < others.size() && others.get(j) == table) {
        j++;
      } else {
        changed.add(table);
      }
    }
    return changed;
  }

  /** The sequences, sorted by name. */
  public List<SequenceModel> sequences() {
    return sequences;
  }

  /** The views, sorted by name. */
  public List<ViewModel> views() {
    return views;
  }

  /** The view of that name, if there is one. */
  public Optional<ViewModel> view(String name) {
    for (ViewModel view : views) {
      if (view.name().equals(name)) {
        return Optional.of(view);
      }
    }
    return Optional.empty();
  }

  /** The sequence of that name, if there is one. */
  public Optional<SequenceModel> sequence(String name) {
    for (SequenceModel sequence : sequences) {
      if (sequence.name().equals(name)) {
        return Optional.of(sequence);
      }
    }
    return Optional.empty();
  }

  /** The table of that name, if there is one. A lazy schema reads only that table. */
  public Optional<TableModel> table(String name) {
    List<TableModel> tables = this.tables;
    if (tables == null) {
      return overrides.containsKey(name) ? Optional.ofNullable(overrides.get(name)) : source.table(name);
    }
    int low = 0;
    int high = tables.size() - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      TableModel table = tables.get(middle);
      int order = table.name().compareTo(name);
      if (order < 0) {
        low = middle + 1;
      } else if (order > 0) {
        high = middle - 1;
      } else {
        return Optional.of(table);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the schema after an operation.
   *
   * @param operation the operation
   * @return the new schema; this one if the operation does not change the model
   *     ({@link dev.retort.operation.Execute}, {@link dev.retort.operation.JdbcStep},
   *     {@link dev.retort.operation.ValidateConstraint})
   * @throws SchemaException if the operation does not fit this schema, naming both
   */
  public SchemaModel apply(Operation operation) {
    Objects.requireNonNull(operation, "operation == null");
    return Applier.apply(this, List.of(operation));
  }

  /**
   * Returns the schema after a list of operations, applied in order. It is the same as applying
   * them one at a time, but takes time in proportion to what the operations touch rather than to
   * the size of the schema times their number.
   *
   * @param operations the operations
   * @return the new schema; this one if no operation changes the model
   * @throws SchemaException at the first operation that does not fit, naming it
   */
  public SchemaModel applyAll(List<? extends Operation> operations) {
    Objects.requireNonNull(operations, "operations == null");
    return Applier.apply(this, operations);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SchemaModel schema && tables().equals(schema.tables())
        && sequences.equals(schema.sequences) && views.equals(schema.views);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * tables().hashCode() + sequences.hashCode()) + views.hashCode();
  }

  @Override
  public String toString() {
    return "SchemaModel[tables=" + tables()
        + (sequences.isEmpty() ? "" : ", sequences=" + sequences)
        + (views.isEmpty() ? "" : ", views=" + views) + "]";
  }

  /**
   * Validates what spans tables. {@link WorkingSchema} runs the same checks on the tables a
   * change affects, so both report the same first problem with the same message.
   */
  private static void validate(List<TableModel> tables, List<SequenceModel> sequences, List<ViewModel> views) {
    Map<String, TableModel> byName = new HashMap<>();
    Map<String, String> objectOwners = new HashMap<>();
    for (TableModel table : tables) {
      if (byName.put(table.name(), table) != null) {
        throw new SchemaException(duplicateTable(table.name()));
      }
      claimObjectNames(table, objectOwners);
    }
    for (TableModel table : tables) {
      checkForeignKeys(table, byName::get);
    }
    SequenceModel previous = null;
    for (SequenceModel sequence : sequences) {
      if (previous != null && previous.name().equals(sequence.name())) {
        throw new SchemaException(duplicateSequence(sequence.name()));
      }
      checkSequenceName(sequence.name(), byName::containsKey, objectOwners::get);
      previous = sequence;
    }
    ViewModel previousView = null;
    for (ViewModel view : views) {
      if (previousView != null && previousView.name().equals(view.name())) {
        throw new SchemaException(duplicateView(view.name()));
      }
      checkViewName(view.name(), byName::containsKey, name -> sequences.stream().anyMatch(s -> s.name().equals(name)),
          objectOwners::get);
      previousView = view;
    }
  }

  static String duplicateView(String name) {
    return "the schema has two views named " + name;
  }

  /**
   * Checks that a view's name is not a table's, sequence's, constraint's or index's.
   *
   * @param isTable whether a table has the name
   * @param isSequence whether a sequence has the name
   * @param objectOwner the table owning a constraint or index of the name, or null
   * @throws SchemaException if the name is taken
   */
  static void checkViewName(String name, Predicate<String> isTable, Predicate<String> isSequence,
      Function<String, String> objectOwner) {
    if (isTable.test(name)) {
      throw new SchemaException("view " + name + " has the name of a table; databases keep views and tables in one"
          + " namespace, so give the view another name");
    }
    if (isSequence.test(name)) {
      throw new SchemaException("view " + name + " has the name of a sequence; PostgreSQL and MariaDB keep views and"
          + " sequences in one namespace, so give the view another name");
    }
    String owner = objectOwner.apply(name);
    if (owner != null) {
      throw new SchemaException("view " + name + " has the name of a constraint or index on " + owner
          + "; PostgreSQL keeps views and indexes in one namespace, so give the view another name");
    }
  }

  static String duplicateSequence(String name) {
    return "the schema has two sequences named " + name;
  }

  /**
   * Checks that a sequence's name is not a table's, constraint's or index's.
   *
   * @param isTable whether a table has the name
   * @param objectOwner the table owning a constraint or index of the name, or null
   * @throws SchemaException if the name is taken
   */
  static void checkSequenceName(String name, Predicate<String> isTable, Function<String, String> objectOwner) {
    if (isTable.test(name)) {
      throw new SchemaException("sequence " + name + " has the name of a table; PostgreSQL and MariaDB keep"
          + " sequences and tables in one namespace, so give the sequence another name");
    }
    String owner = objectOwner.apply(name);
    if (owner != null) {
      throw new SchemaException("sequence " + name + " has the name of a constraint or index on " + owner
          + "; PostgreSQL keeps sequences and indexes in one namespace, so give the sequence another name");
    }
  }

  static String duplicateTable(String name) {
    return "the schema has two tables named " + name;
  }

  /**
   * Records the table as the owner of its constraint and index names.
   *
   * @param owners the owner of each name claimed so far, by earlier tables
   * @throws SchemaException if an earlier table has claimed one of the names
   */
  static void claimObjectNames(TableModel table, Map<String, String> owners) {
    for (String object : table.objectNames()) {
      String owner = owners.putIfAbsent(object, table.name());
      if (owner != null) {
        throw new SchemaException(
            "constraint or index name " + object + " is used on both " + owner + " and " + table.name()
                + "; such names must be unique across the schema");
      }
    }
  }

  /**
   * Checks that the table's foreign keys point at existing tables and columns.
   *
   * @param tables the table of each name, or null
   * @throws SchemaException at the first key that does not
   */
  static void checkForeignKeys(TableModel table, Function<String, TableModel> tables) {
    for (ForeignKeyModel key : table.foreignKeys()) {
      TableModel target = tables.apply(key.referencedTable());
      if (target == null) {
        throw new SchemaException(
            "foreign key " + key.name() + " on " + table.name() + " references missing table "
                + key.referencedTable());
      }
      for (String column : key.referencedColumns()) {
        if (target.column(column).isEmpty()) {
          throw new SchemaException(
              "foreign key " + key.name() + " on " + table.name() + " references missing column "
                  + target.name() + "." + column);
        }
      }
    }
  }
}
