package dev.retort.runtime.dialect.inspect;

import java.util.Objects;

/**
 * A sequence as the database keeps it: one created on its own, not one that belongs to a column
 * (an identity column's, or a PostgreSQL {@code serial} column's).
 *
 * @param name the sequence name
 * @param start the value it starts at, or restarts at
 * @param increment the step between two values
 */
public record LiveSequence(String name, long start, long increment) {

  /** Validates the components. */
  public LiveSequence {
    Objects.requireNonNull(name, "name == null");
  }
}
