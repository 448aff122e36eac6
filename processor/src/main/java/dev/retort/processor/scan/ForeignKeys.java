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

  /**
   * A one-column foreign key that a member declares: Retort's {@code @References}, or JPA's
   * {@code @ManyToOne} or owning {@code @OneToOne} with its {@code @JoinColumn}. The rules are the
   * same; only where the parts are written differs.
   *
   * @param annotation the annotation that declares the key, which messages point at
   * @param target the referenced class; empty for a class javac could not resolve
   * @param targetAttribute the attribute of the annotation naming the class, or null when the
   *     member's type names it
   * @param written the annotation as messages show it, such as {@code @References(Author.class)}
   * @param column the referenced column, or empty for the target's primary key
   * @param columnAnnotation the annotation that names the referenced column
   * @param columnAttribute its attribute, such as {@code column}
   * @param nameAnnotation the annotation that may name the key in its {@code name}
   * @param onDelete the action on delete
   * @param onUpdate the action on update
   */
  record Reference(
      Annotation annotation,
      Optional<TypeMirror> target,
      String targetAttribute,
      String written,
      String column,
      Annotation columnAnnotation,
      String columnAttribute,
      Annotation nameAnnotation,
      ReferentialAction onDelete,
      ReferentialAction onUpdate) {

    /** The key of a Retort {@code @References}. */
    static Reference of(Annotation references) {
      Optional<TypeMirror> target = references.type("value");
      String written = ForeignKeys.written(references, "value", target.map(ForeignKeys::simpleName).orElse("?"));
      return new Reference(references, target, "value", written, references.string("column"), references, "column",
          references, action(references, "onDelete"), action(references, "onUpdate"));
    }
  }

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
      Reference references,
      Map<String, EntityDraft> byClass,
      List<Origin> constraints) {
    Optional<EntityDraft> target = target(references.annotation(), references.targetAttribute(), references.target(),
        references.written(), column.label(), byClass);
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
    checkActions(references.annotation(), references.onDelete(), references.onUpdate(), column.label(),
        List.of(column));
    Optional<String> name = name(
        entity, List.of(column.name()), references.nameAnnotation(), column.member(), column.label(), constraints);
    return name.flatMap(n -> build(column.member(), column.label(), n, references.onDelete(), references.onUpdate(),
        List.of(column), target.get(), List.of(referenced.get())));
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
    Optional<EntityDraft> target = target(foreignKey, "references", foreignKey.type("references"),
        written(foreignKey, "references", foreignKey.type("references").map(ForeignKeys::simpleName).orElse("?")),
        label, byClass);
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
    checkActions(foreignKey, action(foreignKey, "onDelete"), action(foreignKey, "onUpdate"), label, columns);
    Optional<String> name = name(entity, names, foreignKey, entity.element(), label, constraints);
    return name.flatMap(n -> build(entity.element(), label, n, action(foreignKey, "onDelete"),
        action(foreignKey, "onUpdate"), columns, target.get(), referenced.get()));
  }

  /**
   * The entity a class references; a class that is no entity of the compilation is reported. A class
   * javac could not resolve is left to javac.
   *
   * @param annotation the annotation naming the class
   * @param attribute its attribute naming the class, or null when the member's type names it
   * @param targetType the class
   * @param written the annotation as messages show it
   */
  private Optional<EntityDraft> target(Annotation annotation, String attribute, Optional<TypeMirror> targetType,
      String written, String label, Map<String, EntityDraft> byClass) {
    if (targetType.isEmpty()) {
      return Optional.empty();
    }
    if (targetType.get().getKind() != TypeKind.DECLARED) {
      reporter.report(annotation, attribute, Message.REFERENCES_NOT_TABLE, written, label, targetType.get());
      return Optional.empty();
    }
    TypeElement element = (TypeElement) ((DeclaredType) targetType.get()).asElement();
    EntityDraft target = byClass.get(element.getQualifiedName().toString());
    if (target != null) {
      return Optional.of(target);
    }
    boolean entity = annotations.find(element, Annotation.TABLE).isPresent()
        || annotations.find(element, "jakarta.persistence.Entity").isPresent()
        || annotations.find(element, "javax.persistence.Entity").isPresent();
    Message message = entity ? Message.REFERENCES_NOT_COMPILED : Message.REFERENCES_NOT_TABLE;
    reporter.report(annotation, attribute, message, written, label, element.getQualifiedName());
    return Optional.empty();
  }

  /** The simple name of a class, or the type as written for any other type. */
  private static String simpleName(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        ? ((DeclaredType) type).asElement().getSimpleName().toString()
        : type.toString();
  }

  /** The class attribute as written: {@code @References(Author.class)}, {@code @ForeignKey(references = Author.class)}. */
  private static String written(Annotation annotation, String attribute, String className) {
    return written(annotation, attribute, className + ".class", true);
  }

  /** An attribute as written: {@code @References(column = "id")}, {@code @JoinColumn(referencedColumnName = "id")}. */
  private static String written(Annotation annotation, String attribute, String value, boolean valueBare) {
    return "@" + annotation.simpleName() + "(" + (valueBare && attribute.equals("value") ? "" : attribute + " = ")
        + value + ")";
  }

  private Optional<ColumnDraft> referencedColumn(
      ColumnDraft column, Reference reference, EntityDraft target) {
    Annotation references = reference.annotation();
    String explicit = reference.column();
    List<ColumnDraft> keys = primaryKey(target);
    if (explicit.isEmpty()) {
      if (keys.isEmpty()) {
        reporter.report(references, reference.targetAttribute(), Message.REFERENCES_NO_KEY, reference.written(),
            column.label(), target.name(), "a unique column with " + written(reference.columnAnnotation(),
                reference.columnAttribute(), "\"...\"", false));
        return Optional.empty();
      }
      if (keys.size() > 1) {
        reporter.report(
            references,
            reference.targetAttribute(),
            Message.REFERENCES_COMPOSITE_KEY,
            reference.written(),
            column.label(),
            target.name(),
            keys.stream().map(ColumnDraft::name).toList(),
            written(reference.columnAnnotation(), reference.columnAttribute(), "\"...\"", false));
        return Optional.empty();
      }
      return Optional.of(keys.get(0));
    }
    Optional<ColumnDraft> referenced = target.column(explicit);
    if (referenced.isEmpty()) {
      reporter.report(reference.columnAnnotation(), reference.columnAttribute(), Message.REFERENCES_UNKNOWN_COLUMN,
          written(reference.columnAnnotation(), reference.columnAttribute(), "\"" + explicit + "\"", false),
          column.label(), target.name(), explicit, target.columnNames());
      return Optional.empty();
    }
    if (!isKey(target, List.of(explicit))) {
      reporter.report(
          reference.columnAnnotation(),
          reference.columnAttribute(),
          Message.REFERENCES_NOT_UNIQUE,
          written(reference.columnAnnotation(), reference.columnAttribute(), "\"" + explicit + "\"", false),
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
  private void checkActions(Annotation annotation, ReferentialAction onDelete, ReferentialAction onUpdate,
      String label, List<ColumnDraft> columns) {
    for (ColumnDraft column : columns) {
      if (column.model().isEmpty() || column.model().get().nullable()) {
        continue;
      }
      boolean hasDefault = column.model().get().defaultValue().isPresent();
      for (String attribute : List.of("onDelete", "onUpdate")) {
        ReferentialAction action = attribute.equals("onDelete") ? onDelete : onUpdate;
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
      ReferentialAction onDelete,
      ReferentialAction onUpdate,
      List<ColumnDraft> columns,
      EntityDraft target,
      List<ColumnDraft> referenced) {
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
