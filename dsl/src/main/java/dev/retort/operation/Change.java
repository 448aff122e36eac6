package dev.retort.operation;

import java.util.Objects;

/**
 * A value before and after an {@link AlterColumn} or {@link AlterTableComment}.
 *
 * @param from the value before
 * @param to the value after; differs from {@code from}
 * @param <T> the kind of value
 */
public record Change<T>(T from, T to) {
  /** Validates that the change changes something. */
  public Change {
    Objects.requireNonNull(from, "from == null");
    Objects.requireNonNull(to, "to == null");
    if (from.equals(to)) {
      throw new IllegalArgumentException("change from " + from + " to the same value");
    }
  }

  /** The change in the opposite direction. */
  public Change<T> inverse() {
    return new Change<>(to, from);
  }
}
