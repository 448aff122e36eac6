package dev.retort.runtime.evolution;

import dev.retort.ReferentialAction;
import dev.retort.model.CheckModel;
import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.DefaultValue;
import dev.retort.model.ForeignKeyModel;
import dev.retort.model.IndexModel;
import dev.retort.model.PrimaryKeyModel;
import dev.retort.model.SchemaModel;
import dev.retort.model.SequenceModel;
import dev.retort.model.TableModel;
import dev.retort.model.UniqueModel;
import dev.retort.model.ViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code @Table} entities of a generated project as a user writes them: what {@link
 * EntityGenerator} draws and changes. It renders itself two ways: as the Java sources the
 * processor reads, and as the schema the processor should read from them, built here from the
 * documented mapping (docs/entities.md) and not by the processor's code.
 *
 * <p>Entities and fields have keys that stay the same through renames, so indexes, checks and
 * references name what they are on by key and render with the current names.
 */
final class Entities {

  /** The package of the entities; the migrations go to its {@code migration} subpackage. */
  static final String PACKAGE = "com.example.shop";

  final List<Entity> entities = new ArrayList<>();
  /** Each Java enum by simple name, with its constants in declaration order. */
  final Map<String, List<String>> enums = new TreeMap<>();
  /** The quote of the names in the views' queries: the target database's, as the application writes its SQL. */
  String quote = "\"";

  /** A deep copy, to change into the next step's entities. */
  Entities copy() {
    Entities copy = new Entities();
    entities.forEach(e -> copy.entities.add(e.copy()));
    enums.forEach((name, constants) -> copy.enums.put(name, new ArrayList<>(constants)));
    copy.quote = quote;
    return copy;
  }

  Optional<Entity> entity(int key) {
    return entities.stream().filter(e -> e.key == key).findFirst();
  }

  /** The Java sources, by path under the source directory. */
  Map<String, String> sources() {
    Map<String, String> sources = new TreeMap<>();
    String dir = PACKAGE.replace('.', '/') + "/";
    for (Entity entity : entities) {
      sources.put(dir + entity.className + ".java", entity.source(this));
    }
    enums.forEach((name, constants) -> sources.put(dir + name + ".java",
        "package " + PACKAGE + ";\n\npublic enum " + name + " {\n  " + String.join(", ", constants) + "\n}\n"));
    return sources;
  }

  /** The schema these entities declare. */
  SchemaModel model() {
    List<TableModel> tables = new ArrayList<>();
    for (Entity entity : entities) {
      TableModel.Builder table = new TableModel.Builder(entity.table)
          .comment(Optional.ofNullable(entity.comment));
      List<String> keyColumns = entity.fields.stream().filter(f -> f.id).map(f -> f.column).toList();
      if (!keyColumns.isEmpty()) {
        table.primaryKey(Optional.of(new PrimaryKeyModel("pk_" + entity.table, keyColumns)));
      }
      for (Field field : entity.fields) {
        table.column(new ColumnModel(field.column, field.type(this), field.nullable(),
            Optional.ofNullable(field.defaultValue()), field.generated, Optional.ofNullable(field.comment)));
        if (field.unique) {
          table.uniques().add(new UniqueModel(field.uniqueName(entity), List.of(field.column)));
        }
        if (field.references != null) {
          Entity target = entity(field.references.entity).orElseThrow();
          table.foreignKeys().add(new ForeignKeyModel(field.foreignKeyName(entity), List.of(field.column),
              target.table, List.of(field.references.column(target).column), field.references.onDelete,
              field.references.onUpdate));
        }
      }
      for (ForeignKeySpec key : entity.foreignKeys) {
        Entity target = entity(key.entity()).orElseThrow();
        table.foreignKeys().add(new ForeignKeyModel(key.name(entity), key.columns(entity), target.table,
            target.ids().stream().map(f -> f.column).toList(), key.onDelete(), key.onUpdate()));
      }
      for (IndexSpec index : entity.indexes) {
        if (index.constraint) {
          table.uniques().add(new UniqueModel(index.name(entity), index.columns(entity)));
        } else {
          table.indexes().add(new IndexModel(index.name(entity), index.columns(entity), index.unique));
        }
      }
      for (CheckSpec check : entity.checks) {
        table.checks().add(new CheckModel(check.name, check.expression(entity)));
      }
      tables.add(table.build());
    }
    List<SequenceModel> sequences = new ArrayList<>();
    entities.forEach(entity -> entity.sequences.forEach(
        sequence -> sequences.add(SequenceModel.of(sequence.name(), sequence.start(), sequence.increment()))));
    List<ViewModel> views = new ArrayList<>();
    entities.forEach(entity -> entity.views.forEach(view -> views.add(ViewModel.of(view.name(), view.query(entity, quote)))));
    return new SchemaModel(tables, sequences, views);
  }

