package dev.retort.processor.scan;

import dev.retort.ReferentialAction;
import dev.retort.model.ColumnType;
import dev.retort.model.ForeignKeyModel;
import dev.retort.processor.diagnostics.Message;
import dev.retort.processor.scan.EntityDraft.ColumnDraft;
import dev.retort.processor.scan.EntityDraft.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Reads the foreign keys of an entity: {@code @References} on a member (a key of that one column)
 * and {@code @ForeignKey} on the entity (a key of one or more columns). Both follow one set of
 * rules, checked here against the entity that they reference: it is a {@code @Table} entity of the
 * compilation, the referenced columns are its primary key or unique, each column has the type of
 * the column it references, and {@code SET_NULL} and {@code SET_DEFAULT} can fire. A one-column
 * {@code @ForeignKey} gives the model that {@code @References} on that column gives.
 */
final class ForeignKeys {

  private final Annotations annotations;
  private final Reporter reporter;
  private final Checks checks;
  private final ColumnLists columnLists;

  ForeignKeys(Annotations annotations, Reporter reporter, Checks checks) {
    this.annotations = annotations;
    this.reporter = reporter;
    this.checks = checks;
    this.columnLists = new ColumnLists(reporter);
  }

  /**
   * The foreign keys of an entity: its members' {@code @References} in member order, then its
   * {@code @ForeignKey} annotations in source order. Those with an error are reported and left out.
   *
   * @param entity the entity
   * @param byClass the entities of the compilation by qualified class name
   * @param constraints where the names of the keys are added, with where each is declared
   * @return the foreign keys
   */
  List<ForeignKeyModel> read(EntityDraft entity, Map<String, EntityDraft> byClass, List<Origin> constraints) {
    List<ForeignKeyModel> keys = new ArrayList<>();
    for (ColumnDraft column : entity.columns()) {
      if (column.references().isPresent()) {
        references(entity, column, column.references().get(), byClass, constraints).ifPresent(keys::add);
      }
    }
    int declaredByMembers = keys.size();
    for (Annotation foreignKey : annotations.findRepeated(entity.element(), Annotation.FOREIGN_KEY)) {
      foreignKey(entity, foreignKey, byClass, keys, declaredByMembers, constraints).ifPresent(keys::add);
    }
    return keys;
  }

  /** The key of a member's {@code @References}. */
  private Optional<ForeignKeyModel> references(
      EntityDraft entity,
      ColumnDraft column,
      Annotation references,
      Map<String, EntityDraft> byClass,
      List<Origin> constraints) {
    Optional<EntityDraft> target = target(references, "value", column.label(), byClass);
    if (target.isEmpty()) {
      return Optional.empty();
    }
    Optional<ColumnDraft> referenced = referencedColumn(column, references, target.get());
    if (referenced.isEmpty()) {
      return Optional.empty();
    }
    if (column.model().isPresent() && referenced.get().model().isPresent()
        && !sameType(column, referenced.get())) {
      ColumnType referencedType = referenced.get().model().get().type();
      reporter.report(
          column.member(),
          Message.REFERENCES_TYPE_MISMATCH,
          column.label(),
          column.model().get().type().sql(),
          target.get().name(),
          referenced.get().name(),
          referencedType.sql(),
          referencedType.sql());
    }
    checkActions(references, column.label(), List.of(column));
    Optional<String> name = name(
        entity, List.of(column.name()), references, column.member(), column.label(), constraints);
    return name.flatMap(n -> build(column.member(), column.label(), n, references, List.of(column), target.get(),
        List.of(referenced.get())));
  }

