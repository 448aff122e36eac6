package dev.retort.processor.scan;

import dev.retort.processor.diagnostics.Message;
import dev.retort.processor.scan.EntityDraft.ColumnDraft;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the {@code columns} that an entity's class-level annotations ({@code @Index},
 * {@code @Unique}) list: at least one, each once, each a column of the table.
 */
final class ColumnLists {

  private final Reporter reporter;

  ColumnLists(Reporter reporter) {
    this.reporter = reporter;
  }

  /**
   * The annotation as messages name it: by its name where one is written, else by its columns,
   * since javac cannot point at one of several repeated annotations.
   */
  static String describe(Annotation annotation) {
    String explicit = annotation.string("name");
    return explicit.isEmpty()
        ? "@" + annotation.simpleName() + "(columns = "
            + annotation.strings("columns").stream()
                .map(n -> "\"" + n + "\"")
                .collect(Collectors.joining(", ", "{", "}"))
            + ")"
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
    String description = describe(annotation);
    List<String> names = annotation.strings("columns");
    if (names.isEmpty()) {
      reporter.report(
          annotation, "columns", Message.INDEX_COLUMNS_INVALID, description, label, "lists no columns");
      return false;
    }
    boolean valid = true;
    Set<String> seen = new HashSet<>();
    List<String> known = columns.stream().map(ColumnDraft::name).toList();
    for (String name : names) {
      if (!seen.add(name)) {
        reporter.report(
            annotation,
            "columns",
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
            "columns",
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
