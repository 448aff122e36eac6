package dev.retort.spring;

import dev.retort.runtime.CheckResult;
import java.util.Objects;

/**
 * Thrown at start-up with {@code retort.check-on-start=true} when the live database differs from
 * the schema its revision should have: someone changed it by hand, or a migration was edited
 * after it ran.
 */
public final class SchemaDriftException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient CheckResult result;

  /**
   * Creates the exception.
   *
   * @param result the comparison, with at least one difference
   */
  public SchemaDriftException(CheckResult result) {
    super(message(result));
    this.result = result;
  }

  /** The comparison that found the differences. */
  public CheckResult result() {
    return result;
  }

  private static String message(CheckResult result) {
    Objects.requireNonNull(result, "result == null");
    StringBuilder message = new StringBuilder("The database differs from revision ")
        .append(result.revisions().isEmpty() ? "base" : String.join(", ", result.revisions()))
        .append(" (compared with ").append(result.baseline()).append("): ")
        .append(result.differences().size())
        .append(result.differences().size() == 1 ? " difference" : " differences");
    for (String difference : result.differences()) {
      message.append("\n  - ").append(difference);
    }
    return message.append("\nBring the database back to its migrations, or write a migration for the change and"
        + " apply it; set retort.check-on-start=false to start anyway.").toString();
  }
}
