package dev.retort.processor.options;

import java.util.Locale;
import java.util.Optional;

/**
 * How the build reports a generated operation that locks a table with rows while it reads or
 * rewrites it (an index build, a type change, a NOT NULL or a constraint on an existing table): the
 * option {@value ProcessorOptions#LOCK_FINDINGS}. Whatever it says, the generated migration carries
 * the finding as a comment above the operation, for the review.
 */
public enum LockFindings {
  /** A compiler warning, like the findings about data (the default). */
  WARNING,
  /** A compiler note, which {@code -Werror} leaves alone. */
  NOTE,
  /** No compiler message; only the comment in the generated migration. */
  OFF;

  /** The option value naming this choice, such as {@code note}. */
  public String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads an option value.
   *
   * @param value {@code warning}, {@code note} or {@code off}, in any case
   * @return the choice, or empty for any other value
   */
  public static Optional<LockFindings> fromOptionValue(String value) {
    for (LockFindings choice : values()) {
      if (choice.optionValue().equalsIgnoreCase(value.strip())) {
        return Optional.of(choice);
      }
    }
    return Optional.empty();
  }
}
