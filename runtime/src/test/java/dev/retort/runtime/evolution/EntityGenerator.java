package dev.retort.runtime.evolution;

import dev.retort.ReferentialAction;
import dev.retort.runtime.evolution.Entities.CheckSpec;
import dev.retort.runtime.evolution.Entities.Entity;
import dev.retort.runtime.evolution.Entities.Field;
import dev.retort.runtime.evolution.Entities.ForeignKeySpec;
import dev.retort.runtime.evolution.Entities.IndexSpec;
import dev.retort.runtime.evolution.Entities.Kind;
import dev.retort.runtime.evolution.Entities.Nullability;
import dev.retort.runtime.evolution.Entities.Reference;
import dev.retort.testing.Draw;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Draws random valid {@link Entities} and random changes of them, as a user makes them between
 * two builds: columns and tables added, dropped and renamed with {@code @RenamedFrom}, types,
 * nullability and defaults changed, indexes, unique constraints, checks and foreign keys (of one
 * column with {@code @References}, of several with {@code @ForeignKey} to a composite key)
 * added and dropped, enum constants added; sequences added, dropped, changed and moved to
 * another entity, drawn from a random of their own so that a seed gives the entities it gave
 * before sequences existed; and views of an entity's table ({@code SELECT *}, its name quoted as
 * the target database quotes it), added, dropped, changed and moved, from a random of their own too.
 *
 * <p>Names come from small pools that hold SQL reserved words, mixed case and names that only
 * {@code @Column(name)} can give, so that they collide, come back after a drop and need quoting
 * everywhere. Changes are drawn loosely and then {@link #repair repaired} into what the
 * processor accepts (a reference to a dropped key goes with it), so every drawn project must
 * compile.
 */
final class EntityGenerator {

  /** Table names and, where the name is a class name's snake_case, that class name. */
  private static final List<String[]> TABLES = List.of(
      new String[] {"order", "Order"}, new String[] {"user", "User"}, new String[] {"group", "Group"},
      new String[] {"select", "Select"}, new String[] {"line_item", "LineItem"}, new String[] {"t_account", "TAccount"},
      new String[] {"key", "Key"}, new String[] {"values", "Values"}, new String[] {"Customer", null},
      new String[] {"OrderLine", null}, new String[] {"check", null}, new String[] {"from", null},
      new String[] {"Mixed_Case", null}, new String[] {"table", null});
  private static final List<String> COLUMNS = List.of(
      "name", "value", "from", "to", "order", "select", "Amount", "created_at", "key", "desc", "year", "zone",
      "time", "user", "check", "default", "primary", "Limit", "group", "label", "count", "size", "MixedCase",
      "note", "when", "status", "end", "column", "table", "index");
  private static final List<String> ID_COLUMNS = List.of("id", "code", "ID_");
  private static final List<String> COMMENTS = List.of("one", "it's two", "\"three\"");
  private static final List<String> ENUM_CONSTANTS = List.of("HAPPY", "SAD", "CALM", "ANGRY", "BORED");
  private static final Set<String> JAVA_KEYWORDS = Set.of("default", "class", "new", "case", "for", "if", "int",
      "char", "long", "short", "boolean", "double", "float", "enum", "public", "static", "final", "this", "super");
  private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
  private static final List<Kind> KINDS = List.of(Kind.values());
  private static final List<String> SEQUENCES = List.of("seq_a", "Seq_B", "order_seq");
  private static final List<Long> SEQUENCE_VALUES = List.of(1L, 50L, 3_000_000_000L);
  /** View names and the simple names of their nested types. */
  private static final List<String[]> VIEWS = List.of(
      new String[] {"report_a", "ReportA"}, new String[] {"Report_B", "ReportB"}, new String[] {"view", "ViewOfAll"});

  /**
   * What the entities must leave out for the database they are applied to, where that database
   * refuses what the others take and says so in its own error.
   */
  enum Limits {
    /** Nothing left out: for the in-memory property and databases without a limit below. */
    NONE,
    /**
     * InnoDB: no {@code SET DEFAULT} action (refused before anything runs), no check on an
     * {@code AUTO_INCREMENT} column nor on a column whose foreign key cascades or sets null.
     */
    INNODB,
    /** No sequences, which SQLite and MySQL do not have: a migration with one is refused before it runs. */
    NO_SEQUENCES
  }

  private final Random random;
  /** The source of the sequences' choices, apart, so that {@link #random} draws what it drew before them. */
  private final Random sequenceRandom;
  /** The source of the views' choices, apart, so that the entities and sequences of a seed stay as they were. */
  private final Random viewRandom;
  private final Limits limits;
  private final List<ReferentialAction> actions;
  private int nextKey;
  private int nextName;

  /**
   * A generator drawing from a seed.
   *
   * @param seed the source of every choice
   * @param limits what to leave out for the target database
   */
  EntityGenerator(long seed, Limits limits) {
    this.random = new Random(seed);
    this.sequenceRandom = new Random(~seed);
    this.viewRandom = new Random(seed * 31 + 17);
    this.limits = limits;
    this.actions = Arrays.stream(ReferentialAction.values())
        .filter(a -> limits != Limits.INNODB || a != ReferentialAction.SET_DEFAULT).toList();
  }

  /** A project of one to four entities. */
  Entities initial() {
    Entities all = new Entities();
    all.enums.put("Mood", new ArrayList<>(List.of("HAPPY", "SAD")));
    all.enums.put("Size", new ArrayList<>(List.of("SMALL", "LARGE")));
    int count = Draw.between(random, 1, 4);
    for (int i = 0; i < count; i++) {
      addEntity(all);
    }
    repair(all);
    if (limits != Limits.NO_SEQUENCES && Draw.chance(sequenceRandom, 50)) {
      addSequence(all);
    }
    all.quote = limits == Limits.INNODB ? "`" : "\"";
    if (Draw.chance(viewRandom, 50)) {
      addView(all);
    }
    return all;
  }

  /**
   * The next step's entities: a copy of {@code from} with one to three changes.
   *
   * @param from the entities of the previous build
   * @param log where each change is described
   * @return the changed copy
   */
  Entities evolve(Entities from, List<String> log) {
    Entities all = from.copy();
    if (Draw.chance(random, 50)) {
      for (Entity entity : all.entities) {
        entity.renamedFrom = null;
        entity.fields.forEach(f -> f.renamedFrom = null);
      }
    }
    int changes = Draw.between(random, 1, 3);
    for (int i = 0; i < changes; i++) {
      log.add(change(all));
      repair(all);
    }
    if (limits != Limits.NO_SEQUENCES && Draw.chance(sequenceRandom, 60)) {
      log.add(changeSequences(all));
    }
    if (Draw.chance(viewRandom, 60)) {
      log.add(changeViews(all));
    }
    return all;
  }

  /** Adds, drops, changes or moves one sequence; the sequences of a dropped entity went with it. */
  private String changeSequences(Entities all) {
    List<Entity> holders = all.entities.stream().filter(e -> !e.sequences.isEmpty()).toList();
    if (holders.isEmpty() || Draw.chance(sequenceRandom, 30)) {
      return addSequence(all);
    }
    Entity holder = Draw.oneOf(sequenceRandom, holders);
    Entities.SequenceSpec sequence = Draw.oneOf(sequenceRandom, holder.sequences);
    int index = holder.sequences.indexOf(sequence);
    switch (sequenceRandom.nextInt(4)) {
      case 0:
        holder.sequences.remove(index);
        return "drop sequence " + sequence.name();
      case 1:
        holder.sequences.set(index, new Entities.SequenceSpec(sequence.name(), Draw.oneOf(sequenceRandom,
            SEQUENCE_VALUES), sequence.increment()));
        return "change the start of sequence " + sequence.name();
      case 2:
        holder.sequences.set(index, new Entities.SequenceSpec(sequence.name(), sequence.start(), Draw.oneOf(
            sequenceRandom, SEQUENCE_VALUES)));
        return "change the increment of sequence " + sequence.name();
      default:
        holder.sequences.remove(index);
        Entity other = Draw.oneOf(sequenceRandom, all.entities);
        other.sequences.add(sequence);
        return "move sequence " + sequence.name() + " to " + other.table;
    }
  }

  /**
   * Adds, drops, changes or moves one view; the views of a dropped entity went with it, and those
   * of a renamed one read it by its new name.
   */
  private String changeViews(Entities all) {
    List<Entity> holders = all.entities.stream().filter(e -> !e.views.isEmpty()).toList();
    if (holders.isEmpty() || Draw.chance(viewRandom, 30)) {
      return addView(all);
    }
    Entity holder = Draw.oneOf(viewRandom, holders);
    Entities.ViewSpec view = Draw.oneOf(viewRandom, holder.views);
    int index = holder.views.indexOf(view);
    switch (viewRandom.nextInt(3)) {
      case 0:
        holder.views.remove(index);
        return "drop view " + view.name();
      case 1:
        holder.views.set(index, new Entities.ViewSpec(view.name(), view.className(), !view.filtered()));
        return "change the query of view " + view.name();
      default:
        holder.views.remove(index);
        Entity other = Draw.oneOf(viewRandom, all.entities);
        other.views.add(view);
        return "move view " + view.name() + " to " + other.table;
    }
  }

  /** Declares a view of an unused name on an entity, reading its table. */
  private String addView(Entities all) {
    Set<String> used = new HashSet<>();
    all.entities.forEach(e -> e.views.forEach(v -> used.add(v.name())));
    List<String[]> free = VIEWS.stream().filter(view -> !used.contains(view[0])).toList();
    if (free.isEmpty() || all.entities.isEmpty()) {
      return "keep the views";
    }
    Entity entity = Draw.oneOf(viewRandom, all.entities);
    String[] view = Draw.oneOf(viewRandom, free);
    entity.views.add(new Entities.ViewSpec(view[0], view[1], viewRandom.nextBoolean()));
    return "add view " + view[0] + " to " + entity.table;
  }

  /** Declares a sequence of an unused name on an entity. */
  private String addSequence(Entities all) {
    Set<String> used = new HashSet<>();
    all.entities.forEach(e -> e.sequences.forEach(s -> used.add(s.name())));
    List<String> free = SEQUENCES.stream().filter(name -> !used.contains(name)).toList();
    if (free.isEmpty() || all.entities.isEmpty()) {
      return "keep the sequences";
    }
    Entity entity = Draw.oneOf(sequenceRandom, all.entities);
    Entities.SequenceSpec sequence = new Entities.SequenceSpec(Draw.oneOf(sequenceRandom, free),
        Draw.oneOf(sequenceRandom, SEQUENCE_VALUES), Draw.oneOf(sequenceRandom, SEQUENCE_VALUES));
    entity.sequences.add(sequence);
    return "add sequence " + sequence.name() + " to " + entity.table;
  }

  private String change(Entities all) {
    if (all.entities.isEmpty()) {
      return "add " + addEntity(all).table;
    }
    Entity entity = Draw.oneOf(random, all.entities);
    Field field = Draw.oneOf(random, entity.fields);
    switch (random.nextInt(22)) {
      case 0:
        return "add " + addEntity(all).table;
      case 1:
        if (all.entities.size() > 1) {
          all.entities.remove(entity);
          return "drop " + entity.table;
        }
        return "keep " + entity.table;
      case 2: {
        String old = entity.table;
        if (!renameEntity(all, entity)) {
          return "keep " + old;
        }
        return "rename " + old + " to " + entity.table;
      }
      case 3:
      case 4: {
        Field added = Draw.chance(random, 30) ? referenceField(all, entity, Draw.oneOf(random, all.entities))
            : null;
        if (added == null) {
          added = newField(all, entity);
        }
        if (added == null) {
          return "keep " + entity.table;
        }
        entity.fields.add(added);
        return "add " + entity.table + "." + added.column;
      }
      case 5:
        if (field.id || entity.fields.size() == 1) {
          return "keep " + entity.table + "." + field.column;
        }
        entity.fields.remove(field);
        return "drop " + entity.table + "." + field.column;
      case 6: {
        String old = field.column;
        String name = unusedColumn(entity, COLUMNS);
        if (name == null) {
          return "keep " + entity.table + "." + old;
        }
        entity.fields.forEach(f -> {
          if (f.renamedFrom != null && Entities.folded(f.renamedFrom).equals(Entities.folded(old))) {
            f.renamedFrom = null;
          }
        });
        name(field, name);
        field.renamedFrom = old;
        return "rename " + entity.table + "." + old + " to " + name;
      }
      case 7:
        return changeType(all, entity, field);
      case 8:
        if (field.id) {
          return "keep " + entity.table + "." + field.column;
        }
        if (field.nullable()) {
          field.nullability = Nullability.NOT_NULL;
        } else if (field.kind.primitive() && field.kind.boxed() != field.kind) {
          field.kind = field.kind.boxed();
          field.nullability = Nullability.DERIVED;
        } else {
          field.nullability = Nullability.NULLABLE;
        }
        return "make " + entity.table + "." + field.column + (field.nullable() ? " nullable" : " not null");
      case 9:
        if (field.generated) {
          return "keep " + entity.table + "." + field.column;
        }
        if (field.defaultLiteral != null || field.defaultExpression != null) {
          field.defaultLiteral = null;
          field.defaultExpression = null;
        } else {
          drawDefault(field, all);
        }
        return "change the default of " + entity.table + "." + field.column;
      case 10:
        addIndex(entity);
        return "add an index on " + entity.table;
      case 11:
        if (!entity.indexes.isEmpty()) {
          entity.indexes.remove(random.nextInt(entity.indexes.size()));
        }
        return "drop an index of " + entity.table;
      case 12:
        if (!field.id && indexable(field.kind, field.length)) {
          field.unique = !field.unique;
        }
        return "toggle unique on " + entity.table + "." + field.column;
      case 13:
        if (Draw.chance(random, 50) || entity.checks.isEmpty()) {
          addCheck(entity);
          return "add a check on " + entity.table;
        }
        entity.checks.remove(random.nextInt(entity.checks.size()));
        return "drop a check of " + entity.table;
      case 14:
        if (field.references != null) {
          field.references = null;
          return "drop the reference of " + entity.table + "." + field.column;
        }
        Field reference = referenceField(all, entity, Draw.oneOf(random, all.entities));
        if (reference != null) {
          entity.fields.add(reference);
          return "add " + entity.table + "." + reference.column + " referencing another table";
        }
        return "keep " + entity.table;
      case 15:
        if (field.references != null) {
          field.references = field.references.withActions(action(field), action(field));
        }
        return "change the actions of " + entity.table + "." + field.column;
      case 16:
        if (Draw.chance(random, 50)) {
          entity.comment = Draw.chance(random, 50) ? Draw.oneOf(random, COMMENTS) : null;
          return "change the comment of " + entity.table;
        }
        field.comment = Draw.chance(random, 50) ? Draw.oneOf(random, COMMENTS) : null;
        return "change the comment of " + entity.table + "." + field.column;
      case 17: {
        String name = Draw.oneOf(random, List.copyOf(all.enums.keySet()));
        List<String> constants = all.enums.get(name);
        for (String constant : ENUM_CONSTANTS) {
          if (!constants.contains(constant)) {
            constants.add(constant);
            return "add " + constant + " to " + name;
          }
        }
        return "keep " + name;
      }
      case 18:
        if (field.id && entity.ids().size() == 1 && field.kind.integral() && field.kind.primitive()) {
          field.generated = !field.generated;
          field.defaultLiteral = null;
          field.defaultExpression = null;
          return (field.generated ? "generate " : "stop generating ") + entity.table + "." + field.column;
        }
        return "keep " + entity.table + "." + field.column;
      case 19:
        return changeKey(entity, field);
      case 20:
        if (!entity.foreignKeys.isEmpty() && Draw.chance(random, 40)) {
          entity.foreignKeys.remove(random.nextInt(entity.foreignKeys.size()));
          return "drop a foreign key of several columns of " + entity.table;
        }
        if (Draw.chance(random, 30) && !entity.foreignKeys.isEmpty()) {
          int index = random.nextInt(entity.foreignKeys.size());
          ForeignKeySpec key = entity.foreignKeys.get(index);
          entity.foreignKeys.set(index, key.withActions(action(entity, key.fields()), action(entity, key.fields())));
          return "change the actions of a foreign key of several columns of " + entity.table;
        }
        return compositeReference(all, entity)
            ? "add a foreign key of several columns to " + entity.table
            : "keep " + entity.table;
      default: {
        Field added = newField(all, entity);
        if (added == null) {
          return "keep " + entity.table;
        }
        entity.fields.add(added);
        return "add " + entity.table + "." + added.column;
      }
    }
  }

  /**
   * Changes the primary key by one field: the field joins or leaves it, or becomes the whole
   * key. A key field must be NOT NULL and of a type a key can have on every database.
   */
  private String changeKey(Entity entity, Field field) {
    if (field.id && entity.ids().size() > 1) {
      field.id = false;
      return "take " + entity.table + "." + field.column + " out of the key";
    }
    if (field.id || !indexable(field.kind, field.length) || field.kind == Kind.BYTES) {
      return "keep the key of " + entity.table;
    }
    boolean whole = Draw.chance(random, 50);
    if (whole) {
      entity.fields.forEach(f -> f.id = false);
    }
    field.id = true;
    field.unique = false;
    field.nullability = Nullability.DERIVED;
    return (whole ? "make " + entity.table + "." + field.column + " the key" : "add " + entity.table + "."
        + field.column + " to the key");
  }

  private Entity addEntity(Entities all) {
    Entity entity = new Entity(nextKey++);
    String[] name = unusedTable(all);
    if (name == null) {
      name = new String[] {"t" + nextName++, null};
    }
    nameEntity(entity, name);
    entity.record = Draw.chance(random, 60);
    entity.comment = Draw.chance(random, 20) ? Draw.oneOf(random, COMMENTS) : null;
    int keys = random.nextInt(10);
    if (keys >= 2) {
      Field id = new Field(nextKey++);
      name(id, ID_COLUMNS.get(random.nextInt(keys == 9 ? 3 : 2)));
      id.id = true;
      id.kind = Draw.oneOf(random, List.of(Kind.LONG, Kind.LONG, Kind.INT, Kind.SHORT, Kind.STRING, Kind.UUID));
      id.length = id.kind == Kind.STRING ? Draw.between(random, 1, 40) : 0;
      id.generated = id.kind.integral() && Draw.chance(random, 50);
      entity.fields.add(id);
    } else if (keys == 1) {
      for (String column : List.of("id", "line")) {
        Field id = new Field(nextKey++);
        name(id, column);
        id.id = true;
        id.kind = Draw.oneOf(random, List.of(Kind.LONG, Kind.INT, Kind.STRING, Kind.DATE));
        entity.fields.add(id);
      }
    }
    int fields = Draw.between(random, entity.fields.isEmpty() ? 1 : 0, 4);
    for (int i = 0; i < fields; i++) {
      Field field = newField(all, entity);
      if (field != null) {
        entity.fields.add(field);
      }
    }
    all.entities.add(entity);
    for (int i = random.nextInt(3); i > 0; i--) {
      addIndex(entity);
    }
    if (Draw.chance(random, 30)) {
      addCheck(entity);
    }
    if (Draw.chance(random, 50)) {
      Field reference = referenceField(all, entity, Draw.oneOf(random, all.entities));
      if (reference != null) {
        entity.fields.add(reference);
      }
    }
    if (Draw.chance(random, 40)) {
      compositeReference(all, entity);
    }
    if (all.entities.size() > 1 && Draw.chance(random, 30)) {
      Entity other = Draw.oneOf(random, all.entities);
      Field back = referenceField(all, other, entity);
      if (back != null && other != entity) {
        other.fields.add(back);
      }
    }
    return entity;
  }

  private boolean renameEntity(Entities all, Entity entity) {
    String[] name = unusedTable(all);
    if (name == null) {
      return false;
    }
    String old = entity.table;
    for (Entity each : all.entities) {
      if (each.renamedFrom != null && Entities.folded(each.renamedFrom).equals(Entities.folded(old))) {
        each.renamedFrom = null;
      }
    }
    nameEntity(entity, name);
    entity.renamedFrom = old;
    return true;
  }

  private void nameEntity(Entity entity, String[] name) {
    entity.table = name[0];
    entity.derivedName = name[1] != null && Draw.chance(random, 70);
    entity.className = entity.derivedName ? name[1] : "E" + entity.key;
  }

  private Field newField(Entities all, Entity entity) {
    String name = unusedColumn(entity, COLUMNS);
    if (name == null) {
      return null;
    }
    Field field = new Field(nextKey++);
    name(field, name);
    kind(field, Draw.oneOf(random, KINDS), all);
    if (!field.kind.primitive() && Draw.chance(random, 20)) {
      field.nullability = Nullability.NOT_NULL;
    }
    if (Draw.chance(random, 30)) {
      drawDefault(field, all);
    }
    field.comment = Draw.chance(random, 20) ? Draw.oneOf(random, COMMENTS) : null;
    field.unique = indexable(field.kind, field.length) && Draw.chance(random, 10);
    return field;
  }

  /**
   * Whether a column of this kind may be in an index or unique constraint on every database:
   * H2 indexes no {@code BLOB}, MariaDB no {@code LONGTEXT} or {@code LONGBLOB} without a
   * prefix length (the MySQL dialect's class comment says so).
   */
  static boolean indexable(Kind kind, int length) {
    return kind != Kind.TEXT && kind != Kind.JSON && !(kind == Kind.BYTES && length == 0);
  }

  /** A new field of {@code owner} referencing a key of {@code target}, or null if it has none to reference. */
  private Field referenceField(Entities all, Entity owner, Entity target) {
    List<Reference> candidates = new ArrayList<>();
    if (target.ids().size() == 1) {
      candidates.add(new Reference(target.key, null, ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION, null));
    }
    for (Field field : target.fields) {
      if (field.unique && !field.id) {
        candidates.add(new Reference(target.key, field.key, ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION,
            null));
      }
    }
    String name = unusedColumn(owner, COLUMNS);
    if (candidates.isEmpty() || name == null) {
      return null;
    }
    Reference reference = Draw.oneOf(random, candidates);
    Field referenced = reference.column(target);
    Field field = new Field(nextKey++);
    name(field, name);
    field.kind = referenced.kind;
    field.length = referenced.length;
    field.precision = referenced.precision;
    field.scale = referenced.scale;
    field.enumName = referenced.enumName;
    if (Draw.chance(random, 50)) {
      field.kind = field.kind.boxed();
    }
    field.references = new Reference(reference.entity(), reference.field(), action(field), action(field),
        Draw.chance(random, 15) ? "fk_named_" + nextName++ : null);
    return field;
  }

  /**
   * Adds to {@code owner} a field for each field of the key of an entity whose key has several
   * fields, of its type, and a {@code @ForeignKey} of them referencing that key; false if no
   * entity has such a key or the owner no free column names.
   */
  private boolean compositeReference(Entities all, Entity owner) {
    List<Entity> targets = all.entities.stream().filter(e -> e.ids().size() > 1).toList();
    if (targets.isEmpty()) {
      return false;
    }
    Entity target = Draw.oneOf(random, targets);
    List<Field> key = target.ids();
    List<Field> fields = new ArrayList<>();
    for (Field referenced : key) {
      String name = unusedColumn(owner, COLUMNS);
      if (name == null) {
        owner.fields.removeAll(fields);
        return false;
      }
      Field field = new Field(nextKey++);
      name(field, name);
      field.kind = Draw.chance(random, 50) ? referenced.kind.boxed() : referenced.kind;
      field.length = referenced.length;
      field.precision = referenced.precision;
      field.scale = referenced.scale;
      field.enumName = referenced.enumName;
      owner.fields.add(field);
      fields.add(field);
    }
    List<Integer> keys = fields.stream().map(f -> f.key).toList();
    owner.foreignKeys.add(new ForeignKeySpec(keys, target.key, action(owner, keys), action(owner, keys),
        Draw.chance(random, 15) ? "fk_named_" + nextName++ : null));
    return true;
  }

  /** An action for a key of these fields: SET NULL only where every one is nullable. */
  private ReferentialAction action(Entity owner, List<Integer> fields) {
    ReferentialAction action = Draw.oneOf(random, actions);
    boolean nullable = fields.stream().allMatch(k -> owner.field(k).map(Field::nullable).orElse(false));
    return action == ReferentialAction.SET_NULL && !nullable ? ReferentialAction.CASCADE : action;
  }

  private ReferentialAction action(Field field) {
    ReferentialAction action = Draw.oneOf(random, actions);
    return action == ReferentialAction.SET_NULL && !field.nullable() ? ReferentialAction.CASCADE : action;
  }

  private String changeType(Entities all, Entity entity, Field field) {
    if (field.id || field.references != null || referenced(all, field)
        || entity.foreignKeys.stream().anyMatch(k -> k.fields().contains(field.key))) {
      return "keep " + entity.table + "." + field.column;
    }
    String before = field.type(all).sql();
    List<Kind> family;
    if (field.kind.numeric()) {
      family = List.of(Kind.LONG, Kind.INT_OBJECT, Kind.SHORT, Kind.DECIMAL, Kind.DOUBLE_OBJECT, Kind.FLOAT,
          Kind.STRING);
    } else if (field.kind.text()) {
      family = List.of(Kind.STRING, Kind.TEXT, Kind.CHAR, Kind.STRING);
    } else if (field.kind == Kind.DATE || field.kind == Kind.TIMESTAMP || field.kind == Kind.INSTANT) {
      // The same kind again changes only its digits of the second.
      family = List.of(Kind.DATE, Kind.TIMESTAMP, Kind.INSTANT, field.kind);
    } else {
      family = List.of(field.kind);
    }
    kind(field, Draw.oneOf(random, family), all);
    if (field.defaultLiteral != null || field.defaultExpression != null) {
      field.defaultLiteral = null;
      field.defaultExpression = null;
      drawDefault(field, all);
    }
    return "change " + entity.table + "." + field.column + " from " + before + " to " + field.type(all).sql();
  }

  private static boolean referenced(Entities all, Field field) {
    for (Entity entity : all.entities) {
      for (Field each : entity.fields) {
        if (each.references != null && all.entity(each.references.entity()).isPresent()) {
          Entity target = all.entity(each.references.entity()).get();
          if (target.fields.contains(field) && (each.references.field() == null
              ? field.id : each.references.field() == field.key)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private void kind(Field field, Kind kind, Entities all) {
    field.kind = kind;
    field.length = 0;
    field.precision = 0;
    field.scale = 0;
    field.secondDigits = -1;
    field.enumName = null;
    switch (kind) {
      case TIME:
      case TIMESTAMP:
      case INSTANT:
        if (Draw.chance(random, 40)) {
          field.secondDigits = Draw.between(random, 0, 6);
        }
        break;
      case STRING:
        field.length = Draw.chance(random, 30) ? 0 : Draw.between(random, 1, 300);
        break;
      case BYTES:
        field.length = Draw.chance(random, 50) ? 0 : Draw.between(random, 1, 300);
        break;
      case DECIMAL:
        if (Draw.chance(random, 70)) {
          field.precision = Draw.between(random, 1, 30);
          field.scale = Draw.between(random, 0, Math.min(field.precision, 10));
        }
        break;
      case ENUM:
        field.enumName = Draw.oneOf(random, List.copyOf(all.enums.keySet()));
        break;
      default:
        break;
    }
    if (field.nullability == Nullability.NULLABLE && kind.primitive()) {
      field.nullability = Nullability.DERIVED;
    }
  }

  private void drawDefault(Field field, Entities all) {
    field.defaultLiteral = null;
    field.defaultExpression = null;
    switch (field.kind) {
      case LONG: case LONG_OBJECT: case INT: case INT_OBJECT: case SHORT: case SHORT_OBJECT:
        field.defaultLiteral = Draw.oneOf(random, List.of("0", "7", "-1"));
        break;
      case BOOLEAN: case BOOLEAN_OBJECT:
        field.defaultLiteral = Draw.oneOf(random, List.of("true", "false"));
        break;
      case STRING:
        field.defaultLiteral = field.length == 0 || field.length >= 5 ? Draw.oneOf(random, List.of("draft", "it's"))
            : "a";
        break;
      case TEXT:
        field.defaultLiteral = "none";
        break;
      case CHAR:
        field.defaultLiteral = "y";
        break;
      case DECIMAL:
        field.defaultLiteral = "0";
        break;
      case DOUBLE: case DOUBLE_OBJECT: case FLOAT:
        field.defaultLiteral = Draw.oneOf(random, List.of("0", "2.5"));
        break;
      case UUID:
        field.defaultLiteral = "123e4567-e89b-12d3-a456-426614174000";
        break;
      case DATE:
        field.defaultLiteral = "2026-01-02";
        break;
      case TIME:
        field.defaultLiteral = "12:30:00";
        break;
      case TIMESTAMP:
        if (Draw.chance(random, 50)) {
          field.defaultLiteral = "2026-01-02 03:04:05";
        } else {
          field.defaultExpression = "CURRENT_TIMESTAMP";
        }
        break;
      case INSTANT:
        field.defaultExpression = "CURRENT_TIMESTAMP";
        break;
      case ENUM:
        field.defaultLiteral = all.enums.get(field.enumName).get(0);
        break;
      default:
        break;
    }
  }

  private void addIndex(Entity entity) {
    List<Integer> keys = new ArrayList<>(entity.fields.stream().filter(f -> indexable(f.kind, f.length))
        .map(f -> f.key).toList());
    if (keys.isEmpty()) {
      return;
    }
    List<Integer> columns = new ArrayList<>();
    columns.add(keys.remove(random.nextInt(keys.size())));
    if (!keys.isEmpty() && Draw.chance(random, 30)) {
      columns.add(keys.get(random.nextInt(keys.size())));
    }
    boolean unique = Draw.chance(random, 30);
    entity.indexes.add(new IndexSpec(columns, unique, Draw.chance(random, 20) ? "idx_" + nextName++ : null,
        unique && Draw.chance(random, 50)));
  }

  private void addCheck(Entity entity) {
    Field field = Draw.oneOf(random, entity.fields);
    entity.checks.add(new CheckSpec("ck_" + nextName++, field.key, random.nextInt(2), Draw.chance(random, 50)));
  }

  /** Names a field: by its member's snake_case where a Java name gives it, else by {@code @Column(name)}. */
  private void name(Field field, String column) {
    field.column = column;
    String member = camelCase(column);
    boolean derivable = SNAKE.matcher(column).matches() && !JAVA_KEYWORDS.contains(member)
        && Entities.snakeCase(member).equals(column);
    field.explicitName = !derivable || Draw.chance(random, 40);
    field.member = field.explicitName ? "f" + field.key : member;
  }

  private static String camelCase(String snake) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  private String[] unusedTable(Entities all) {
    Set<String> used = new HashSet<>();
    all.entities.forEach(e -> used.add(Entities.folded(e.table)));
    int start = random.nextInt(TABLES.size());
    for (int i = 0; i < TABLES.size(); i++) {
      String[] name = TABLES.get((start + i) % TABLES.size());
      if (!used.contains(Entities.folded(name[0]))) {
        return name;
      }
    }
    return null;
  }

  /**
   * A name of the pool that no field has, nor was renamed from in this build: the processor refuses
   * a rename whose old name a member still maps to.
   */
  private String unusedColumn(Entity entity, List<String> pool) {
    Set<String> used = new HashSet<>();
    entity.fields.forEach(f -> used.add(Entities.folded(f.column)));
    entity.fields.stream().filter(f -> f.renamedFrom != null).forEach(f -> used.add(Entities.folded(f.renamedFrom)));
    int start = random.nextInt(pool.size());
    for (int i = 0; i < pool.size(); i++) {
      String name = pool.get((start + i) % pool.size());
      if (!used.contains(Entities.folded(name))) {
        return name;
      }
    }
    return null;
  }

  /**
   * Makes the entities what the processor accepts: references only to an existing single key
   * or unique column of the same type, SET NULL only on nullable columns and SET DEFAULT only on
   * nullable columns or those with a default, indexes and checks
   * only on existing columns, every constraint name used once, no stale rename hint that a
   * second rename repeats, no default on a generated key, no index on a column that cannot
   * have one, and nothing the {@link Limits} leave out.
   */
  private void repair(Entities all) {
    for (Entity entity : all.entities) {
      for (Field field : entity.fields) {
        if (field.id) {
          field.unique = false;
          if (field.nullability == Nullability.NULLABLE) {
            field.nullability = Nullability.DERIVED;
          }
        }
        if (field.generated && !(field.id && entity.ids().size() == 1 && field.kind.integral())) {
          field.generated = false;
        }
        if (field.generated) {
          field.defaultLiteral = null;
          field.defaultExpression = null;
        }
        if (field.references != null && !validReference(all, field)) {
          field.references = null;
        }
        if (field.references != null && !field.nullable()) {
          Reference reference = field.references;
          field.references = reference.withActions(
              notSetNull(field, reference.onDelete()), notSetNull(field, reference.onUpdate()));
        }
      }
      repairForeignKeys(all, entity);
      entity.fields.forEach(f -> f.unique &= indexable(f.kind, f.length));
      entity.indexes.removeIf(i -> !i.fields().stream()
          .allMatch(k -> entity.field(k).filter(f -> indexable(f.kind, f.length)).isPresent()));
      removeRepeatedUniques(entity);
      entity.checks.removeIf(c -> entity.field(c.field()).isEmpty()
          || limits == Limits.INNODB && refusesCheck(entity, entity.field(c.field()).get()));
    }
    Set<String> names = new HashSet<>();
    for (Entity entity : all.entities) {
      if (!entity.ids().isEmpty()) {
        names.add(Entities.folded("pk_" + entity.table));
      }
      for (Field field : entity.fields) {
        if (field.unique && !names.add(Entities.folded(field.uniqueName(entity)))) {
          field.unique = false;
        }
      }
      entity.indexes.removeIf(i -> !names.add(Entities.folded(i.name(entity))));
      entity.checks.removeIf(c -> !names.add(Entities.folded(c.name())));
    }
    for (Entity entity : all.entities) {
      for (Field field : entity.fields) {
        if (field.references != null && !names.add(Entities.folded(field.foreignKeyName(entity)))) {
          field.references = null;
        }
      }
      entity.foreignKeys.removeIf(k -> !names.add(Entities.folded(k.name(entity))));
    }
  }

  /**
   * Keeps the {@code @ForeignKey}s that the processor accepts: of fields the entity has, as many as
   * the referenced key's and each of its field's type, not declared twice, and with SET NULL and
   * SET DEFAULT only where every field can take them.
   */
  private static void repairForeignKeys(Entities all, Entity entity) {
    List<ForeignKeySpec> kept = new ArrayList<>();
    for (ForeignKeySpec key : entity.foreignKeys) {
      Optional<Entity> target = all.entity(key.entity());
      List<Field> fields = key.fields().stream().map(entity::field).flatMap(Optional::stream).toList();
      if (target.isEmpty() || fields.size() != key.fields().size() || target.get().ids().size() != fields.size()
          || kept.stream().anyMatch(k -> k.fields().equals(key.fields()) && k.entity() == key.entity())) {
        continue;
      }
      List<Field> referenced = target.get().ids();
      boolean matches = true;
      for (int i = 0; i < fields.size(); i++) {
        matches &= referenced.get(i) != fields.get(i) && referenced.get(i).type(all).equals(fields.get(i).type(all));
      }
      if (!matches) {
        continue;
      }
      ReferentialAction onDelete = key.onDelete();
      ReferentialAction onUpdate = key.onUpdate();
      for (Field field : fields) {
        if (!field.nullable()) {
          onDelete = notSetNull(field, onDelete);
          onUpdate = notSetNull(field, onUpdate);
        }
      }
      kept.add(key.withActions(onDelete, onUpdate));
    }
    entity.foreignKeys.clear();
    entity.foreignKeys.addAll(kept);
  }

  /**
   * Removes each {@code @Unique} over the columns of the primary key, of a unique field or of an
   * earlier {@code @Unique}, in any order, which the processor refuses as a repetition.
   */
  private static void removeRepeatedUniques(Entity entity) {
    Set<Set<Integer>> unique = new HashSet<>();
    unique.add(Set.copyOf(entity.ids().stream().map(f -> f.key).toList()));
    entity.fields.stream().filter(f -> f.unique).forEach(f -> unique.add(Set.of(f.key)));
    entity.indexes.removeIf(i -> i.constraint() && !unique.add(Set.copyOf(i.fields())));
  }

  /** Whether InnoDB refuses a check on the column: an identity, or a foreign key that changes it. */
  private static boolean refusesCheck(Entity entity, Field field) {
    if (field.generated) {
      return true;
    }
    Reference reference = field.references;
    return reference != null && (changesColumn(reference.onDelete()) || changesColumn(reference.onUpdate()))
        || entity.foreignKeys.stream().anyMatch(k -> k.fields().contains(field.key)
            && (changesColumn(k.onDelete()) || changesColumn(k.onUpdate())));
  }

  private static boolean changesColumn(ReferentialAction action) {
    return action == ReferentialAction.CASCADE || action == ReferentialAction.SET_NULL
        || action == ReferentialAction.SET_DEFAULT;
  }

  /** The action for a NOT NULL column: neither SET NULL nor, without a default, SET DEFAULT (which sets NULL). */
  private static ReferentialAction notSetNull(Field field, ReferentialAction action) {
    boolean setsNull = action == ReferentialAction.SET_NULL
        || action == ReferentialAction.SET_DEFAULT && field.defaultLiteral == null && field.defaultExpression == null;
    return setsNull ? ReferentialAction.NO_ACTION : action;
  }

  private static boolean validReference(Entities all, Field field) {
    Reference reference = field.references;
    if (all.entity(reference.entity()).isEmpty()) {
      return false;
    }
    Entity target = all.entity(reference.entity()).get();
    Field referenced;
    if (reference.field() == null) {
      if (target.ids().size() != 1) {
        return false;
      }
      referenced = target.ids().get(0);
    } else {
      if (target.field(reference.field()).isEmpty()) {
        return false;
      }
      referenced = target.field(reference.field()).get();
      if (!referenced.unique || referenced.id) {
        return false;
      }
    }
    return referenced != field && referenced.type(all).equals(field.type(all));
  }
}
