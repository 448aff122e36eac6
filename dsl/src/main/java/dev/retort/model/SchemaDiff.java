package dev.retort.model;

import dev.retort.operation.Operation;
import java.util.List;

/** Computes the operations that turn one schema into another. */
public final class SchemaDiff {

  private SchemaDiff() {}

  /**
   * Returns the operations that turn {@code from} into {@code to}, ordered so that they run
   * on a real database; {@code from.applyAll(diff(from, to, hints))} equals {@code to}.
   *
   * @param from the schema now
   * @param to the wanted schema
   * @param hints renames to use instead of drop and add
   * @return the operations; empty when the schemas are equal
   */
  public static List<Operation> diff(SchemaModel from, SchemaModel to, RenameHints hints) {
    throw new UnsupportedOperationException("being written");
  }

  /** {@link #diff(SchemaModel, SchemaModel, RenameHints)} without rename hints. */
  public static List<Operation> diff(SchemaModel from, SchemaModel to) {
    return diff(from, to, RenameHints.none());
  }
}
