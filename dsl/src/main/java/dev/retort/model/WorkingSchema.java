package dev.retort.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A schema that a list of operations changes in place, for {@link SchemaModel#applyAll} and
 * {@link SchemaEvolution}.
 *
 * <p>Applying operations one immutable {@link SchemaModel} at a time copies and validates the
 * whole schema for every operation, which is quadratic: creating and dropping 5,000 tables
 * allocated 16 GB. Here the tables are kept by name, with the owner of every
 * constraint and index name and the tables whose foreign keys point at each table, so that an
 * operation costs what it touches.
 *
 * <p>In {@link Checking#EACH_CHANGE} mode each change is validated against the tables it can
 * affect, with the checks of {@link SchemaModel}'s constructor, in the order that constructor
 * runs them: since the schema before the change was valid, every problem involves a changed
 * table, so the first problem found, and its message, are the ones a validation of the whole
 * schema would report. In {@link Checking#AT_END} mode nothing is checked until {@link #toModel},
 * which validates the whole schema: for a single operation, that is no more work. In {@link
 * Checking#EACH_CHANGE} mode {@link #toModel} trusts the checks already made and only merges the
 * changed tables into the sorted list of the last model, so a model after every operation costs
 * a copy of that list rather than a validation of the whole schema.
 *
 * <p>A {@linkplain SchemaModel#lazy lazy} schema stays lazy in {@link Checking#EACH_CHANGE} mode:
 * {@link #tables} then holds only the tables read so far and those changed, and the questions
 * that span tables (does a name exist, who owns a constraint name, who references a table) are
 * answered for the tables not changed by the {@link TableSource}, without reading them. The
 * models it gives are lazy too, the changed tables over the source's. In {@link Checking#AT_END}
 * mode, which validates the whole result anyway, the whole schema is read at the start.
 *
 * <p>After a change has thrown, the working schema is in an undefined state and must be dropped.
 */
final class WorkingSchema {

  /** When changes are validated. */
  enum Checking {
    /** Each change, against the tables it affects. */
    EACH_CHANGE,
    /** Only the result, as a whole, by {@link #toModel}. */
    AT_END
  }

  /**
   * What one operation does to the tables and sequences.
   *
   * @param replaced the new version of each table the operation creates or changes, by the
   *     table's name before the operation: a created table under its own name, a renamed table
   *     under its old name
   * @param removed the names of the tables the operation drops
   * @param replacedSequences the new version of each sequence the operation creates or changes,
   *     by the sequence's name before the operation
   * @param removedSequences the names of the sequences the operation drops
   * @param createdViews the views the operation creates
   * @param removedViews the names of the views the operation drops
   */
  record Edit(Map<String, TableModel> replaced, Set<String> removed, Map<String, SequenceModel> replacedSequences,
      Set<String> removedSequences, List<ViewModel> createdViews, Set<String> removedViews) {

    /** No change at all. */
    static final Edit NONE = new Edit(Map.of(), Set.of(), Map.of(), Set.of());

    /** Copies the components. */
    Edit {
      replaced = Map.copyOf(replaced);
      removed = Set.copyOf(removed);
      replacedSequences = Map.copyOf(replacedSequences);
      removedSequences = Set.copyOf(removedSequences);
      createdViews = List.copyOf(createdViews);
      removedViews = Set.copyOf(removedViews);
    }

    /** An edit of tables and sequences only. */
    Edit(Map<String, TableModel> replaced, Set<String> removed, Map<String, SequenceModel> replacedSequences,
        Set<String> removedSequences) {
      this(replaced, removed, replacedSequences, removedSequences, List.of(), Set.of());
    }

    /** Creates a table. */
    static Edit create(TableModel table) {
      return new Edit(Map.of(table.name(), table), Set.of(), Map.of(), Set.of());
    }

    /** Replaces one table. */
    static Edit replace(String name, TableModel table) {
      return new Edit(Map.of(name, table), Set.of(), Map.of(), Set.of());
    }

    /** Removes one table. */
    static Edit remove(String name) {
      return new Edit(Map.of(), Set.of(name), Map.of(), Set.of());
    }

    /** Replaces several tables. */
    static Edit replace(Map<String, TableModel> tables) {
      return new Edit(tables, Set.of(), Map.of(), Set.of());
    }

    /** Creates a sequence, or replaces the one of its name. */
    static Edit sequence(SequenceModel sequence) {
      return new Edit(Map.of(), Set.of(), Map.of(sequence.name(), sequence), Set.of());
    }

    /** Removes one sequence. */
    static Edit removeSequence(String name) {
      return new Edit(Map.of(), Set.of(), Map.of(), Set.of(name));
    }

    /** Creates a view. */
    static Edit view(ViewModel view) {
      return new Edit(Map.of(), Set.of(), Map.of(), Set.of(), List.of(view), Set.of());
    }

    /** Removes one view. */
    static Edit removeView(String name) {
      return new Edit(Map.of(), Set.of(), Map.of(), Set.of(), List.of(), Set.of(name));
    }

    /** Whether the edit changes nothing. */
    boolean isEmpty() {
      return replaced.isEmpty() && removed.isEmpty() && replacedSequences.isEmpty() && removedSequences.isEmpty()
          && createdViews.isEmpty() && removedViews.isEmpty();
    }
  }

  private final Checking checking;
  /** Where the tables not changed come from, for a lazy start; null when {@link #tables} holds every table. */
  private final TableSource base;
  /**
   * For a lazy start, the tables changed since {@link #base}, by name: the current table, or null
   * for one that is gone. The changed tables alone are in {@link #objectOwners} and {@link
   * #referencedBy}; for the others the base answers.
   */
  private final Map<String, TableModel> overrides = new HashMap<>();
  /** The schema as {@link #toModel} last returned it, or as it started. */
  private SchemaModel model;
  /** The names of the tables created, replaced or removed since {@link #model}, old and new names alike. */
  private final Set<String> dirty = new HashSet<>();
  /** The tables by name: every one, or for a lazy start those changed and those read so far. */
  private final Map<String, TableModel> tables = new HashMap<>();
  /** Table by the name of each of its constraints and indexes; kept only when checking each change. */
  private final Map<String, String> objectOwners = new HashMap<>();
  /** For each referenced table name, the names of the tables with a foreign key to it, sorted. */
  private final Map<String, Set<String>> referencedBy = new HashMap<>();
  /** The sequences by name, sorted: a schema has few, so they are copied whole into each model. */
  private final Map<String, SequenceModel> sequences = new TreeMap<>();
  /** Whether a sequence was created, changed or removed since {@link #model}. */
  private boolean sequencesDirty;
  /** The views by name, sorted: copied whole into each model, as the sequences are. */
  private final Map<String, ViewModel> views = new TreeMap<>();
  /** Whether a view was created or removed since {@link #model}. */
  private boolean viewsDirty;

  /**
   * Starts from a valid schema.
   *
   * @param original the schema before the first change
   * @param checking when changes are validated
   */
  WorkingSchema(SchemaModel original, Checking checking) {
    this.model = Objects.requireNonNull(original, "original == null");
    this.checking = Objects.requireNonNull(checking, "checking == null");
    this.base = checking == Checking.EACH_CHANGE ? original.source() : null;
    if (base != null) {
      overrides.putAll(original.overrides());
      overrides.values().stream().filter(Objects::nonNull).forEach(table -> {
        tables.put(table.name(), table);
        index(table);
      });
    } else {
      for (TableModel table : original.tables()) {
        tables.put(table.name(), table);
        index(table);
      }
    }
    original.sequences().forEach(sequence -> sequences.put(sequence.name(), sequence));
    original.views().forEach(view -> views.put(view.name(), view));
  }

  /** The table of that name, if there is one. */
  Optional<TableModel> table(String name) {
    return Optional.ofNullable(lookup(name));
  }

  /** The table of that name, or null; for a lazy start, read from the base if not changed. */
  private TableModel lookup(String name) {
    TableModel table = tables.get(name);
    if (table == null && base != null && !overrides.containsKey(name)) {
      table = base.table(name).orElse(null);
      if (table != null) {
        tables.put(name, table);
      }
    }
    return table;
  }

  /** Whether a table of that name exists, without reading it. */
  private boolean exists(String name) {
    if (tables.containsKey(name)) {
      return true;
    }
    if (base == null || overrides.containsKey(name)) {
      return false;
    }
    return Collections.binarySearch(base.tableNames(), name) >= 0;
  }

  /** The table owning a constraint or index name, or null. */
  private String ownerOf(String object) {
    String owner = objectOwners.get(object);
    if (owner == null && base != null) {
      owner = base.objectOwner(object).filter(table -> !overrides.containsKey(table)).orElse(null);
    }
    return owner;
  }

  /** The names of the tables with a foreign key to the named one, sorted. */
  private Set<String> referencingNames(String name) {
    Set<String> names = referencedBy.getOrDefault(name, Set.of());
    if (base == null) {
      return names;
    }
    Set<String> all = new TreeSet<>(names);
    base.referencing(name).stream().filter(table -> !overrides.containsKey(table)).forEach(all::add);
    return all;
  }

  /** The sequence of that name, if there is one. */
  Optional<SequenceModel> sequence(String name) {
    return Optional.ofNullable(sequences.get(name));
  }

  /** The view of that name, if there is one. */
  Optional<ViewModel> view(String name) {
    return Optional.ofNullable(views.get(name));
  }

  /**
   * The tables with at least one foreign key to the named table, itself included if it refers
   * to itself, sorted by name: the order in which scanning the whole schema would meet them.
   */
  List<TableModel> referencing(String name) {
    Set<String> names = referencingNames(name);
    List<TableModel> referencing = new ArrayList<>(names.size());
    names.forEach(n -> referencing.add(lookup(n)));
    return referencing;
  }

  /**
   * Makes a change, validating it in {@link Checking#EACH_CHANGE} mode.
   *
   * @param edit the tables to create, replace and remove
   * @throws SchemaException if the changed schema is invalid, with the message of {@link
   *     SchemaModel}'s validation
   */
  void change(Edit edit) {
    if (edit.isEmpty()) {
      return;
    }
    changeSequences(edit);
    changeViews(edit);
    Set<String> touched = new HashSet<>(edit.removed());
    touched.addAll(edit.replaced().keySet());
    for (String name : touched) {
      TableModel old = tables.remove(name);
      // Of a lazy start only the changed tables are indexed; the base answers for the others.
      if (old != null && (base == null || overrides.get(name) == old)) {
        unindex(old);
      }
      if (base != null) {
        overrides.put(name, null);
      }
    }
    List<TableModel> added = new ArrayList<>(edit.replaced().values());
    for (TableModel table : added) {
      if (exists(table.name())) {
        throw new SchemaException(SchemaModel.duplicateTable(table.name()));
      }
      tables.put(table.name(), table);
      if (base != null) {
        overrides.put(table.name(), table);
      }
      touched.add(table.name());
    }
    if (checking == Checking.EACH_CHANGE) {
      checkObjectNames(added);
      for (TableModel table : added) {
        checkNotSequencesOrViews(table);
      }
    }
    added.forEach(this::index);
    dirty.addAll(touched);
    if (checking == Checking.EACH_CHANGE) {
      checkForeignKeys(added, touched);
    }
  }

  /**
   * The schema after every change so far: the last model itself if nothing changed since, else
   * a new schema. The working schema can go on changing afterwards.
   *
   * @throws SchemaException in {@link Checking#AT_END} mode, if the schema is invalid
   */
  SchemaModel toModel() {
    if (dirty.isEmpty() && !sequencesDirty && !viewsDirty) {
      return model;
    }
    model = checking == Checking.AT_END
        ? new SchemaModel(new ArrayList<>(tables.values()), new ArrayList<>(sequences.values()),
            new ArrayList<>(views.values()))
        : base != null
            ? SchemaModel.overlay(base, overrides, new ArrayList<>(sequences.values()), new ArrayList<>(views.values()))
        : merged();
    dirty.clear();
    sequencesDirty = false;
    viewsDirty = false;
    return model;
  }

  /** Removes and replaces the edit's sequences; in {@link Checking#EACH_CHANGE} mode, checks the new names. */
  private void changeSequences(Edit edit) {
    if (edit.replacedSequences().isEmpty() && edit.removedSequences().isEmpty()) {
      return;
    }
    sequencesDirty = true;
    edit.removedSequences().forEach(sequences::remove);
    edit.replacedSequences().keySet().forEach(sequences::remove);
    for (SequenceModel sequence : edit.replacedSequences().values()) {
      if (sequences.putIfAbsent(sequence.name(), sequence) != null) {
        throw new SchemaException(SchemaModel.duplicateSequence(sequence.name()));
      }
      if (checking == Checking.EACH_CHANGE) {
        SchemaModel.checkSequenceName(sequence.name(), this::exists, this::ownerOf);
        if (views.containsKey(sequence.name())) {
          SchemaModel.checkViewName(sequence.name(), name -> false, name -> true, name -> null);
        }
      }
    }
  }

  /** Removes and creates the edit's views; in {@link Checking#EACH_CHANGE} mode, checks the new names. */
  private void changeViews(Edit edit) {
    if (edit.createdViews().isEmpty() && edit.removedViews().isEmpty()) {
      return;
    }
    viewsDirty = true;
    edit.removedViews().forEach(views::remove);
    for (ViewModel view : edit.createdViews()) {
      if (views.putIfAbsent(view.name(), view) != null) {
        throw new SchemaException(SchemaModel.duplicateView(view.name()));
      }
      if (checking == Checking.EACH_CHANGE) {
        SchemaModel.checkViewName(view.name(), this::exists, sequences::containsKey, this::ownerOf);
      }
    }
  }

  /** Checks that no sequence or view has the name of the table or of one of its constraints or indexes. */
  private void checkNotSequencesOrViews(TableModel table) {
    if (!sequences.isEmpty()) {
      if (sequences.containsKey(table.name())) {
        SchemaModel.checkSequenceName(table.name(), name -> true, name -> null);
      }
      for (String object : table.objectNames()) {
        if (sequences.containsKey(object)) {
          SchemaModel.checkSequenceName(object, name -> false, name -> table.name());
        }
      }
    }
    if (!views.isEmpty()) {
      if (views.containsKey(table.name())) {
        SchemaModel.checkViewName(table.name(), name -> true, name -> false, name -> null);
      }
      for (String object : table.objectNames()) {
        if (views.containsKey(object)) {
          SchemaModel.checkViewName(object, name -> false, name -> false, name -> table.name());
        }
      }
    }
  }

  /**
   * The last model's tables with the dirty ones replaced by their current versions, in name
   * order: one pass over the sorted tables and a sort of the few that changed.
   */
  private SchemaModel merged() {
    List<TableModel> changed = new ArrayList<>(dirty.size());
    for (String name : dirty) {
      TableModel table = tables.get(name);
      if (table != null) {
        changed.add(table);
      }
    }
    changed.sort(Comparator.comparing(TableModel::name));
    TableModel[] merged = new TableModel[tables.size()];
    int next = 0;
    int nextChanged = 0;
    for (TableModel kept : model.tables()) {
      if (dirty.contains(kept.name())) {
        continue;
      }
      while (nextChanged < changed.size() && changed.get(nextChanged).name().compareTo(kept.name()) < 0) {
        merged[next++] = changed.get(nextChanged++);
      }
      merged[next++] = kept;
    }
    while (nextChanged < changed.size()) {
      merged[next++] = changed.get(nextChanged++);
    }
    return SchemaModel.ofValidated(merged, new ArrayList<>(sequences.values()), new ArrayList<>(views.values()));
  }

  /**
   * Checks the constraint and index names of the added tables as {@link SchemaModel} checks
   * every name: in table name order, each name claimed by the first table that has it. Only the
   * added tables and the tables already owning one of their names can take part in a clash.
   */
  private void checkObjectNames(List<TableModel> added) {
    Set<String> involved = new TreeSet<>();
    for (TableModel table : added) {
      involved.add(table.name());
      for (String object : table.objectNames()) {
        String owner = ownerOf(object);
        if (owner != null) {
          involved.add(owner);
        }
      }
    }
    Map<String, String> owners = new HashMap<>();
    for (String name : involved) {
      SchemaModel.claimObjectNames(lookup(name), owners);
    }
  }

  /**
   * Checks the foreign keys that the change can break, in table name order as {@link
   * SchemaModel} checks all of them: those of the added tables, and those pointing at a table
   * that was replaced, removed or added.
   */
  private void checkForeignKeys(List<TableModel> added, Set<String> touched) {
    Set<String> involved = new TreeSet<>();
    added.forEach(table -> involved.add(table.name()));
    touched.forEach(name -> involved.addAll(referencingNames(name)));
    for (String name : involved) {
      SchemaModel.checkForeignKeys(lookup(name), this::lookup);
    }
  }

  private void index(TableModel table) {
    if (checking == Checking.EACH_CHANGE) {
      table.objectNames().forEach(object -> objectOwners.put(object, table.name()));
    }
    for (ForeignKeyModel key : table.foreignKeys()) {
      referencedBy.computeIfAbsent(key.referencedTable(), n -> new TreeSet<>()).add(table.name());
    }
  }

  private void unindex(TableModel table) {
    if (checking == Checking.EACH_CHANGE) {
      table.objectNames().forEach(objectOwners::remove);
    }
    for (ForeignKeyModel key : table.foreignKeys()) {
      // A table with two keys to one table is listed once, and unlisted at its first key.
      Set<String> referencing = referencedBy.get(key.referencedTable());
      if (referencing != null && referencing.remove(table.name()) && referencing.isEmpty()) {
        referencedBy.remove(key.referencedTable());
      }
    }
  }
}
