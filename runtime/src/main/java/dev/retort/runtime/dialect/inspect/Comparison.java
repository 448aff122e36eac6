package dev.retort.runtime.dialect.inspect;

import dev.retort.ReferentialAction;
import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.DefaultValue;
import dev.retort.model.ForeignKeyModel;
import dev.retort.model.IndexModel;
import dev.retort.model.Literals;
import dev.retort.model.PrimaryKeyModel;
import dev.retort.model.SequenceModel;
import dev.retort.model.TableModel;
import dev.retort.model.UniqueModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares one model table with the same table read from the database, listing the differences;
 * and the model's sequences of a schema with the database's.
 */
final class Comparison {

  private final Catalog catalog;
  private final TableModel model;
  private final LiveTable live;
  private final String name;
  private final List<Difference> differences = new ArrayList<>();

  private Comparison(Catalog catalog, TableModel model, LiveTable live) {
    this.catalog = catalog;
    this.model = model;
    this.live = live;
    this.name = model.schema().isEmpty() ? model.name() : model.schema() + "." + model.name();
  }

  static List<Difference> compare(Catalog catalog, TableModel model, LiveTable live) {
    Comparison comparison = new Comparison(catalog, model, live);
    comparison.columns();
    comparison.primaryKey();
    comparison.indexesAndUniques();
    comparison.foreignKeys();
    comparison.checks();
    if (catalog.keepsComments() && !model.comment().equals(live.comment())) {
      comparison.add("comment of table " + comparison.name + " is " + shown(live.comment()) + " in the database, "
          + shown(model.comment()) + " in the model");
    }
    return comparison.differences;
  }

  /**
   * Compares the sequences of one database schema: missing, extra, and with another start or
   * increment.
   *
   * @param model the model's sequences in the schema
   * @param live the database's, as {@link Catalog#sequences} reads them
   * @param prefix what goes before a sequence name in a message: the schema and a dot, or nothing
   *     for the connection's own schema
   */
  static List<Difference> sequences(List<SequenceModel> model, List<LiveSequence> live, String prefix) {
    List<Difference> differences = new ArrayList<>();
    Map<String, LiveSequence> byName = new HashMap<>();
    live.forEach(sequence -> byName.put(sequence.name(), sequence));
    Set<String> modelled = new HashSet<>();
    for (SequenceModel sequence : model) {
      String name = prefix + sequence.name();
      modelled.add(sequence.name());
      LiveSequence found = byName.get(sequence.name());
      if (found == null) {
        differences.add(new Difference(name, "sequence " + name + " is missing"));
        continue;
      }
      if (found.start() != sequence.start()) {
        differences.add(new Difference(name, "sequence " + name + " starts at " + found.start() + " in the database, "
            + sequence.start() + " in the model"));
      }
      if (found.increment() != sequence.increment()) {
        differences.add(new Difference(name, "sequence " + name + " increments by " + found.increment()
            + " in the database, " + sequence.increment() + " in the model"));
      }
    }
    for (LiveSequence sequence : live) {
      if (!modelled.contains(sequence.name())) {
        String name = prefix + sequence.name();
        differences.add(new Difference(name, "sequence " + name + " is in the database but not in the model"));
      }
    }
    return differences;
  }

  private void columns() {
    for (ColumnModel column : model.columns()) {
      Optional<LiveTable.Column> found = live.column(column.name());
      if (found.isEmpty()) {
        add("column " + name + "." + column.name() + " is missing");
      } else {
        column(column, found.get());
      }
    }
    for (LiveTable.Column column : live.columns()) {
      if (model.column(column.name()).isEmpty()) {
        add("column " + name + "." + column.name() + " is in the database but not in the model");
      }
    }
  }

  private void column(ColumnModel column, LiveTable.Column found) {
    String where = name + "." + column.name();
    String expected = catalog.comparableType(catalog.expectedType(model, column));
    if (!expected.equals(catalog.comparableType(found.type()))) {
      add(where + " is " + found.type() + " in the database, " + column.type().sql() + " in the model");
    } else if (column.type() instanceof ColumnType.Enumerated type
        && found.enumValues().isPresent()
        && !found.enumValues().get().equals(type.values())) {
      add("enum " + where + " has values " + values(found.enumValues().get()) + " in the database, "
          + values(type.values()) + " in the model");
    }
    if (column.nullable() != found.nullable()) {
      add(where + " is " + (found.nullable() ? "nullable" : "NOT NULL") + " in the database, "
          + (column.nullable() ? "nullable" : "NOT NULL") + " in the model");
    }
    if (column.identity() != found.identity()) {
      add(where + (found.identity() ? " is" : " is not") + " an identity column in the database, "
          + (column.identity() ? "but is" : "not") + " in the model");
    }
    defaultValue(where, column, found);
    if (catalog.keepsComments() && !column.comment().equals(found.comment())) {
      add("comment of " + where + " is " + shown(found.comment()) + " in the database, " + shown(column.comment())
          + " in the model");
    }
  }

