package dev.retort.processor.options;

import java.util.Locale;
import java.util.Optional;

/** What the processor does with a difference between the entities and the committed head. */
public enum Mode {
  /** Writes a new migration and snapshot into the source tree (the default). */
  GENERATE,
  /** Fails the compilation, listing the differences, and writes nothing: for CI. */
  CHECK,
  /** Reads no entities; only emits the revision index. */
  OFF;

  /** The option value naming this mode, such as {@code check}. */
  public String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads an option value.
   *
   * @param value {@code generate}, {@code check} or {@code off}, in any case
   * @return the mode, or empty for any other value
   */
  public static Optional<Mode> fromOptionValue(String value) {
    for (Mode mode : values()) {
      if (mode.optionValue().equalsIgnoreCase(value.strip())) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }
}
