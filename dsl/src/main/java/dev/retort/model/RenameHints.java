package dev.retort.model;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Renames the differ may use instead of a drop and an add, from {@code @RenamedFrom}.
 * Retort never guesses a rename; without a hint a changed name is a drop and an add.
 *
 * @param tables new table name → old table name
 * @param columns table name (as in the target schema) → new column name → old column name
 */
public record RenameHints(Map<String, String> tables, Map<String, Map<String, String>> columns) {

  private static final RenameHints NONE = new RenameHints(Map.of(), Map.of());

  /** Validates and copies the maps, sorted for stable iteration. */
  public RenameHints {
    Objects.requireNonNull(tables, "tables == null");
    Objects.requireNonNull(columns, "columns == null");
    tables = java.util.Collections.unmodifiableMap(new TreeMap<>(tables));
    TreeMap<String, Map<String, String>> copy = new TreeMap<>();
    columns.forEach((table, renames) -> copy.put(table, java.util.Collections.unmodifiableMap(new TreeMap<>(renames))));
    columns = java.util.Collections.unmodifiableMap(copy);
  }

  /** No hints. */
  public static RenameHints none() {
    return NONE;
  }
}
