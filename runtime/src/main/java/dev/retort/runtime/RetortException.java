package dev.retort.runtime;

import java.util.Objects;

/**
 * The one exception type of the runtime. Its message says what went wrong, where, and what
 * to do about it; {@link #code()} says the same to code.
 */
public final class RetortException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  /**
   * Creates the exception.
   *
   * @param code what went wrong
   * @param message what, where, and what to do
   */
  public RetortException(ErrorCode code, String message) {
    this(code, message, null);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param code what went wrong
   * @param message what, where, and what to do
   * @param cause the underlying failure, usually a {@link java.sql.SQLException}
   */
  public RetortException(ErrorCode code, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message == null"), cause);
    this.code = Objects.requireNonNull(code, "code == null");
  }

  /** What went wrong. */
  public ErrorCode code() {
    return code;
  }
}