  /** Literal defaults are compared by value; expression defaults by presence, since databases re-spell them. */
  private void defaultValue(String where, ColumnModel column, LiveTable.Column found) {
    Optional<Spelling.Shown> shown = found.defaultValue()
        .map(text -> Spelling.parseDefault(text, catalog.backslashEscapes()))
        .filter(value -> value.literal() || !value.text().equalsIgnoreCase("NULL"));
    Optional<DefaultValue> expected = column.defaultValue();
    if (expected.isEmpty() && shown.isEmpty()) {
      return;
    }
    String database = shown.map(value -> value.literal() ? Literals.quote(value.text()) : value.text()).orElse("none");
    String inModel = expected.map(DefaultValue::text).orElse("none");
    if (expected.isEmpty() || shown.isEmpty()) {
      add("default of " + where + " is " + database + " in the database, " + inModel + " in the model");
    } else if (expected.get() instanceof DefaultValue.Literal literal) {
      if (!shown.get().literal()
          || !Spelling.sameLiteral(column.type(), catalog.asShown(literal.value()), shown.get().text())) {
        add("default of " + where + " is " + database + " in the database, " + inModel + " in the model");
      }
    }
  }

  private void primaryKey() {
    Optional<PrimaryKeyModel> expected = model.primaryKey();
    Optional<LiveTable.PrimaryKey> found = live.primaryKey();
    if (expected.isEmpty() && found.isEmpty()) {
      return;
    }
    if (found.isEmpty()) {
      add("primary key " + expected.get().name() + " of " + name + " is missing");
    } else if (expected.isEmpty()) {
      add(name + " has a primary key " + columns(found.get().columns()) + " in the database but none in the model");
    } else {
      if (!expected.get().columns().equals(found.get().columns())) {
        add("primary key of " + name + " is " + columns(found.get().columns()) + " in the database, "
            + columns(expected.get().columns()) + " in the model");
      }
      if (catalog.keepsPrimaryKeyNames() && found.get().name().isPresent()
          && !found.get().name().get().equals(expected.get().name())) {
        add("primary key of " + name + " is named " + found.get().name().get() + " in the database, "
            + expected.get().name() + " in the model");
      }
    }
  }

  /**
   * Indexes are matched by name. Unique constraints are matched by columns: with the live unique
   * constraints where the database lists them (H2), else with unique indexes, because the
   * metadata shows constraints as unique indexes whose names some databases make up; where the
   * database keeps the name ({@link Catalog#keepsUniqueNames()}), a constraint named otherwise is
   * reported, since a migration that drops or changes it names it. A live
   * constraint's index stands for it even when the index is also one of the model's, as the
   * index H2 moves a constraint onto is. Indexes the database made for the primary key or a
   * foreign key are not reported.
   */
  private void indexesAndUniques() {
    Set<String> matched = new HashSet<>();
    live.primaryKey().ifPresent(key -> live.indexes().stream()
        .filter(index -> index.unique() && index.columns().equals(key.columns()))
        .forEach(index -> matched.add(index.name())));
    for (IndexModel index : model.indexes()) {
      Optional<LiveTable.Index> found = live.indexes().stream().filter(i -> i.name().equals(index.name())).findFirst();
      if (found.isEmpty()) {
        add("index " + index.name() + " of " + name + " is missing");
        continue;
      }
      matched.add(index.name());
      if (!found.get().columns().equals(index.columns())) {
        add("index " + index.name() + " of " + name + " is on " + columns(found.get().columns()) + " in the database, "
            + columns(index.columns()) + " in the model");
      }
      if (found.get().unique() != index.unique()) {
        add("index " + index.name() + " of " + name + " is " + (found.get().unique() ? "unique" : "not unique")
            + " in the database, " + (index.unique() ? "unique" : "not unique") + " in the model");
      }
    }
    if (live.uniques().isPresent()) {
      uniqueConstraints(live.uniques().get(), matched);
    } else {
      for (UniqueModel unique : model.uniques()) {
        List<LiveTable.Index> candidates = live.indexes().stream()
            .filter(i -> i.unique() && i.columns().equals(unique.columns()) && !matched.contains(i.name()))
            .toList();
        Optional<LiveTable.Index> found = candidates.stream().filter(i -> i.name().equals(unique.name())).findFirst()
            .or(() -> candidates.stream().findFirst());
        if (found.isEmpty()) {
          missingUnique(unique);
          continue;
        }
        matched.add(found.get().name());
        if (catalog.keepsUniqueNames() && !found.get().name().equals(unique.name())) {
          add("unique constraint of " + name + " on " + columns(unique.columns()) + " is named " + found.get().name()
              + " in the database, " + unique.name() + " in the model");
        }
      }
    }
    for (LiveTable.Index index : live.indexes()) {
      if (!matched.contains(index.name()) && !madeForForeignKey(index)) {
        add((index.unique() ? "unique index " : "index ") + index.name() + " " + columns(index.columns()) + " of "
            + name + " is in the database but not in the model");
      }
    }
  }

