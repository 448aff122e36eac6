package dev.retort.runtime;

/** Which way a migration runs. */
public enum Direction {
  /** From a revision's parents to the revision: its {@code upgrade}. */
  UPGRADE,
  /** From a revision back to its parents: its {@code downgrade}. */
  DOWNGRADE
}
