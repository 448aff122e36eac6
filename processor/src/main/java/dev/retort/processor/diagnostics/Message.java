package dev.retort.processor.diagnostics;

import javax.tools.Diagnostic;

/**
 * Every message the processor shows a user, with its kind. Each message says what is wrong
 * and how to fix it, and carries a greppable tag such as {@code [retort:duplicate-table]}.
 * Formats use {@link String#format} placeholders.
 */
public enum Message {
  /** A generated or checked file could not be read or written. */
  IO_FAILURE(Diagnostic.Kind.ERROR, "io", "cannot %s %s: %s"),
  /** A new migration was written. */
  MIGRATION_WRITTEN(Diagnostic.Kind.NOTE, "migration-written", "wrote migration %s and snapshot %s");

  private final Diagnostic.Kind kind;
  private final String tag;
  private final String format;

  Message(Diagnostic.Kind kind, String tag, String format) {
    this.kind = kind;
    this.tag = tag;
    this.format = format;
  }

  /** Whether this is an error, warning or note. */
  public Diagnostic.Kind kind() {
    return kind;
  }

  /** The greppable tag, without brackets. */
  public String tag() {
    return tag;
  }

  /** The full text for these arguments, ending with the tag. */
  public String format(Object... args) {
    return String.format(format, args) + " [retort:" + tag + "]";
  }
}
