package dev.retort.processor.scan;

import dev.retort.processor.diagnostics.Message;
import dev.retort.processor.scan.EntityDraft.ColumnDraft;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the columns that an entity's class-level annotations ({@code @Index}, {@code @Unique},
 * JPA's {@code @Index} and {@code @UniqueConstraint}) list: at least one, each once, each a column of
 * the table.
 */
final class ColumnLists {

  private final Reporter reporter;

  ColumnLists(Reporter reporter) {
    this.reporter = reporter;
  }

  /**
   * The columns an annotation lists.
   *
   * @param annotation the annotation
   * @param attribute the attribute listing them, such as {@code columns}
   * @param names the column names, in order
   * @param written the attribute's value as messages show it, such as {@code {"a", "b"}}
   */
  record Listed(Annotation annotation, String attribute, List<String> names, String written) {

    /** The columns of a Retort annotation's {@code columns} array. */
    static Listed of(Annotation annotation) {
      return of(annotation, "columns");
    }

    /** The columns of a string array attribute. */
    static Listed of(Annotation annotation, String attribute) {
      List<String> names = annotation.strings(attribute);
      return new Listed(annotation, attribute, names,
          names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", ", "{", "}")));
    }
  }

  /**
   * The annotation as messages name it: by its name where one is written, else by its columns,
   * since javac cannot point at one of several repeated annotations.
   */
  static String describe(Annotation annotation) {
    return describe(Listed.of(annotation));
  }

  /** The annotation of the listed columns as messages name it, as {@link #describe(Annotation)}. */
  static String describe(Listed listed) {
    Annotation annotation = listed.annotation();
    String explicit = annotation.string("name");
    return explicit.isEmpty()
        ? "@" + annotation.simpleName() + "(" + listed.attribute() + " = " + listed.written() + ")"
        : "@" + annotation.simpleName() + "(name = \"" + explicit + "\")";
  }

  /**
   * Checks the annotation's {@code columns}.
   *
   * @param annotation the annotation
   * @param label the entity, for messages
   * @param tableName the table
   * @param columns the table's columns
   * @return true if the list is usable; false after reporting why not
   */
  boolean valid(Annotation annotation, String label, String tableName, List<ColumnDraft> columns) {
    return valid(Listed.of(annotation), label, tableName, columns);
  }

  /**
   * Checks listed columns.
   *
   * @param listed the columns an annotation lists
   * @param label the entity, for messages
   * @param tableName the table
   * @param columns the table's columns
   * @return true if the list is usable; false after reporting why not
   */
  boolean valid(Listed listed, String label, String tableName, List<ColumnDraft> columns) {
    Annotation annotation = listed.annotation();
    String attribute = listed.attribute();
    String description = describe(listed);
    List<String> names = listed.names();
    if (names.isEmpty()) {
      reporter.report(
          annotation, attribute, Message.INDEX_COLUMNS_INVALID, description, label, "lists no columns");
      return false;
    }
    boolean valid = true;
    Set<String> seen = new HashSet<>();
    List<String> known = columns.stream().map(ColumnDraft::name).toList();
    for (String name : names) {
      if (!seen.add(name)) {
        reporter.report(
            annotation,
            attribute,
            Message.INDEX_COLUMNS_INVALID,
            description,
            label,
            "lists column " + name + " twice");
        valid = false;
      } else if (!known.contains(name)) {
        String hint =
            columns.stream()
                .filter(c -> c.member().getSimpleName().contentEquals(name))
                .findFirst()
                .map(c -> " (member " + name + " maps to column " + c.name() + ")")
                .orElse("");
        reporter.report(
            annotation,
            attribute,
            Message.INDEX_UNKNOWN_COLUMN,
            description,
            label,
            name,
            tableName,
            hint,
            annotation.simpleName(),
            known);
        valid = false;
      }
    }
    return valid;
  }
}
