package dev.retort.runtime;

/**
 * What went wrong, for code that reacts to a {@link RetortException} without parsing its
 * message.
 */
public enum ErrorCode {
  /** The database is not one Retort supports. */
  UNSUPPORTED_DATABASE,
  /** No revision index was found on the class path and no migrations were given. */
  NO_MIGRATIONS,
  /** Two revisions have the same id. */
  DUPLICATE_REVISION,
  /** A revision names a parent that does not exist. */
  MISSING_PARENT,
  /** Revisions follow each other in a circle. */
  REVISION_CYCLE,
  /** The history has more than one head; a merge revision is missing. */
  MULTIPLE_HEADS,
  /** A target names no known revision. */
  UNKNOWN_REVISION,
  /** A target prefix matches more than one revision. */
  AMBIGUOUS_REVISION,
  /** A target is malformed, or points the wrong way for the command. */
  INVALID_TARGET,
  /** A relative target ({@code +N}, {@code -N}) goes past head or base. */
  TARGET_OUT_OF_RANGE,
  /** A migration applied to the database was changed afterwards. */
  CHECKSUM_MISMATCH,
  /** The database holds revisions this build does not know. */
  DATABASE_AHEAD,
  /** The version table records a revision without one of its parents. */
  INCONSISTENT_VERSION_TABLE,
  /** A downgrade passes through a revision that cannot be undone. */
  IRREVERSIBLE_MIGRATION,
  /** A migration does not fit the schema its earlier revisions build, or could not be created. */
  INVALID_MIGRATION,
  /** The database cannot do one of a migration's operations. */
  UNSUPPORTED_OPERATION,
  /** A statement of a migration failed while it ran. */
  MIGRATION_FAILED,
  /** The migration lock was not acquired within the configured timeout. */
  LOCK_TIMEOUT,
  /** A statement that Retort itself runs (version table, lock, metadata) failed. */
  DATABASE_ERROR,
  /** An offline script cannot express a step (a Java data step). */
  OFFLINE_UNSUPPORTED,
  /** A schema snapshot on the class path cannot be read. */
  INVALID_SNAPSHOT,
  /**
   * The tables of a database without a version table differ from the revision that
   * {@link Retort.Builder#baselineOnUpgrade(String) baselineOnUpgrade} names, so {@code upgrade}
   * did not record it.
   */
  BASELINE_MISMATCH
}
