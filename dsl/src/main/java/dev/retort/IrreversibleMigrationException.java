package dev.retort;

/** Thrown when a downgrade passes through a revision that cannot be undone. */
public final class IrreversibleMigrationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message names the revision and says what to do
   */
  public IrreversibleMigrationException(String message) {
    super(message);
  }
}
