package dev.retort.runtime.dialect.inspect;

import java.util.Objects;

/**
 * One way in which a live database differs from the schema model, in plain words, such as
 * {@code column users.phone is missing} or
 * {@code orders.total is numeric(10,2) in the database, decimal(12,2) in the model}.
 *
 * @param table the table the difference concerns
 * @param description the difference, as one sentence without a final period
 */
public record Difference(String table, String description) {

  /** Validates the components. */
  public Difference {
    Objects.requireNonNull(table, "table == null");
    Objects.requireNonNull(description, "description == null");
  }

  /** The description. */
  @Override
  public String toString() {
    return description;
  }
}
