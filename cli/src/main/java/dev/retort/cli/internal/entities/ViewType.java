package dev.retort.cli.internal.entities;

import java.util.List;
import java.util.Optional;

/**
 * One view as a {@code @View} record declares it: the record's name, the query, and a component
 * for each column the record reads, which declares nothing ({@link EntitySource#writeView} writes
 * it as Java).
 *
 * @param view the view's name
 * @param schema the schema, if it is not the connection's own
 * @param className the record's simple name
 * @param query the query, as the database gives it back
 * @param components the columns, in the view's order, but those without a Java type
 * @param warnings what of the view the record does not declare as it is
 */
public record ViewType(String view, Optional<String> schema, String className, String query,
    List<Component> components, List<EntityImport.Warning> warnings) {

  /** Copies the lists. */
  public ViewType {
    components = List.copyOf(components);
    warnings = List.copyOf(warnings);
  }

  /**
   * A column of the view as a record component.
   *
   * @param column the column's name
   * @param name the component's name
   * @param javaType the Java type, as an entity's member of the column's type has it
   * @param nullable whether the database shows the column as nullable (PostgreSQL shows every view column so)
   */
  public record Component(String column, String name, JavaTypes.JavaType javaType, boolean nullable) {}
}
