package dev.retort.model;

import java.util.Objects;

/**
 * A check constraint.
 *
 * @param name the constraint name
 * @param expression the SQL boolean expression
 */
public record CheckModel(String name, String expression) {
  /** Validates the components. */
  public CheckModel {
    Names.require("check name", name);
    Objects.requireNonNull(expression, "expression == null");
    if (expression.isBlank()) {
      throw new IllegalArgumentException("check " + name + " has a blank expression");
    }
  }
}