  /** One {@code @Table} class or record. */
  static final class Entity {
    final int key;
    String className;
    String table;
    /** Whether the table name is the class name's snake_case, so {@code @Table} names none. */
    boolean derivedName;
    boolean record;
    String renamedFrom;
    String comment;
    final List<Field> fields = new ArrayList<>();
    final List<IndexSpec> indexes = new ArrayList<>();
    final List<CheckSpec> checks = new ArrayList<>();
    final List<ForeignKeySpec> foreignKeys = new ArrayList<>();
    final List<SequenceSpec> sequences = new ArrayList<>();
    /** The views that read this table, declared by types nested in the entity, which go with it. */
    final List<ViewSpec> views = new ArrayList<>();

    Entity(int key) {
      this.key = key;
    }

    Entity copy() {
      Entity copy = new Entity(key);
      copy.className = className;
      copy.table = table;
      copy.derivedName = derivedName;
      copy.record = record;
      copy.renamedFrom = renamedFrom;
      copy.comment = comment;
      fields.forEach(f -> copy.fields.add(f.copy()));
      copy.indexes.addAll(indexes);
      copy.checks.addAll(checks);
      copy.foreignKeys.addAll(foreignKeys);
      copy.sequences.addAll(sequences);
      copy.views.addAll(views);
      return copy;
    }

    Optional<Field> field(int fieldKey) {
      return fields.stream().filter(f -> f.key == fieldKey).findFirst();
    }

    List<Field> ids() {
      return fields.stream().filter(f -> f.id).toList();
    }

    String source(Entities all) {
      StringBuilder text = new StringBuilder()
          .append("package ").append(PACKAGE).append(";\n\n")
          .append("import dev.retort.*;\n")
          .append("import java.math.BigDecimal;\n")
          .append("import java.time.*;\n")
          .append("import java.util.UUID;\n\n");
      List<String> tableAttributes = new ArrayList<>();
      if (!derivedName) {
        tableAttributes.add("name = " + javaString(table));
      }
      if (comment != null) {
        tableAttributes.add("comment = " + javaString(comment));
      }
      text.append("@Table(").append(String.join(", ", tableAttributes)).append(")\n");
      if (renamedFrom != null) {
        text.append("@RenamedFrom(").append(javaString(renamedFrom)).append(")\n");
      }
      for (IndexSpec index : indexes) {
        List<String> attributes = new ArrayList<>();
        if (index.name != null) {
          attributes.add("name = " + javaString(index.name));
        }
        attributes.add("columns = {" + String.join(", ", index.columns(this).stream().map(Entities::javaString).toList())
            + "}");
        if (index.unique && !index.constraint) {
          attributes.add("unique = true");
        }
        text.append(index.constraint ? "@Unique(" : "@Index(").append(String.join(", ", attributes)).append(")\n");
      }
      for (CheckSpec check : checks) {
        text.append("@Check(name = ").append(javaString(check.name)).append(", expression = ")
            .append(javaString(check.expression(this))).append(")\n");
      }
      for (ForeignKeySpec key : foreignKeys) {
        List<String> attributes = new ArrayList<>();
        if (key.name() != null) {
          attributes.add("name = " + javaString(key.name()));
        }
        attributes.add("columns = {" + String.join(", ", key.columns(this).stream().map(Entities::javaString).toList())
            + "}");
        attributes.add("references = " + all.entity(key.entity()).orElseThrow().className + ".class");
        if (key.onDelete() != ReferentialAction.NO_ACTION) {
          attributes.add("onDelete = ReferentialAction." + key.onDelete());
        }
        if (key.onUpdate() != ReferentialAction.NO_ACTION) {
          attributes.add("onUpdate = ReferentialAction." + key.onUpdate());
        }
        text.append("@ForeignKey(").append(String.join(", ", attributes)).append(")\n");
      }
      for (SequenceSpec sequence : sequences) {
        text.append("@Sequence(name = ").append(javaString(sequence.name())).append(", start = ")
            .append(sequence.start()).append("L, increment = ").append(sequence.increment()).append("L)\n");
      }
      List<String> members = fields.stream().map(f -> f.source(all)).toList();
      StringBuilder nested = new StringBuilder();
      for (ViewSpec view : views) {
        nested.append("  @View(name = ").append(javaString(view.name())).append(", value = ")
            .append(javaString(view.query(this, all.quote))).append(")\n")
            .append("  public record ").append(view.className()).append("() {}\n");
      }
      if (record) {
        text.append("public record ").append(className).append("(\n    ")
            .append(String.join(",\n    ", members)).append(") {")
            .append(nested.isEmpty() ? "" : "\n" + nested).append("}\n");
      } else {
        text.append("public class ").append(className).append(" {\n");
        members.forEach(m -> text.append("  ").append(m).append(";\n"));
        text.append(nested).append("}\n");
      }
      return text.toString();
    }
  }

