package dev.retort.cli.internal.authoring;

/**
 * Why a new revision cannot be written: the sources do not form a history, a snapshot cannot
 * be read, a file already exists. The message says what is wrong, where, and what to do.
 */
public final class AuthoringException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what, where, and what to do
   */
  public AuthoringException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what, where, and what to do
   * @param cause the underlying failure
   */
  public AuthoringException(String message, Throwable cause) {
    super(message, cause);
  }
}