  /**
   * Matches the model's unique constraints with the live ones by columns; each live one's index
   * is then accounted for. A live constraint the model lacks is reported by its name.
   */
  private void uniqueConstraints(List<LiveTable.Unique> found, Set<String> matchedIndexes) {
    List<LiveTable.Unique> unmatched = new ArrayList<>(found);
    for (UniqueModel unique : model.uniques()) {
      Optional<LiveTable.Unique> match = unmatched.stream()
          .filter(candidate -> candidate.columns().equals(unique.columns()))
          .findFirst();
      if (match.isPresent()) {
        unmatched.remove(match.get());
        matchedIndexes.add(match.get().index());
      } else {
        missingUnique(unique);
      }
    }
    for (LiveTable.Unique unique : unmatched) {
      matchedIndexes.add(unique.index());
      add("unique constraint " + unique.name() + " " + columns(unique.columns()) + " of " + name
          + " is in the database but not in the model");
    }
  }

  private void missingUnique(UniqueModel unique) {
    add("unique constraint " + unique.name() + " " + columns(unique.columns()) + " of " + name + " is missing");
  }

  private void foreignKeys() {
    List<LiveTable.ForeignKey> unmatched = new ArrayList<>(live.foreignKeys());
    for (ForeignKeyModel key : model.foreignKeys()) {
      Optional<LiveTable.ForeignKey> found = unmatched.stream()
          .filter(candidate -> catalog.keepsForeignKeyNames() && candidate.name().isPresent()
              ? candidate.name().get().equals(key.name())
              : candidate.columns().equals(key.columns()) && candidate.referencedTable().equals(key.referencedTable()))
          .findFirst();
      if (found.isEmpty()) {
        add("foreign key " + key.name() + " of " + name + " is missing");
        continue;
      }
      unmatched.remove(found.get());
      LiveTable.ForeignKey actual = found.get();
      String what = "foreign key " + key.name() + " of " + name;
      if (!actual.columns().equals(key.columns()) || !actual.referencedTable().equals(key.referencedTable())
          || !actual.referencedColumns().equals(key.referencedColumns())) {
        add(what + " is " + columns(actual.columns()) + " → " + actual.referencedTable()
            + " " + columns(actual.referencedColumns()) + " in the database, " + columns(key.columns()) + " → "
            + key.referencedTable() + " " + columns(key.referencedColumns()) + " in the model");
      }
      if (!sameAction(actual.onDelete(), key.onDelete())) {
        add(what + " has ON DELETE " + actual.onDelete().sql() + " in the database, " + key.onDelete().sql()
            + " in the model");
      }
      if (!sameAction(actual.onUpdate(), key.onUpdate())) {
        add(what + " has ON UPDATE " + actual.onUpdate().sql() + " in the database, " + key.onUpdate().sql()
            + " in the model");
      }
    }
    for (LiveTable.ForeignKey key : unmatched) {
      add("foreign key " + key.name().map(n -> n + " ").orElse("") + columns(key.columns()) + " → "
          + key.referencedTable() + " of " + name + " is in the database but not in the model");
    }
  }

  private void checks() {
    if (live.checks().isEmpty()) {
      return;
    }
    List<String> found = live.checks().get();
    model.checks().stream()
        .filter(check -> !found.contains(check.name()))
        .forEach(check -> add("check constraint " + check.name() + " of " + name + " is missing"));
    found.stream()
        .filter(check -> model.checks().stream().noneMatch(c -> c.name().equals(check)))
        .forEach(check -> add("check constraint " + check + " of " + name
            + " is in the database but not in the model"));
  }

  /**
   * Whether the database made this index for one of its foreign keys: MySQL and MariaDB name it
   * after the key, H2 {@code <key>_INDEX_<n>}.
   */
  private boolean madeForForeignKey(LiveTable.Index index) {
    return !index.unique() && live.foreignKeys().stream()
        .filter(key -> key.name().isPresent() && startsWith(index.columns(), key.columns()))
        .map(key -> key.name().get())
        .anyMatch(key -> index.name().equals(key) || index.name().startsWith(key + "_INDEX_"));
  }

  private boolean sameAction(ReferentialAction actual, ReferentialAction expected) {
    return actual == expected || (catalog.restrictIsNoAction() && restrictive(actual) && restrictive(expected));
  }

  private static boolean restrictive(ReferentialAction action) {
    return action == ReferentialAction.RESTRICT || action == ReferentialAction.NO_ACTION;
  }

  private static boolean startsWith(List<String> columns, List<String> prefix) {
    return columns.size() >= prefix.size() && columns.subList(0, prefix.size()).equals(prefix);
  }

  private static String columns(List<String> names) {
    return "(" + String.join(", ", names) + ")";
  }

  private static String values(List<String> values) {
    return values.stream().map(Literals::quote).collect(Collectors.joining(", ", "(", ")"));
  }

  private static String shown(Optional<String> comment) {
    return comment.map(Literals::quote).orElse("none");
  }

  private void add(String description) {
    differences.add(new Difference(name, description));
  }
}