  /**
   * A {@code @Sequence} on an entity.
   *
   * @param name the sequence name
   * @param start the first value
   * @param increment the step
   */
  record SequenceSpec(String name, long start, long increment) {}

  /**
   * A {@code @View} on a type nested in the entity whose table it reads.
   *
   * @param name the view name
   * @param className the simple name of the nested type
   * @param filtered whether the query has a {@code WHERE}, so that toggling it changes the query
   */
  record ViewSpec(String name, String className, boolean filtered) {
    /** The query: every column of the entity's table, with its name quoted as the database quotes it. */
    String query(Entity entity, String quote) {
      return "SELECT * FROM " + quote + entity.table + quote + (filtered ? " WHERE 1 = 1" : "");
    }
  }

  /** The Java types of columns, each with its Retort type. */
  enum Kind {
    LONG("long"), LONG_OBJECT("Long"), INT("int"), INT_OBJECT("Integer"), SHORT("short"), SHORT_OBJECT("Short"),
    BOOLEAN("boolean"), BOOLEAN_OBJECT("Boolean"), STRING("String"), TEXT("String"), JSON("String"), CHAR("char"),
    DECIMAL("BigDecimal"), DOUBLE("double"), DOUBLE_OBJECT("Double"), FLOAT("float"), UUID("UUID"),
    DATE("LocalDate"), TIME("LocalTime"), TIMESTAMP("LocalDateTime"), INSTANT("Instant"), BYTES("byte[]"),
    ENUM(null);

    final String javaType;

    Kind(String javaType) {
      this.javaType = javaType;
    }

    boolean primitive() {
      return javaType != null && Character.isLowerCase(javaType.charAt(0)) && !javaType.equals("byte[]");
    }

    boolean integral() {
      return this == LONG || this == LONG_OBJECT || this == INT || this == INT_OBJECT || this == SHORT
          || this == SHORT_OBJECT;
    }

    boolean numeric() {
      return integral() || this == DECIMAL || this == DOUBLE || this == DOUBLE_OBJECT || this == FLOAT;
    }

    boolean text() {
      return this == STRING || this == TEXT || this == CHAR;
    }

    /** The primitive kind's boxed counterpart, or this kind. */
    Kind boxed() {
      switch (this) {
        case LONG: return LONG_OBJECT;
        case INT: return INT_OBJECT;
        case SHORT: return SHORT_OBJECT;
        case BOOLEAN: return BOOLEAN_OBJECT;
        case DOUBLE: return DOUBLE_OBJECT;
        default: return this;
      }
    }
  }

  /** The {@code nullable} attribute of {@code @Column}. */
  enum Nullability { DERIVED, NULLABLE, NOT_NULL }

  /** One field or record component: a column. */
  static final class Field {
    final int key;
    String member;
    String column;
    /** Whether {@code @Column(name)} gives the column name; otherwise it is the member's snake_case. */
    boolean explicitName;
    Kind kind;
    /** Of a string ({@code varchar}, 0 for the default 255) or byte array (0 for {@code blob}). */
    int length;
    /** Of a decimal; 0 for the default decimal(19,2). */
    int precision;
    int scale;
    /** The digits of the second of a time or timestamp, 0 to 6; -1 for the default, microseconds. */
    int secondDigits = -1;
    /** The Java enum of an {@link Kind#ENUM} field. */
    String enumName;
    Nullability nullability = Nullability.DERIVED;
    boolean unique;
    String defaultLiteral;
    String defaultExpression;
    String comment;
    boolean id;
    boolean generated;
    Reference references;
    String renamedFrom;

    Field(int key) {
      this.key = key;
    }

    Field copy() {
      Field copy = new Field(key);
      copy.member = member;
      copy.column = column;
      copy.explicitName = explicitName;
      copy.kind = kind;
      copy.length = length;
      copy.precision = precision;
      copy.scale = scale;
      copy.secondDigits = secondDigits;
      copy.enumName = enumName;
      copy.nullability = nullability;
      copy.unique = unique;
      copy.defaultLiteral = defaultLiteral;
      copy.defaultExpression = defaultExpression;
      copy.comment = comment;
      copy.id = id;
      copy.generated = generated;
      copy.references = references;
      copy.renamedFrom = renamedFrom;
      return copy;
    }

