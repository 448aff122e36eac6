package dev.retort.cli.internal.entities;

import dev.retort.ReferentialAction;
import dev.retort.model.ColumnType;
import java.util.List;
import java.util.Optional;

/**
 * One table as an entity declares it: the record's name, its members and the annotations they
 * take. {@link EntitySource} writes it as Java.
 *
 * @param table the table's name
 * @param schema the schema, if it is not the connection's own
 * @param className the record's simple name
 * @param comment the table's comment
 * @param primaryKey the primary key's name, if it is not the derived {@code pk_<table>}
 * @param members the columns, in declaration order
 * @param uniques the {@code @Unique} annotations
 * @param indexes the {@code @Index} annotations
 * @param checks the {@code @Check} annotations
 * @param foreignKeys the {@code @ForeignKey} annotations: the foreign keys of several columns
 * @param sequences the {@code @Sequence} annotations: the schema's sequences declared on this entity
 * @param warnings what of the table the entity does not declare as it is
 */
public record Entity(
    String table,
    Optional<String> schema,
    String className,
    Optional<String> comment,
    Optional<String> primaryKey,
    List<Member> members,
    List<UniqueDeclaration> uniques,
    List<IndexDeclaration> indexes,
    List<CheckDeclaration> checks,
    List<ForeignKeyDeclaration> foreignKeys,
    List<SequenceDeclaration> sequences,
    List<EntityImport.Warning> warnings) {

  /** Copies the lists. */
  public Entity {
    members = List.copyOf(members);
    uniques = List.copyOf(uniques);
    indexes = List.copyOf(indexes);
    checks = List.copyOf(checks);
    foreignKeys = List.copyOf(foreignKeys);
    sequences = List.copyOf(sequences);
    warnings = List.copyOf(warnings);
  }

  /**
   * A column as a record component.
   *
   * @param column the column's name
   * @param name the component's name
   * @param columnType the model type, which the Java type maps to
   * @param javaType the Java type and the sizes it needs
   * @param id whether it is in the primary key
   * @param generated whether the database generates it ({@code @Id(generated = true)})
   * @param nullable whether it is nullable
   * @param unique whether it alone is a unique constraint
   * @param defaultValue a literal default
   * @param defaultExpression an expression default
   * @param comment the column's comment
   * @param reference the foreign key, if it has one
   */
  public record Member(
      String column,
      String name,
      ColumnType columnType,
      JavaTypes.JavaType javaType,
      boolean id,
      boolean generated,
      boolean nullable,
      boolean unique,
      Optional<String> defaultValue,
      Optional<String> defaultExpression,
      Optional<String> comment,
      Optional<Reference> reference) {}

  /**
   * A foreign key as {@code @References}.
   *
   * @param target the referenced entity's simple name
   * @param column the referenced column, if it is not the target's primary key
   * @param name the constraint's name, if it is not the derived {@code fk_<table>_<column>}
   * @param onDelete the delete action
   * @param onUpdate the update action
   */
  public record Reference(String target, Optional<String> column, Optional<String> name, ReferentialAction onDelete,
      ReferentialAction onUpdate) {}

  /**
   * A unique constraint on several columns as {@code @Unique}.
   *
   * @param name the name
   * @param columns the column names
   * @param derivedName whether the name is the one Retort derives, so that the annotation leaves it out
   */
  public record UniqueDeclaration(String name, List<String> columns, boolean derivedName) {}

  /**
   * An index as {@code @Index}.
   *
   * @param name the name
   * @param columns the column names
   * @param unique whether it is unique
   * @param derivedName whether the name is the one Retort derives, so that the annotation leaves it out
   */
  public record IndexDeclaration(String name, List<String> columns, boolean unique, boolean derivedName) {}

  /**
   * A foreign key of several columns as {@code @ForeignKey}.
   *
   * @param columns the referring columns
   * @param target the referenced entity's simple name
   * @param referencedColumns the referenced columns, if they are not the target's primary key
   * @param name the constraint's name, if it is not the derived {@code fk_<table>_<column>_<column>…}
   * @param onDelete the delete action
   * @param onUpdate the update action
   */
  public record ForeignKeyDeclaration(List<String> columns, String target, Optional<List<String>> referencedColumns,
      Optional<String> name, ReferentialAction onDelete, ReferentialAction onUpdate) {

    /** Copies the lists. */
    public ForeignKeyDeclaration {
      columns = List.copyOf(columns);
      referencedColumns = referencedColumns.map(List::copyOf);
    }
  }

  /**
   * A sequence as {@code @Sequence}.
   *
   * @param name the name
   * @param schema the schema, if it is not the connection's own
   * @param start the first value
   * @param increment the step
   */
  public record SequenceDeclaration(String name, Optional<String> schema, long start, long increment) {}

  /**
   * A check constraint as {@code @Check}.
   *
   * @param name the name
   * @param expression the expression
   */
  public record CheckDeclaration(String name, String expression) {}
}
