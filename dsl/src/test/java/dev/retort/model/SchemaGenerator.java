package dev.retort.model;

import dev.retort.ReferentialAction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Builds random valid schemas, and random changes of them with the rename hints a user
 * would write, from {@link Choices}.
 *
 * <p>Generation is deliberately loose: it draws tables, columns and constraints from small
 * pools of names (so that names collide, move between tables and come back), and then
 * {@link #build repairs} what the model would reject: constraints on missing columns,
 * nullable key columns, taken names, foreign keys and checks on missing columns. Every kind of column
 * type, default, comment, identity column, key, index, check and foreign key (including
 * self-references and cycles) occurs, and sequences and views. Sequences are drawn after everything
 * else, and views after them, so that a list of choices gives the tables (and sequences) it gave
 * before sequences (and views) existed.
 */
final class SchemaGenerator {

  static final List<String> TABLES = List.of("t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7");
  static final List<String> COLUMNS = List.of("c0", "c1", "c2", "c3", "c4", "c5", "c6");
  /** Names for every kind of constraint and index alike, so that a name can change kind. */
  static final List<String> OBJECTS = List.of("k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9");
  static final List<String> SCHEMAS = List.of("", "", "", "archive");
  static final List<String> ENUM_NAMES = List.of("mood", "size");
  static final List<String> ENUM_VALUES = List.of("a", "b", "c", "d");
  /** Check expressions: columns bare, quoted, in a function call and beside a literal that spells one. */
  static final List<String> CHECKS = List.of("c0 > 0", "c1 <> c2", "length(c3) < 10", "\"c4\" <> 'c4'");
  static final List<String> COMMENTS = List.of("one", "two", "it's three");
  static final List<String> LITERALS = List.of("0", "1", "draft", "");
  static final List<String> EXPRESSIONS = List.of("CURRENT_TIMESTAMP", "1 + 1");
  static final List<String> SEQUENCES = List.of("s0", "s1", "s2");
  static final List<Long> SEQUENCE_VALUES = List.of(1L, 50L, 3_000_000_000L);
  static final List<String> VIEWS = List.of("v0", "v1", "v2");
  /**
   * What a view's query reads: a table, bare, quoted in another case or qualified, or nothing. A
   * view may also read a view before it in {@link #VIEWS}, so that views never read each other in
   * a cycle.
   */
  static final List<String> VIEW_SOURCES = List.of("t0", "\"T1\"", "archive.t2", "t3", "");

  private final Choices choices;
  private final Map<String, ColumnType.Enumerated> enums = new HashMap<>();

  private SchemaGenerator(Choices choices) {
    this.choices = choices;
  }

  /** A random valid schema. */
  static SchemaModel schema(Choices choices) {
    SchemaGenerator generator = new SchemaGenerator(choices);
    generator.drawEnums();
    List<RawTable> tables = new ArrayList<>();
    int count = choices.below(6);
    for (int i = 0; i < count; i++) {
      String name = generator.unusedTableName(tables);
      if (name != null) {
        tables.add(generator.table(name));
      }
    }
    int keys = choices.below(6);
    for (int i = 0; i < keys; i++) {
      generator.addForeignKey(tables);
    }
    Map<String, SequenceModel> sequences = new TreeMap<>();
    int sequenceCount = choices.below(3);
    for (int i = 0; i < sequenceCount; i++) {
      SequenceModel sequence = generator.sequence(choices.pick(SEQUENCES));
      sequences.put(sequence.name(), sequence);
    }
    SchemaModel withSequences = withSequences(build(tables), sequences.values());
    Map<String, ViewModel> views = new TreeMap<>();
    int viewCount = choices.below(3);
    for (int i = 0; i < viewCount; i++) {
      ViewModel view = generator.view(choices.pick(VIEWS));
      views.put(view.name(), view);
    }
    return withViews(withSequences, views.values());
  }

  private ViewModel view(String name) {
    int position = VIEWS.indexOf(name);
    String source = position > 0 && choices.below(3) == 0
        ? VIEWS.get(choices.below(position))
        : choices.pick(VIEW_SOURCES);
    String query = source.isEmpty() ? "SELECT 1 AS one" : "SELECT * FROM " + source;
    if (choices.below(2) == 0) {
      query += " WHERE 'x' <> '" + choices.pick(TABLES) + "'";
    }
    return new ViewModel(name, choices.pick(SCHEMAS), query);
  }

  /** Drops, changes, moves and adds views. */
  private Map<String, ViewModel> changeViews(SchemaModel from) {
    Map<String, ViewModel> views = new TreeMap<>();
    from.views().forEach(view -> views.put(view.name(), view));
    int steps = choices.below(4);
    for (int i = 0; i < steps; i++) {
      String name = choices.pick(VIEWS);
      ViewModel now = views.get(name);
      if (now == null) {
        views.put(name, view(name));
      } else {
        switch (choices.below(3)) {
          case 0 -> views.remove(name);
          case 1 -> views.put(name, new ViewModel(name, now.schema(), view(name).query()));
          default -> views.put(name, new ViewModel(name, choices.pick(SCHEMAS), now.query()));
        }
      }
    }
    return views;
  }

  private static SchemaModel withViews(SchemaModel schema, Collection<ViewModel> views) {
    return views.isEmpty() ? schema : new SchemaModel(schema.tables(), schema.sequences(), List.copyOf(views));
  }

  private SequenceModel sequence(String name) {
    return new SequenceModel(name, choices.pick(SCHEMAS), choices.pick(SEQUENCE_VALUES), choices.pick(SEQUENCE_VALUES));
  }

  /** Drops, changes and adds sequences. */
  private Map<String, SequenceModel> changeSequences(SchemaModel from) {
    Map<String, SequenceModel> sequences = new TreeMap<>();
    from.sequences().forEach(sequence -> sequences.put(sequence.name(), sequence));
    int steps = choices.below(4);
    for (int i = 0; i < steps; i++) {
      String name = choices.pick(SEQUENCES);
      SequenceModel now = sequences.get(name);
      if (now == null) {
        sequences.put(name, sequence(name));
      } else {
        switch (choices.below(4)) {
          case 0 -> sequences.remove(name);
          case 1 -> sequences.put(name, new SequenceModel(name, now.schema(), choices.pick(SEQUENCE_VALUES),
              now.increment()));
          case 2 -> sequences.put(name, new SequenceModel(name, now.schema(), now.start(),
              choices.pick(SEQUENCE_VALUES)));
          default -> sequences.put(name, new SequenceModel(name, choices.pick(SCHEMAS), now.start(), now.increment()));
        }
      }
    }
    return sequences;
  }

  private static SchemaModel withSequences(SchemaModel tables, Collection<SequenceModel> sequences) {
    return sequences.isEmpty() ? tables : new SchemaModel(tables.tables(), List.copyOf(sequences));
  }

  /** The result of {@link #change}: the changed schema and the hints for its renames. */
  record Changed(SchemaModel schema, RenameHints hints) {}

  /** A random change of {@code from}, with hints for most of its renames and a few stale ones. */
  static Changed change(SchemaModel from, Choices choices) {
    SchemaGenerator generator = new SchemaGenerator(choices);
    for (TableModel table : from.tables()) {
      for (ColumnModel column : table.columns()) {
        if (column.type() instanceof ColumnType.Enumerated type) {
          generator.enums.putIfAbsent(type.name(), type);
        }
      }
    }
    generator.drawEnumsMissing();
    List<RawTable> tables = new ArrayList<>();
    from.tables().forEach(t -> tables.add(RawTable.of(t)));
    int steps = choices.below(14);
    for (int i = 0; i < steps; i++) {
      generator.mutate(tables);
    }
    SchemaModel to = build(tables);
    RenameHints hints = generator.hints(tables);
    SchemaModel withSequences = withSequences(to, generator.changeSequences(from).values());
    return new Changed(withViews(withSequences, generator.changeViews(from).values()), hints);
  }

  private void mutate(List<RawTable> tables) {
    if (tables.isEmpty()) {
      String name = unusedTableName(tables);
      tables.add(table(name));
      return;
    }
    RawTable table = choices.pick(tables);
    switch (choices.below(19)) {
      case 0 -> {
        tables.remove(table);
        tables.forEach(t -> t.foreignKeys.removeIf(k -> k.referencedTable().equals(table.name)));
      }
      case 1 -> {
        String name = unusedTableName(tables);
        if (name != null) {
          RawTable added = table(name);
          tables.add(added);
          if (choices.maybe(60)) {
            addForeignKey(added, choices.pick(tables));
          }
          if (choices.maybe(40)) {
            addForeignKey(choices.pick(tables), added);
          }
        }
      }
      case 2 -> renameTable(tables, table);
      case 3 -> table.schema = choices.pick(SCHEMAS);
      case 4 -> table.comment = choices.maybe(50) ? Optional.of(choices.pick(COMMENTS)) : Optional.empty();
      case 5 -> {
        String name = unusedColumnName(table);
        if (name != null) {
          table.columns.add(new RawColumn(column(name), null));
        }
      }
      case 6 -> {
        if (table.columns.size() == 1) {
          return;
        }
        RawColumn column = choices.pick(table.columns);
        table.dropColumn(column);
        tables.forEach(t -> t.foreignKeys.removeIf(k -> k.referencedTable().equals(table.name)
            && k.referencedColumns().contains(column.model.name())));
      }
      case 7 -> renameColumn(tables, table);
      case 8 -> alterColumn(table);
      case 9 -> changeEnum(tables);
      case 10 -> dropObject(table);
      case 11 -> addObject(table);
      case 12 -> addForeignKey(tables);
      case 13 -> changeObject(table);
      case 14 -> renameObject(table);
      case 15 -> moveObject(tables, table);
      case 16 -> table.primaryKey = choices.maybe(50) ? null : primaryKey(table);
      case 17 -> {
        String first = unusedTableName(tables);
        if (first != null) {
          RawTable one = table(first);
          tables.add(one);
          String second = unusedTableName(tables);
          RawTable other = second == null ? one : table(second);
          if (second != null) {
            tables.add(other);
          }
          addForeignKey(one, other);
          addForeignKey(other, one);
          addForeignKey(choices.maybe(50) ? one : other, table);
        }
      }
      default -> {
        if (!table.foreignKeys.isEmpty()) {
          ForeignKeyModel key = choices.pick(table.foreignKeys);
          table.foreignKeys.set(table.foreignKeys.indexOf(key), new ForeignKeyModel(key.name(), key.columns(),
              key.referencedTable(), key.referencedColumns(), action(), action()));
        }
      }
    }
  }

  private void renameTable(List<RawTable> tables, RawTable table) {
    String name = unusedTableName(tables);
    if (name == null) {
      return;
    }
    String old = table.name;
    table.name = name;
    table.hinted = choices.maybe(75);
    for (RawTable each : tables) {
      each.foreignKeys.replaceAll(k -> k.referencedTable().equals(old) ? k.withReferencedTable(name) : k);
    }
  }

  private void renameColumn(List<RawTable> tables, RawTable table) {
    RawColumn column = choices.pick(table.columns);
    String name = unusedColumnName(table);
    if (name == null) {
      return;
    }
    String old = column.model.name();
    column.model = column.model.withName(name);
    column.hinted = choices.maybe(75);
    table.renameColumn(old, name);
    for (RawTable each : tables) {
      each.foreignKeys.replaceAll(k -> k.referencedTable().equals(table.name)
          ? new ForeignKeyModel(k.name(), k.columns(), k.referencedTable(), renamed(k.referencedColumns(), old, name),
              k.onDelete(), k.onUpdate())
          : k);
    }
  }

  private void alterColumn(RawTable table) {
    RawColumn column = choices.pick(table.columns);
    ColumnModel model = column.model;
    switch (choices.below(5)) {
      case 0 -> model = model.withIdentity(false).withType(type());
      case 1 -> model = model.withIdentity(false).withNullable(!model.nullable());
      case 2 -> model = model.withIdentity(false).withDefaultValue(defaultValue());
      case 3 -> model = model.withComment(choices.maybe(50) ? Optional.of(choices.pick(COMMENTS)) : Optional.empty());
      default -> {
        ColumnType type = choices.pick(List.of(ColumnType.Scalar.SMALLINT, ColumnType.Scalar.INTEGER,
            ColumnType.Scalar.BIGINT));
        model = new ColumnModel(model.name(), type, false, Optional.empty(), !model.identity(), model.comment());
      }
    }
    column.model = model;
  }

  private void changeEnum(List<RawTable> tables) {
    String name = choices.pick(ENUM_NAMES);
    ColumnType.Enumerated changed = new ColumnType.Enumerated(name, enumValues());
    enums.put(name, changed);
    for (RawTable table : tables) {
      for (RawColumn column : table.columns) {
        if (column.model.type() instanceof ColumnType.Enumerated type && type.name().equals(name)) {
          column.model = column.model.withType(changed);
        }
      }
    }
  }

  private void dropObject(RawTable table) {
    switch (choices.below(5)) {
      case 0 -> table.primaryKey = null;
      case 1 -> removeOne(table.uniques);
      case 2 -> removeOne(table.indexes);
      case 3 -> removeOne(table.checks);
      default -> removeOne(table.foreignKeys);
    }
  }

  private void addObject(RawTable table) {
    switch (choices.below(4)) {
      case 0 -> table.primaryKey = primaryKey(table);
      case 1 -> table.uniques.add(new UniqueModel(choices.pick(OBJECTS), columns(table)));
      case 2 -> table.indexes.add(new IndexModel(choices.pick(OBJECTS), columns(table), choices.maybe(30)));
      default -> table.checks.add(new CheckModel(choices.pick(OBJECTS), choices.pick(CHECKS)));
    }
  }

  /** Keeps a constraint's name and changes its definition. */
  private void changeObject(RawTable table) {
    switch (choices.below(4)) {
      case 0 -> {
        if (table.primaryKey != null) {
          table.primaryKey = new PrimaryKeyModel(table.primaryKey.name(), columns(table));
        }
      }
      case 1 -> {
        if (!table.uniques.isEmpty()) {
          UniqueModel unique = choices.pick(table.uniques);
          table.uniques.set(table.uniques.indexOf(unique), new UniqueModel(unique.name(), columns(table)));
        }
      }
      case 2 -> {
        if (!table.indexes.isEmpty()) {
          IndexModel index = choices.pick(table.indexes);
          table.indexes.set(table.indexes.indexOf(index),
              new IndexModel(index.name(), choices.maybe(50) ? columns(table) : index.columns(), !index.unique()));
        }
      }
      default -> {
        if (!table.checks.isEmpty()) {
          CheckModel check = choices.pick(table.checks);
          table.checks.set(table.checks.indexOf(check), new CheckModel(check.name(), choices.pick(CHECKS)));
        }
      }
    }
  }

  private void renameObject(RawTable table) {
    String name = choices.pick(OBJECTS);
    switch (choices.below(4)) {
      case 0 -> {
        if (table.primaryKey != null) {
          table.primaryKey = new PrimaryKeyModel(name, table.primaryKey.columns());
        }
      }
      case 1 -> {
        if (!table.indexes.isEmpty()) {
          IndexModel index = choices.pick(table.indexes);
          table.indexes.set(table.indexes.indexOf(index), new IndexModel(name, index.columns(), index.unique()));
        }
      }
      case 2 -> {
        if (!table.uniques.isEmpty()) {
          UniqueModel unique = choices.pick(table.uniques);
          table.uniques.set(table.uniques.indexOf(unique), new UniqueModel(name, unique.columns()));
        }
      }
      default -> {
        if (!table.foreignKeys.isEmpty()) {
          ForeignKeyModel key = choices.pick(table.foreignKeys);
          table.foreignKeys.set(table.foreignKeys.indexOf(key), new ForeignKeyModel(name, key.columns(),
              key.referencedTable(), key.referencedColumns(), key.onDelete(), key.onUpdate()));
        }
      }
    }
  }

  /** Moves an index's name to another table: dropped on one, created on the other. */
  private void moveObject(List<RawTable> tables, RawTable table) {
    RawTable other = choices.pick(tables);
    if (table.indexes.isEmpty() || other == table) {
      return;
    }
    IndexModel index = choices.pick(table.indexes);
    table.indexes.remove(index);
    other.indexes.add(new IndexModel(index.name(), columns(other), index.unique()));
  }

  private RenameHints hints(List<RawTable> tables) {
    Map<String, String> tableHints = new TreeMap<>();
    Map<String, Map<String, String>> columnHints = new TreeMap<>();
    for (RawTable table : tables) {
      if (table.origin != null && !table.origin.equals(table.name) && table.hinted) {
        tableHints.put(table.name, table.origin);
      }
      Map<String, String> renames = new TreeMap<>();
      for (RawColumn column : table.columns) {
        if (column.origin != null && !column.origin.equals(column.model.name()) && column.hinted) {
          renames.put(column.model.name(), column.origin);
        }
      }
      if (choices.maybe(10)) {
        renames.putIfAbsent(choices.pick(COLUMNS), "gone");
      }
      if (!renames.isEmpty()) {
        boolean byOldName = table.origin != null && !table.origin.equals(table.name) && choices.maybe(30);
        columnHints.merge(byOldName ? table.origin : table.name, renames, (one, other) -> {
          Map<String, String> both = new TreeMap<>(other);
          one.forEach((target, source) -> {
            if (!both.containsValue(source)) {
              both.putIfAbsent(target, source);
            }
          });
          return both;
        });
      }
    }
    if (choices.maybe(10)) {
      tableHints.putIfAbsent(choices.pick(TABLES), "gone");
    }
    return new RenameHints(tableHints, columnHints);
  }

  private RawTable table(String name) {
    RawTable table = new RawTable(name, null);
    table.schema = choices.pick(SCHEMAS);
    int count = 1 + choices.below(5);
    for (int i = 0; i < count; i++) {
      String column = unusedColumnName(table);
      if (column != null) {
        table.columns.add(new RawColumn(column(column), null));
      }
    }
    if (choices.maybe(60)) {
      table.primaryKey = primaryKey(table);
    }
    for (int i = choices.below(3); i > 0; i--) {
      table.uniques.add(new UniqueModel(choices.pick(OBJECTS), columns(table)));
    }
    for (int i = choices.below(3); i > 0; i--) {
      table.indexes.add(new IndexModel(choices.pick(OBJECTS), columns(table), choices.maybe(30)));
    }
    if (choices.maybe(30)) {
      table.checks.add(new CheckModel(choices.pick(OBJECTS), choices.pick(CHECKS)));
    }
    if (choices.maybe(30)) {
      table.comment = Optional.of(choices.pick(COMMENTS));
    }
    return table;
  }

  private ColumnModel column(String name) {
    ColumnType type = type();
    boolean identity = isInteger(type) && choices.maybe(15);
    if (identity) {
      return new ColumnModel(name, type, false, Optional.empty(), true, comment());
    }
    return new ColumnModel(name, type, choices.maybe(50), defaultValue(), false, comment());
  }

  private Optional<String> comment() {
    return choices.maybe(25) ? Optional.of(choices.pick(COMMENTS)) : Optional.empty();
  }

  private Optional<DefaultValue> defaultValue() {
    if (!choices.maybe(30)) {
      return Optional.empty();
    }
    return Optional.of(choices.maybe(50)
        ? DefaultValue.literal(choices.pick(LITERALS))
        : DefaultValue.expression(choices.pick(EXPRESSIONS)));
  }

  private ColumnType type() {
    ColumnType.Scalar[] scalars = ColumnType.Scalar.values();
    return switch (choices.below(9)) {
      case 0 -> choices.pick(List.of(ColumnType.Scalar.INTEGER, ColumnType.Scalar.BIGINT));
      case 1 -> {
        int precision = 1 + choices.below(20);
        yield new ColumnType.Decimal(precision, choices.below(precision + 1));
      }
      case 2 -> new ColumnType.Char(1 + choices.below(20));
      case 3 -> new ColumnType.Varchar(1 + choices.below(300));
      case 4 -> new ColumnType.Binary(1 + choices.below(20));
      case 5 -> new ColumnType.Varbinary(1 + choices.below(300));
      case 6 -> enums.get(choices.pick(ENUM_NAMES));
      default -> {
        ColumnType.Scalar scalar = scalars[choices.below(scalars.length)];
        // A time type keeps fewer digits of the second half the time.
        yield ColumnType.Temporal.isTime(scalar) && choices.maybe(50)
            ? new ColumnType.Temporal(scalar, choices.below(ColumnType.Temporal.MICROSECONDS))
            : scalar;
      }
    };
  }

  private static boolean isInteger(ColumnType type) {
    return type == ColumnType.Scalar.SMALLINT || type == ColumnType.Scalar.INTEGER || type == ColumnType.Scalar.BIGINT;
  }

  private ReferentialAction action() {
    return choices.pick(List.of(ReferentialAction.values()));
  }

  private PrimaryKeyModel primaryKey(RawTable table) {
    return new PrimaryKeyModel(choices.pick(OBJECTS), columns(table));
  }

  /** One or two distinct columns of the table. */
  private List<String> columns(RawTable table) {
    List<String> names = new ArrayList<>(table.columns.stream().map(c -> c.model.name()).toList());
    List<String> picked = new ArrayList<>();
    picked.add(names.remove(choices.below(names.size())));
    if (!names.isEmpty() && choices.maybe(30)) {
      picked.add(names.get(choices.below(names.size())));
    }
    return picked;
  }

  private void addForeignKey(List<RawTable> tables) {
    if (!tables.isEmpty()) {
      addForeignKey(choices.pick(tables), choices.pick(tables));
    }
  }

  private void addForeignKey(RawTable table, RawTable target) {
    List<String> references = target.primaryKey != null && choices.maybe(50)
        ? target.primaryKey.columns() : columns(target);
    List<String> names = new ArrayList<>(table.columns.stream().map(c -> c.model.name()).toList());
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < references.size() && !names.isEmpty(); i++) {
      columns.add(names.remove(choices.below(names.size())));
    }
    if (columns.size() == references.size()) {
      table.foreignKeys.add(new ForeignKeyModel(choices.pick(OBJECTS), columns, target.name, references, action(),
          action()));
    }
  }

  private void drawEnums() {
    for (String name : ENUM_NAMES) {
      enums.put(name, new ColumnType.Enumerated(name, enumValues()));
    }
  }

  private void drawEnumsMissing() {
    for (String name : ENUM_NAMES) {
      enums.computeIfAbsent(name, n -> new ColumnType.Enumerated(n, enumValues()));
    }
  }

  private List<String> enumValues() {
    List<String> pool = new ArrayList<>(ENUM_VALUES);
    List<String> values = new ArrayList<>();
    int count = 1 + choices.below(pool.size());
    for (int i = 0; i < count; i++) {
      values.add(pool.remove(choices.below(pool.size())));
    }
    return values;
  }

  private String unusedTableName(List<RawTable> tables) {
    Set<String> used = new HashSet<>();
    tables.forEach(t -> used.add(t.name));
    return unused(TABLES, used::contains);
  }

  private String unusedColumnName(RawTable table) {
    Set<String> used = new HashSet<>();
    table.columns.forEach(c -> used.add(c.model.name()));
    return unused(COLUMNS, used::contains);
  }

  private String unused(List<String> pool, Predicate<String> used) {
    int start = choices.below(pool.size());
    for (int i = 0; i < pool.size(); i++) {
      String name = pool.get((start + i) % pool.size());
      if (!used.test(name)) {
        return name;
      }
    }
    return null;
  }

  private <T> void removeOne(List<T> items) {
    if (!items.isEmpty()) {
      items.remove(choices.below(items.size()));
    }
  }

  private static List<String> renamed(List<String> columns, String old, String name) {
    return columns.stream().map(c -> c.equals(old) ? name : c).toList();
  }

  /**
   * Builds the schema, leaving out or repairing what the model rejects: a table without
   * columns gets one, key columns become NOT NULL, constraints on missing columns (checks
   * that name one among them) and constraints whose name is taken are left out, and so are
   * foreign keys to missing tables or columns.
   */
  static SchemaModel build(List<RawTable> tables) {
    Set<String> names = new HashSet<>();
    Map<String, Set<String>> columnsByTable = new HashMap<>();
    Map<String, RawTable> byName = new LinkedHashMap<>();
    tables.forEach(t -> byName.putIfAbsent(t.name, t));
    List<TableModel.Builder> builders = new ArrayList<>();
    for (RawTable raw : byName.values()) {
      TableModel.Builder builder = new TableModel.Builder(raw.name).schema(raw.schema).comment(raw.comment);
      Map<String, ColumnModel> columns = new LinkedHashMap<>();
      raw.columns.forEach(c -> columns.putIfAbsent(c.model.name(), c.model));
      if (columns.isEmpty()) {
        columns.put("c0", ColumnModel.of("c0", ColumnType.Scalar.INTEGER));
      }
      Predicate<List<String>> present = list -> columns.keySet().containsAll(list);
      if (raw.primaryKey != null && present.test(raw.primaryKey.columns()) && names.add(raw.primaryKey.name())) {
        builder.primaryKey(Optional.of(raw.primaryKey));
        for (String key : raw.primaryKey.columns()) {
          columns.put(key, columns.get(key).withNullable(false));
        }
      }
      columns.values().forEach(builder::column);
      raw.uniques.stream().filter(u -> present.test(u.columns()) && names.add(u.name()))
          .forEach(builder.uniques()::add);
      raw.indexes.stream().filter(i -> present.test(i.columns()) && names.add(i.name()))
          .forEach(builder.indexes()::add);
      raw.checks.stream()
          .filter(c -> COLUMNS.stream().filter(c::usesColumn).allMatch(columns::containsKey) && names.add(c.name()))
          .forEach(builder.checks()::add);
      columnsByTable.put(raw.name, columns.keySet());
      builders.add(builder);
    }
    List<TableModel> built = new ArrayList<>();
    int i = 0;
    for (RawTable raw : byName.values()) {
      TableModel.Builder builder = builders.get(i++);
      for (ForeignKeyModel key : raw.foreignKeys) {
        Set<String> targetColumns = columnsByTable.get(key.referencedTable());
        if (targetColumns != null && targetColumns.containsAll(key.referencedColumns())
            && columnsByTable.get(raw.name).containsAll(key.columns()) && names.add(key.name())) {
          builder.foreignKeys().add(key);
        }
      }
      built.add(builder.build());
    }
    return new SchemaModel(built);
  }

  /** A table being generated or changed; {@code origin} is its name in the schema it was changed from. */
  static final class RawTable {
    String name;
    final String origin;
    boolean hinted;
    String schema = "";
    final List<RawColumn> columns = new ArrayList<>();
    PrimaryKeyModel primaryKey;
    final List<UniqueModel> uniques = new ArrayList<>();
    final List<IndexModel> indexes = new ArrayList<>();
    final List<ForeignKeyModel> foreignKeys = new ArrayList<>();
    final List<CheckModel> checks = new ArrayList<>();
    Optional<String> comment = Optional.empty();

    RawTable(String name, String origin) {
      this.name = name;
      this.origin = origin;
    }

    static RawTable of(TableModel table) {
      RawTable raw = new RawTable(table.name(), table.name());
      raw.schema = table.schema();
      table.columns().forEach(c -> raw.columns.add(new RawColumn(c, c.name())));
      raw.primaryKey = table.primaryKey().orElse(null);
      raw.uniques.addAll(table.uniques());
      raw.indexes.addAll(table.indexes());
      raw.foreignKeys.addAll(table.foreignKeys());
      raw.checks.addAll(table.checks());
      raw.comment = table.comment();
      return raw;
    }

    /** Drops a column and what uses it in this table. */
    void dropColumn(RawColumn column) {
      String name = column.model.name();
      columns.remove(column);
      if (primaryKey != null && primaryKey.columns().contains(name)) {
        primaryKey = null;
      }
      uniques.removeIf(u -> u.columns().contains(name));
      indexes.removeIf(i -> i.columns().contains(name));
      foreignKeys.removeIf(k -> k.columns().contains(name));
      checks.removeIf(c -> c.usesColumn(name));
    }

    void renameColumn(String old, String name) {
      if (primaryKey != null) {
        primaryKey = new PrimaryKeyModel(primaryKey.name(), renamed(primaryKey.columns(), old, name));
      }
      uniques.replaceAll(u -> new UniqueModel(u.name(), renamed(u.columns(), old, name)));
      indexes.replaceAll(i -> new IndexModel(i.name(), renamed(i.columns(), old, name), i.unique()));
      foreignKeys.replaceAll(k -> new ForeignKeyModel(k.name(), renamed(k.columns(), old, name), k.referencedTable(),
          k.referencedColumns(), k.onDelete(), k.onUpdate()));
      checks.replaceAll(c -> c.withColumnRenamed(old, name));
    }
  }

  /** A column being changed; {@code origin} is its name in the schema it was changed from. */
  static final class RawColumn {
    ColumnModel model;
    final String origin;
    boolean hinted;

    RawColumn(ColumnModel model, String origin) {
      this.model = model;
      this.origin = origin;
    }
  }
}