    /** A time type with this field's digits of the second: the kind itself for the default, microseconds. */
    private ColumnType withDigits(ColumnType.Scalar kind) {
      return secondDigits < 0 ? kind : ColumnType.Temporal.of(kind, secondDigits);
    }

    ColumnType type(Entities all) {
      switch (kind) {
        case LONG: case LONG_OBJECT: return ColumnType.Scalar.BIGINT;
        case INT: case INT_OBJECT: return ColumnType.Scalar.INTEGER;
        case SHORT: case SHORT_OBJECT: return ColumnType.Scalar.SMALLINT;
        case BOOLEAN: case BOOLEAN_OBJECT: return ColumnType.Scalar.BOOLEAN;
        case STRING: return new ColumnType.Varchar(length == 0 ? 255 : length);
        case TEXT: return ColumnType.Scalar.TEXT;
        case JSON: return ColumnType.Scalar.JSON;
        case CHAR: return new ColumnType.Char(1);
        case DECIMAL: return precision == 0 ? new ColumnType.Decimal(19, 2) : new ColumnType.Decimal(precision, scale);
        case DOUBLE: case DOUBLE_OBJECT: return ColumnType.Scalar.DOUBLE;
        case FLOAT: return ColumnType.Scalar.REAL;
        case UUID: return ColumnType.Scalar.UUID;
        case DATE: return ColumnType.Scalar.DATE;
        case TIME: return withDigits(ColumnType.Scalar.TIME);
        case TIMESTAMP: return withDigits(ColumnType.Scalar.TIMESTAMP);
        case INSTANT: return withDigits(ColumnType.Scalar.TIMESTAMP_TZ);
        case BYTES: return length == 0 ? ColumnType.Scalar.BLOB : new ColumnType.Varbinary(length);
        case ENUM: return new ColumnType.Enumerated(snakeCase(enumName), all.enums.get(enumName));
        default: throw new AssertionError(kind);
      }
    }

    boolean nullable() {
      if (id) {
        return false;
      }
      switch (nullability) {
        case NULLABLE: return true;
        case NOT_NULL: return false;
        default: return !kind.primitive();
      }
    }

    DefaultValue defaultValue() {
      if (defaultLiteral != null) {
        return DefaultValue.literal(defaultLiteral);
      }
      return defaultExpression == null ? null : DefaultValue.expression(defaultExpression);
    }

    String uniqueName(Entity entity) {
      return "uq_" + entity.table + "_" + column;
    }

    String foreignKeyName(Entity entity) {
      return references.name != null ? references.name : "fk_" + entity.table + "_" + column;
    }

    String source(Entities all) {
      List<String> annotations = new ArrayList<>();
      if (id) {
        annotations.add(generated ? "@Id(generated = true)" : "@Id");
      }
      if (renamedFrom != null) {
        annotations.add("@RenamedFrom(" + javaString(renamedFrom) + ")");
      }
      if (references != null) {
        Entity target = all.entity(references.entity).orElseThrow();
        List<String> attributes = new ArrayList<>();
        attributes.add("value = " + target.className + ".class");
        if (references.field != null) {
          attributes.add("column = " + javaString(references.column(target).column));
        }
        if (references.name != null) {
          attributes.add("name = " + javaString(references.name));
        }
        if (references.onDelete != ReferentialAction.NO_ACTION) {
          attributes.add("onDelete = ReferentialAction." + references.onDelete);
        }
        if (references.onUpdate != ReferentialAction.NO_ACTION) {
          attributes.add("onUpdate = ReferentialAction." + references.onUpdate);
        }
        annotations.add("@References(" + String.join(", ", attributes) + ")");
      }
      List<String> column = new ArrayList<>();
      if (explicitName) {
        column.add("name = " + javaString(this.column));
      }
      if (kind == Kind.TEXT) {
        column.add("type = \"text\"");
      } else if (kind == Kind.JSON) {
        column.add("type = \"json\"");
      }
      if (length != 0) {
        column.add("length = " + length);
      }
      if (precision != 0) {
        column.add("precision = " + precision);
        column.add("scale = " + scale);
      }
      if (secondDigits >= 0) {
        column.add("precision = " + secondDigits);
      }
      if (nullability != Nullability.DERIVED) {
        column.add("nullable = Column.Nullability." + nullability);
      }
      if (unique) {
        column.add("unique = true");
      }
      if (defaultLiteral != null) {
        column.add("defaultValue = " + javaString(defaultLiteral));
      }
      if (defaultExpression != null) {
        column.add("defaultExpression = " + javaString(defaultExpression));
      }
      if (comment != null) {
        column.add("comment = " + javaString(comment));
      }
      if (!column.isEmpty()) {
        annotations.add("@Column(" + String.join(", ", column) + ")");
      }
      annotations.add((kind == Kind.ENUM ? enumName : kind.javaType) + " " + member);
      return String.join(" ", annotations);
    }
  }

