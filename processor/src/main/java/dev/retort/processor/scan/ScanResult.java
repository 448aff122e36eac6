package dev.retort.processor.scan;

import dev.retort.model.RenameHints;
import dev.retort.model.SchemaModel;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * What {@link EntityScanner#scan} found in one round: the schema the {@code @Table} entities
 * declare, the renames they announce, and the source elements behind each table and column so that
 * later phases can report on them.
 *
 * <p>After an error the schema is empty and the maps hold whatever was read before it; a caller
 * checks {@link dev.retort.processor.diagnostics.Diagnostics#hasErrors()} first.
 *
 * @param schema the schema declared by the entities
 * @param hints the renames declared with {@code @RenamedFrom}
 * @param tableElements table name → the entity declaring it, sorted by table name
 * @param columnElements table name → column name → the field or record component declaring it
 */
public record ScanResult(
    SchemaModel schema,
    RenameHints hints,
    Map<String, TypeElement> tableElements,
    Map<String, Map<String, Element>> columnElements) {

  /** Validates and copies the components into sorted, unmodifiable maps. */
  public ScanResult {
    Objects.requireNonNull(schema, "schema == null");
    Objects.requireNonNull(hints, "hints == null");
    tableElements = Collections.unmodifiableMap(new TreeMap<>(tableElements));
    TreeMap<String, Map<String, Element>> columns = new TreeMap<>();
    columnElements.forEach(
        (table, byColumn) ->
            columns.put(table, Collections.unmodifiableMap(new TreeMap<>(byColumn))));
    columnElements = Collections.unmodifiableMap(columns);
  }
}
