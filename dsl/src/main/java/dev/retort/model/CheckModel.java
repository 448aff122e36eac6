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

  /**
   * Whether the expression names the column: as a bare word in any case, or quoted ({@code "…"},
   * {@code `…`}, {@code […]}) exactly, but not inside a string literal or a comment, nor as a
   * function, a qualifying table, a type, a date field or unit ({@code EXTRACT(YEAR FROM …)},
   * {@code INTERVAL '1' DAY}) or a reserved word. A column that a check names cannot
   * be dropped while the check is there.
   *
   * @param column the column name
   * @return whether the check uses the column
   */
  public boolean usesColumn(String column) {
    Objects.requireNonNull(column, "column == null");
    return CheckColumns.mentions(expression, column);
  }

  /** This check with the column renamed in its expression, each occurrence quoted as it was. */
  CheckModel withColumnRenamed(String from, String to) {
    String renamed = CheckColumns.rename(expression, from, to);
    return renamed.equals(expression) ? this : new CheckModel(name, renamed);
  }
}
