package dev.retort.runtime.internal.connect;

import dev.retort.runtime.internal.Glob;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The schemas a command works in, as {@code --current-schema} and {@code retort.currentSchema} name them: names and
 * patterns ({@code tenant_*}: {@code *} any run of characters, {@code ?} one), separated by commas. One name alone is
 * the connection's current schema, as before; several, or a pattern, run the command once per schema.
 *
 * <p>{@link dev.retort.runtime.Retort#schemas} turns the names and patterns into the schemas, in order.
 */
public final class SchemaSelection {

  private final List<String> entries;

  private SchemaSelection(List<String> entries) {
    this.entries = entries;
  }

  /**
   * Reads the values of the option: each a name, a pattern, or several separated by commas.
   *
   * @param values the values as given; empty when the option is not
   * @return the selection, empty when nothing is named
   * @throws IllegalArgumentException if a name between commas is blank
   */
  public static SchemaSelection of(List<String> values) {
    Objects.requireNonNull(values, "values == null");
    List<String> entries = new ArrayList<>();
    for (String value : values) {
      Objects.requireNonNull(value, "value == null");
      for (String entry : value.split(",", -1)) {
        if (entry.isBlank()) {
          throw new IllegalArgumentException("the current schema '" + value + "' holds a blank name; give schema names"
              + " or patterns separated by commas, such as tenant_acme,tenant_globex or tenant_*");
        }
        entries.add(entry.strip());
      }
    }
    return new SchemaSelection(List.copyOf(entries));
  }

  /** The names and patterns, as given. */
  public List<String> entries() {
    return entries;
  }

  /** The one schema named, when the selection is one name without a pattern: the command runs once, in it. */
  public Optional<String> single() {
    return entries.size() == 1 && !Glob.isPattern(entries.get(0)) ? Optional.of(entries.get(0)) : Optional.empty();
  }

  /** Whether the selection names several schemas, or a pattern: the command runs once per schema. */
  public boolean several() {
    return !entries.isEmpty() && single().isEmpty();
  }
}
