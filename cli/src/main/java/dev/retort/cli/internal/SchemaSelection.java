package dev.retort.cli.internal;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.internal.Glob;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The schemas a command works in, as {@code --current-schema} and {@code retort.currentSchema} name them: names and
 * patterns ({@code tenant_*}: {@code *} any run of characters, {@code ?} one), separated by commas. One name alone is
 * the connection's current schema, as before; several, or a pattern, run the command once per schema.
 *
 * <p>The schemas come in the order given, a pattern's matches sorted by name (without regard to case, then as
 * stored), each schema once. A pattern is matched without regard to case against the database's schemas
 * ({@link DatabaseSchemas}), and one that matches none is an error: a deployment that migrates no tenant must not
 * pass for one that migrated them all.
 */
public final class SchemaSelection {

  /** How a pattern's matches are ordered. */
  static final Comparator<String> BY_NAME = String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

  /** How many of the database's schemas the error for a pattern matching none lists. */
  private static final int LISTED = 20;

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

  /**
   * The schemas, in order.
   *
   * @param existing the database's schemas, which the patterns are matched against
   * @param kind what a schema is on the database, for the error: {@code schema}, or {@code database} on MySQL and
   *     MariaDB
   * @return each schema once: names as given, a pattern's matches sorted
   * @throws RetortException {@code DATABASE_ERROR} if a pattern matches none of the database's schemas
   */
  public List<String> resolve(List<String> existing, String kind) {
    List<String> schemas = List.copyOf(existing);
    Set<String> resolved = new LinkedHashSet<>();
    for (String entry : entries) {
      if (!Glob.isPattern(entry)) {
        resolved.add(entry);
        continue;
      }
      Glob glob = Glob.of(entry);
      List<String> matches = schemas.stream().filter(glob::matches).sorted(BY_NAME).toList();
      if (matches.isEmpty()) {
        throw new RetortException(ErrorCode.DATABASE_ERROR, noMatch(entry, schemas, kind));
      }
      resolved.addAll(matches);
    }
    return List.copyOf(resolved);
  }

  private static String noMatch(String pattern, List<String> schemas, String kind) {
    String has;
    if (schemas.isEmpty()) {
      has = "The database has no " + kind + " of its own";
    } else {
      List<String> sorted = schemas.stream().sorted(BY_NAME).toList();
      has = "The database has " + String.join(", ", sorted.subList(0, Math.min(LISTED, sorted.size())))
          + (sorted.size() > LISTED ? " and " + (sorted.size() - LISTED) + " more" : "");
    }
    return "No " + kind + " matches " + pattern + " (compared without regard to case; the database's own, such as"
        + " information_schema, are never matched). " + has + ". Create the tenants' " + kind + "s first, or correct"
        + " the pattern.";
  }
}
