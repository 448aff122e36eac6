package dev.retort.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;

/** Checks on the error code of a {@link RetortException}, for {@code isInstanceOfSatisfying}. */
public final class Codes {

  private Codes() {}

  /** Requires the exception to carry the code. */
  public static Consumer<RetortException> code(ErrorCode expected) {
    return exception ->
        assertThat(exception.code()).as("error code of: %s", exception.getMessage()).isEqualTo(expected);
  }
}