  /**
   * A {@code @References} on a field.
   *
   * @param entity the key of the referenced entity
   * @param field the key of the referenced field given by {@code column}, or null for the primary key
   * @param name the constraint name given, or null for the derived one
   */
  record Reference(int entity, Integer field, ReferentialAction onDelete, ReferentialAction onUpdate, String name) {

    /** The referenced field: the one named, or the target's single key field. */
    Field column(Entity target) {
      if (field != null) {
        return target.field(field).orElseThrow();
      }
      return target.ids().get(0);
    }

    Reference withActions(ReferentialAction newOnDelete, ReferentialAction newOnUpdate) {
      return new Reference(entity, field, newOnDelete, newOnUpdate, name);
    }
  }

  /**
   * A {@code @ForeignKey} of several fields referencing the primary key of another entity (or of
   * its own), field for key field.
   *
   * @param fields the keys of the referring fields, in the order of the referenced key
   * @param entity the key of the referenced entity
   * @param name the constraint name given, or null for the derived one
   */
  record ForeignKeySpec(List<Integer> fields, int entity, ReferentialAction onDelete, ReferentialAction onUpdate,
      String name) {

    List<String> columns(Entity owner) {
      return fields.stream().map(k -> owner.field(k).orElseThrow().column).toList();
    }

    String name(Entity owner) {
      return name != null ? name : "fk_" + owner.table + "_" + String.join("_", columns(owner));
    }

    ForeignKeySpec withActions(ReferentialAction newOnDelete, ReferentialAction newOnUpdate) {
      return new ForeignKeySpec(fields, entity, newOnDelete, newOnUpdate, name);
    }
  }

  /**
   * An {@code @Index}, or with {@code constraint} a {@code @Unique} (which is {@code unique});
   * {@code name} null for the derived one.
   */
  record IndexSpec(List<Integer> fields, boolean unique, String name, boolean constraint) {

    List<String> columns(Entity entity) {
      return fields.stream().map(k -> entity.field(k).orElseThrow().column).toList();
    }

    String name(Entity entity) {
      String prefix = constraint ? "uq_" : unique ? "ux_" : "ix_";
      return name != null ? name : prefix + entity.table + "_" + String.join("_", columns(entity));
    }
  }

  /**
   * A {@code @Check} on one column, written in one of a few forms; {@code quoted} writes the
   * column in double quotes, as it is written anyway when its name is not a plain lower-case
   * word that no database reserves.
   */
  record CheckSpec(String name, int field, int form, boolean quoted) {

    /** Column names that no database reserves, which a check may write bare. */
    private static final Set<String> PLAIN = Set.of("name", "label", "note", "status", "code", "id", "line",
        "created_at");

    String expression(Entity entity) {
      Field column = entity.field(field).orElseThrow();
      String name = quoted || !PLAIN.contains(column.column) ? "\"" + column.column + "\"" : column.column;
      if (column.kind.numeric()) {
        return form == 0 ? name + " >= 0" : name + " > -100";
      }
      if (column.kind.text()) {
        return form == 0 ? name + " <> 'x'" : name + " IS NOT NULL";
      }
      return name + " IS NOT NULL";
    }
  }

  /** A Java string literal of the text. */
  static String javaString(String text) {
    StringBuilder literal = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        literal.append('\\');
      }
      literal.append(c);
    }
    return literal.append('"').toString();
  }

  /** The processor's snake_case of a Java name (docs/entities.md, Names). */
  static String snakeCase(String javaName) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        char previous = javaName.charAt(i - 1);
        boolean afterWord = Character.isLowerCase(previous) || Character.isDigit(previous);
        boolean endOfAcronym = Character.isUpperCase(previous) && i + 1 < javaName.length()
            && Character.isLowerCase(javaName.charAt(i + 1));
        if (afterWord || endOfAcronym) {
          out.append('_');
        }
      }
      out.append(Character.toLowerCase(c));
    }
    return out.toString();
  }

  /** A lower-case key for names that must differ whatever the database folds. */
  static String folded(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** The entities' sources, for a failure report. */
  String describe() {
    StringBuilder text = new StringBuilder();
    sources().forEach((path, source) -> text.append("// ").append(path).append('\n').append(source));
    return text.toString();
  }
}