  /**
   * The key of an entity's {@code @ForeignKey}.
   *
   * @param keys the keys read so far
   * @param declaredByMembers how many of them, from the first, {@code @References} declares
   */
  private Optional<ForeignKeyModel> foreignKey(
      EntityDraft entity,
      Annotation foreignKey,
      Map<String, EntityDraft> byClass,
      List<ForeignKeyModel> keys,
      int declaredByMembers,
      List<Origin> constraints) {
    String label = entity.label();
    if (!columnLists.valid(foreignKey, label, entity.name(), entity.columns())) {
      return Optional.empty();
    }
    List<String> names = foreignKey.strings("columns");
    String description = ColumnLists.describe(foreignKey);
    List<ColumnDraft> columns = names.stream().map(n -> entity.column(n).orElseThrow()).toList();
    Optional<EntityDraft> target = target(foreignKey, "references", label, byClass);
    if (target.isEmpty()) {
      return Optional.empty();
    }
    Optional<List<ColumnDraft>> referenced = referencedKey(entity, foreignKey, description, names, target.get());
    if (referenced.isEmpty()) {
      return Optional.empty();
    }
    for (int i = 0; i < columns.size(); i++) {
      ColumnDraft column = columns.get(i);
      ColumnDraft other = referenced.get().get(i);
      if (column.model().isPresent() && other.model().isPresent() && !sameType(column, other)) {
        ColumnType referencedType = other.model().get().type();
        reporter.report(
            foreignKey,
            "columns",
            Message.FOREIGN_KEY_TYPE_MISMATCH,
            description,
            label,
            column.name(),
            column.model().get().type().sql(),
            target.get().name(),
            other.name(),
            referencedType.sql(),
            column.label(),
            referencedType.sql());
      }
    }
    List<String> referencedNames = referenced.get().stream().map(ColumnDraft::name).toList();
    if (duplicate(entity, foreignKey, description, names, target.get().name(), referencedNames, keys,
        declaredByMembers)) {
      return Optional.empty();
    }
    checkActions(foreignKey, label, columns);
    Optional<String> name = name(entity, names, foreignKey, entity.element(), label, constraints);
    return name.flatMap(n -> build(entity.element(), label, n, foreignKey, columns, target.get(), referenced.get()));
  }

  /**
   * The entity a class attribute references; a class that is no entity of the compilation is
   * reported. A class javac could not resolve is left to javac.
   */
  private Optional<EntityDraft> target(
      Annotation annotation, String attribute, String label, Map<String, EntityDraft> byClass) {
    Optional<TypeMirror> targetType = annotation.type(attribute);
    if (targetType.isEmpty()) {
      return Optional.empty();
    }
    if (targetType.get().getKind() != TypeKind.DECLARED) {
      reporter.report(annotation, attribute, Message.REFERENCES_NOT_TABLE,
          written(annotation, attribute, targetType.get().toString()), label, targetType.get());
      return Optional.empty();
    }
    TypeElement element = (TypeElement) ((DeclaredType) targetType.get()).asElement();
    EntityDraft target = byClass.get(element.getQualifiedName().toString());
    if (target != null) {
      return Optional.of(target);
    }
    Message message =
        annotations.find(element, Annotation.TABLE).isPresent()
            ? Message.REFERENCES_NOT_COMPILED
            : Message.REFERENCES_NOT_TABLE;
    reporter.report(annotation, attribute, message,
        written(annotation, attribute, element.getSimpleName().toString()), label, element.getQualifiedName());
    return Optional.empty();
  }

  /** The class attribute as written: {@code @References(Author.class)}, {@code @ForeignKey(references = Author.class)}. */
  private static String written(Annotation annotation, String attribute, String className) {
    return "@" + annotation.simpleName() + "(" + (attribute.equals("value") ? "" : attribute + " = ")
        + className + ".class)";
  }

  private Optional<ColumnDraft> referencedColumn(
      ColumnDraft column, Annotation references, EntityDraft target) {
    String explicit = references.string("column");
    List<ColumnDraft> keys = primaryKey(target);
    String targetClass = target.element().getSimpleName().toString();
    if (explicit.isEmpty()) {
      if (keys.isEmpty()) {
        reporter.report(references, "value", Message.REFERENCES_NO_KEY, written(references, "value", targetClass),
            column.label(), target.name(), "a unique column with @References(column = \"...\")");
        return Optional.empty();
      }
      if (keys.size() > 1) {
        reporter.report(
            references,
            "value",
            Message.REFERENCES_COMPOSITE_KEY,
            targetClass,
            column.label(),
            target.name(),
            keys.stream().map(ColumnDraft::name).toList());
        return Optional.empty();
      }
      return Optional.of(keys.get(0));
    }
    Optional<ColumnDraft> referenced = target.column(explicit);
    if (referenced.isEmpty()) {
      reporter.report(references, "column", Message.REFERENCES_UNKNOWN_COLUMN,
          "@References(column = \"" + explicit + "\")", column.label(), target.name(), explicit,
          target.columnNames());
      return Optional.empty();
    }
    if (!isKey(target, List.of(explicit))) {
      reporter.report(
          references,
          "column",
          Message.REFERENCES_NOT_UNIQUE,
          explicit,
          column.label(),
          target.name(),
          explicit);
      return Optional.empty();
    }
    return referenced;
  }

