package dev.retort;

import dev.retort.dsl.Schema;

/**
 * One revision of the schema: the operations that take the database from its parent
 * revision to this one, and back.
 *
 * <p>Implementations are annotated {@link Revision}. Both methods only describe operations
 * on the {@link Schema} they are given; the runtime renders and runs them. Neither method
 * may have side effects of its own: the runtime calls them to compute checksums and
 * offline scripts without touching a database.
 */
public interface Migration {

  /**
   * Describes the changes from the parent revision to this one.
   *
   * @param schema collects the operations
   */
  void upgrade(Schema schema);

  /**
   * Describes the exact inverse of {@link #upgrade}. The default has no inverse: a
   * downgrade through this revision fails before anything runs, with an error naming the
   * class. Override it when the upgrade can be undone.
   *
   * @param schema collects the operations
   * @throws IrreversibleMigrationException if this revision cannot be undone
   */
  default void downgrade(Schema schema) {
    throw new IrreversibleMigrationException(
        getClass().getName()
            + " has no downgrade: it does not override Migration.downgrade(Schema). Write one"
            + " that undoes upgrade(), or leave the database at or above this revision.");
  }
}
