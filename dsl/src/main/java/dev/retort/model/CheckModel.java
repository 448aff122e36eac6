package dev.retort.model;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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

  /**
   * The names in the expression that read as columns (as {@link #usesColumn} reads them) and
   * are none of the given columns, each once, in the order they first occur: a check naming a
   * column its table does not have fails on the database when it is created. A few SQL words
   * that stand alone in an expression without being columns ({@code XOR}, {@code DIV},
   * {@code CURRENT_USER}, PostgreSQL's {@code NOTNULL}, …) are not reported.
   *
   * @param columns the names of the table's columns
   * @return the names that are no column of the table; empty if every name is one
   */
  public List<String> unknownColumns(Collection<String> columns) {
    Objects.requireNonNull(columns, "columns == null");
    Set<String> unknown = new LinkedHashSet<>();
    for (CheckColumns.Column mention : CheckColumns.of(expression)) {
      if (columns.stream().noneMatch(mention::names) && !CheckColumns.isStandaloneWord(mention)) {
        unknown.add(mention.name());
      }
    }
    return List.copyOf(unknown);
  }

  /** This check with the column renamed in its expression, each occurrence quoted as it was. */
  CheckModel withColumnRenamed(String from, String to) {
    String renamed = CheckColumns.rename(expression, from, to);
    return renamed.equals(expression) ? this : new CheckModel(name, renamed);
  }
}