  /**
   * The columns a {@code @ForeignKey} references: the target's primary key, or its
   * {@code referencedColumns}, which must be a key of the target and as many as the key's own columns.
   */
  private Optional<List<ColumnDraft>> referencedKey(
      EntityDraft entity, Annotation foreignKey, String description, List<String> columns, EntityDraft target) {
    List<String> explicit = foreignKey.strings("referencedColumns");
    String label = entity.label();
    List<ColumnDraft> referenced;
    String what;
    if (explicit.isEmpty()) {
      referenced = primaryKey(target);
      if (referenced.isEmpty()) {
        reporter.report(foreignKey, "references", Message.REFERENCES_NO_KEY,
            written(foreignKey, "references", target.label()), label, target.name(),
            "unique columns with @ForeignKey(referencedColumns = {...})");
        return Optional.empty();
      }
      what = "its primary key";
    } else {
      String shown = "@ForeignKey(referencedColumns = " + list(explicit) + ")";
      List<String> unknown = explicit.stream().filter(c -> target.column(c).isEmpty()).toList();
      if (!unknown.isEmpty()) {
        reporter.report(foreignKey, "referencedColumns", Message.REFERENCES_UNKNOWN_COLUMN, shown, label,
            target.name(), String.join(", ", unknown), target.columnNames());
        return Optional.empty();
      }
      if (!isKey(target, explicit)) {
        reporter.report(foreignKey, "referencedColumns", Message.FOREIGN_KEY_NOT_KEY, shown, label, explicit,
            target.name(), list(explicit), target.label());
        return Optional.empty();
      }
      referenced = explicit.stream().map(c -> target.column(c).orElseThrow()).toList();
      what = "referencedColumns";
    }
    if (referenced.size() != columns.size()) {
      List<String> referencedNames = referenced.stream().map(ColumnDraft::name).toList();
      reporter.report(foreignKey, "columns", Message.FOREIGN_KEY_COLUMN_COUNT, description, label,
          columnCount(columns.size()), columns, columnCount(referenced.size()), referencedNames, target.name(), what,
          explicit.isEmpty() ? ", or name other unique columns with referencedColumns" : "");
      return Optional.empty();
    }
    return Optional.of(referenced);
  }

  /** {@code 1 column}, {@code 2 columns}. */
  private static String columnCount(int count) {
    return count + (count == 1 ? " column" : " columns");
  }

  /** The target's {@code @Id} columns, in key order. */
  private static List<ColumnDraft> primaryKey(EntityDraft target) {
    return target.columns().stream().filter(c -> c.id().isPresent()).toList();
  }

  /**
   * Whether the columns, in this order, are the primary key, a unique constraint or a unique index:
   * MariaDB and MySQL need an index whose columns are the referenced ones in their order.
   */
  private static boolean isKey(EntityDraft target, List<String> columns) {
    return primaryKey(target).stream().map(ColumnDraft::name).toList().equals(columns)
        || target.uniques().stream().anyMatch(u -> u.columns().equals(columns))
        || target.indexes().stream().anyMatch(i -> i.unique() && i.columns().equals(columns));
  }

  /** Whether a column has the type of the column it references: the same column type. */
  private static boolean sameType(ColumnDraft column, ColumnDraft referenced) {
    return column.model().get().type().equals(referenced.model().get().type());
  }

