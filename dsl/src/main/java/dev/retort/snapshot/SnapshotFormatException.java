package dev.retort.snapshot;

/** A snapshot file is corrupt or was broken by hand. The message names the file and line. */
public final class SnapshotFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;

  /**
   * Creates the exception.
   *
   * @param source the file or resource name
   * @param line the 1-based line number
   * @param problem what is wrong and how to fix it
   */
  public SnapshotFormatException(String source, int line, String problem) {
    super(source + ":" + line + ": " + problem);
    this.source = source;
    this.line = line;
  }

  /** The file or resource name. */
  public String source() {
    return source;
  }

  /** The 1-based line number. */
  public int line() {
    return line;
  }
}
