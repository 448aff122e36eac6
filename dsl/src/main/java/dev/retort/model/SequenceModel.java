package dev.retort.model;

import java.util.Objects;

/**
 * A sequence: a named counter that hands out numbers with {@code nextval}, such as the
 * {@code <table>_seq} Hibernate uses for {@code @GeneratedValue} ids.
 *
 * <p>Only what PostgreSQL, H2 and MariaDB take and keep identically is modelled: the first
 * value and the step, both positive. The rest is each database's default (a {@code bigint}
 * counter from 1 to its largest value, no cycle), which they agree on for ascending sequences;
 * MySQL and SQLite have no sequences.
 *
 * @param name the sequence name
 * @param schema the database schema holding the sequence; empty for the connection's own
 * @param start the first value {@code nextval} returns, at least 1
 * @param increment the step between two values, at least 1
 */
public record SequenceModel(String name, String schema, long start, long increment) {

  /** The start of a sequence that does not say: the SQL standard's, 1. */
  public static final long DEFAULT_START = 1;

  /** The increment of a sequence that does not say: the SQL standard's, 1. */
  public static final long DEFAULT_INCREMENT = 1;

  /** Validates the components. */
  public SequenceModel {
    Names.require("sequence name", name);
    Objects.requireNonNull(schema, "schema == null");
    if (start < 1) {
      throw new IllegalArgumentException("sequence " + name + " starts at " + start
          + "; a sequence starts at 1 or more, the smallest value PostgreSQL, H2 and MariaDB give an"
          + " ascending sequence by default");
    }
    if (increment < 1) {
      throw new IllegalArgumentException("sequence " + name + " has increment " + increment
          + "; the increment is 1 or more (descending sequences differ between databases)");
    }
  }

  /**
   * A sequence in the connection's own schema.
   *
   * @param name the sequence name
   * @param start the first value
   * @param increment the step
   * @return the sequence
   */
  public static SequenceModel of(String name, long start, long increment) {
    return new SequenceModel(name, "", start, increment);
  }
}