  /**
   * Reports {@code SET_NULL} on a NOT NULL column, and {@code SET_DEFAULT} on a NOT NULL column
   * without a default (whose default is NULL): the action would fail when it fires. The action sets
   * every column of the key, so each is checked.
   */
  private void checkActions(Annotation annotation, String label, List<ColumnDraft> columns) {
    for (ColumnDraft column : columns) {
      if (column.model().isEmpty() || column.model().get().nullable()) {
        continue;
      }
      boolean hasDefault = column.model().get().defaultValue().isPresent();
      for (String attribute : List.of("onDelete", "onUpdate")) {
        ReferentialAction action = action(annotation, attribute);
        if (action == ReferentialAction.SET_NULL) {
          reporter.report(annotation, attribute, Message.REFERENCES_SET_NULL, annotation.simpleName(), attribute,
              label, column.name());
        } else if (action == ReferentialAction.SET_DEFAULT && !hasDefault) {
          reporter.report(annotation, attribute, Message.REFERENCES_SET_DEFAULT, annotation.simpleName(), attribute,
              label, column.name());
        }
      }
    }
  }

  private static ReferentialAction action(Annotation annotation, String attribute) {
    return annotation
        .enumConstant(attribute)
        .map(ReferentialAction::valueOf)
        .orElse(ReferentialAction.NO_ACTION);
  }

  /**
   * The key's name: the annotation's {@code name}, or else {@code fk_<table>_<columns>}; either is
   * checked, and added to the constraints. Empty after reporting an unusable given name.
   */
  private Optional<String> name(
      EntityDraft entity,
      List<String> columns,
      Annotation annotation,
      Element element,
      String label,
      List<Origin> constraints) {
    String explicit = annotation.string("name");
    String name;
    String shorter = "@" + annotation.simpleName() + "(name = \"...\")";
    if (explicit.isEmpty()) {
      name = SqlNames.foreignKey(entity.name(), columns);
      checks.length("foreign key name", name, element, annotation, null,
          "name the foreign key with a shorter " + shorter);
    } else {
      if (!checks.name(annotation, "name", explicit, label)) {
        return Optional.empty();
      }
      name = explicit;
      checks.length("foreign key name", name, element, annotation, "name", "choose a shorter " + shorter);
    }
    constraints.add(
        new Origin(name, "a foreign key", element, annotation, explicit.isEmpty() ? null : "name", false));
    return Optional.of(name);
  }

  private Optional<ForeignKeyModel> build(
      Element element,
      String label,
      String name,
      Annotation annotation,
      List<ColumnDraft> columns,
      EntityDraft target,
      List<ColumnDraft> referenced) {
    ReferentialAction onDelete = action(annotation, "onDelete");
    ReferentialAction onUpdate = action(annotation, "onUpdate");
    return checks.build(element, label, () -> new ForeignKeyModel(
        name,
        columns.stream().map(ColumnDraft::name).toList(),
        target.name(),
        referenced.stream().map(ColumnDraft::name).toList(),
        onDelete,
        onUpdate));
  }

  /**
   * Reports a {@code @ForeignKey} that declares a key the entity has already, by a member's
   * {@code @References} or an earlier {@code @ForeignKey}: the same columns referencing the same
   * columns of the same table. Two such constraints enforce one rule twice.
   *
   * @return whether it is such a duplicate
   */
  private boolean duplicate(
      EntityDraft entity,
      Annotation foreignKey,
      String description,
      List<String> columns,
      String referencedTable,
      List<String> referencedColumns,
      List<ForeignKeyModel> keys,
      int declaredByMembers) {
    for (int i = 0; i < keys.size(); i++) {
      ForeignKeyModel other = keys.get(i);
      if (other.columns().equals(columns)
          && other.referencedTable().equals(referencedTable)
          && other.referencedColumns().equals(referencedColumns)) {
        String by = i < declaredByMembers
            ? "@References on " + entity.column(columns.get(0)).orElseThrow().label()
            : "@ForeignKey(name = \"" + other.name() + "\")";
        reporter.report(foreignKey, "columns", Message.FOREIGN_KEY_DUPLICATE, description, entity.label(), columns,
            referencedTable, referencedColumns, by);
        return true;
      }
    }
    return false;
  }

  /** Column names as an annotation array: {@code {"a", "b"}}. */
  private static String list(List<String> names) {
    return names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", ", "{", "}"));
  }
}
