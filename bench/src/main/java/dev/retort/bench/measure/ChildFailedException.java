package dev.retort.bench.measure;

import java.util.List;

/** A measured child process failed: it exited with an error, timed out or reported nothing. */
public final class ChildFailedException extends IllegalStateException {

  private final List<String> output;

  /**
   * Creates the exception.
   *
   * @param message what failed, with the end of the child's output
   * @param output everything the child printed, line by line
   */
  public ChildFailedException(String message, List<String> output) {
    super(message);
    this.output = List.copyOf(output);
  }

  /** Everything the child printed, line by line. */
  public List<String> output() {
    return output;
  }
}
