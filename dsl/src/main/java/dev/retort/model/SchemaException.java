package dev.retort.model;

/**
 * An operation does not fit the schema it is applied to: adding a column that exists,
 * dropping a table that does not, and so on. The message names the operation and the
 * object it conflicts with.
 */
public final class SchemaException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what conflicts with what
   */
  public SchemaException(String message) {
    super(message);
  }
}
