package dev.retort.model;

import java.util.List;

/**
 * A unique constraint.
 *
 * @param name the constraint name, such as {@code uq_users_email}
 * @param columns the constrained columns in order
 */
public record UniqueModel(String name, List<String> columns) {
  /** Validates and copies the components. */
  public UniqueModel {
    Names.require("unique constraint name", name);
    columns = Names.requireList("unique constraint columns", "unique constraint column", columns);
  }
}
