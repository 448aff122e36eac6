package dev.retort.processor.plan;

import dev.retort.operation.Operation;
import java.util.Objects;
import java.util.Optional;

/**
 * Something a reviewer must check about one generated operation, shown as a javac warning (a
 * note, or nothing, for {@link Risk#LOCKS_TABLE} as {@code -Aretort.lockFindings} says) and as a
 * {@code // Retort:} comment above the operation in the generated migration.
 *
 * @param index the position of the operation in the upgrade
 * @param operation the operation
 * @param risk what can go wrong
 * @param table the table the operation works on, as named when it runs
 * @param column the column, when the operation is about one
 * @param text what the operation does and what to check, such as {@code drops column
 *     users.fax and its data; make sure nothing reads it and that it is backed up}
 */
public record Finding(
    int index, Operation operation, Risk risk, String table, Optional<String> column, String text) {

  /** Validates the components. */
  public Finding {
    if (index < 0) {
      throw new IllegalArgumentException("index " + index + " is negative");
    }
    Objects.requireNonNull(operation, "operation == null");
    Objects.requireNonNull(risk, "risk == null");
    Objects.requireNonNull(table, "table == null");
    Objects.requireNonNull(column, "column == null");
    Objects.requireNonNull(text, "text == null");
  }

  /** What can go wrong when an operation runs on a database holding data. */
  public enum Risk {
    /** Stored data is lost: a dropped table or column, a narrowed type. */
    DESTROYS_DATA,
    /** The operation fails on a table that holds rows, such as a NOT NULL column without default. */
    FAILS_ON_DATA,
    /**
     * The operation holds a lock on a table that already has rows for as long as it reads or rewrites
     * the table, such as an index build or a type change: harmless on a small table, an outage on a big
     * busy one.
     */
    LOCKS_TABLE
  }
}
