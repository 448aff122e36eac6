package dev.retort.model;

import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Renames that {@link SchemaDiff} uses instead of a drop and an add, from {@code @RenamedFrom}.
 * Retort never guesses a rename: without a hint a changed name is a drop and an add.
 *
 * <p>Hints are directed: they belong to one direction of a diff, from a <em>source</em>
 * schema to a <em>target</em> schema. Every hint maps a name as it is in the target to the
 * name it had in the source:
 *
 * <ul>
 *   <li>{@code tables}: target table name → source table name;
 *   <li>{@code columns}: table → (target column name → source column name). The table is
 *       named as it is in the target or, for a table that a table hint renames, by either
 *       of its names (hints under both are merged; contradicting ones are not used).
 * </ul>
 *
 * <p>{@link #inverse()} gives the hints for the opposite direction, the downgrade: the table
 * map and each column map are turned around, so that their keys are again names in the
 * new target, while each column map stays under its table key. That is why a column map may
 * name its table by either name: whether a table hint fits is only known against the two
 * schemas. Say an entity keeps {@code @RenamedFrom("users")} on its type from a rename two
 * revisions ago and gains {@code @RenamedFrom("email")} on a field. The table hint
 * {@code accounts ← users} no longer fits, as the committed schema already has
 * {@code accounts}; the column hint must still work in the upgrade and in its downgrade,
 * where the table is {@code accounts} on both sides. Re-keyed to {@code users}, the
 * downgrade would miss it and drop the column instead of renaming it back.
 *
 * <p>A hint applies only when it fits the two schemas: the source name exists in the
 * source and not in the target, and the target name exists in the target and not in the
 * source. Otherwise it is ignored, which is what makes a {@code @RenamedFrom} that stays on
 * an entity after its migration harmless: once the committed schema has the new name, the
 * old one is gone from it and the hint no longer fits. The condition reads the same in
 * both directions, so a hint applies to {@code diff(from, to)} exactly when its inverse
 * applies to {@code diff(to, from)}. A table hint also needs both tables in the same
 * database schema; moving a table between database schemas is not supported and is a drop
 * and a create.
 *
 * @param tables target table name → source table name
 * @param columns table name → (target column name → source column name)
 */
public record RenameHints(Map<String, String> tables, Map<String, Map<String, String>> columns) {

  private static final RenameHints NONE = new RenameHints(Map.of(), Map.of());

  /**
   * Validates and copies the maps, sorted for stable iteration; tables without column hints
   * are left out.
   *
   * @throws IllegalArgumentException if a name is blank, a hint renames something to its
   *     own name, or two hints rename the same table (or the same column of one table)
   */
  public RenameHints {
    Objects.requireNonNull(tables, "tables == null");
    Objects.requireNonNull(columns, "columns == null");
    tables = renames("table", "", tables);
    TreeMap<String, Map<String, String>> copy = new TreeMap<>();
    columns.forEach((table, renames) -> {
      Names.require("table name", table);
      Objects.requireNonNull(renames, "column hints of table " + table + " == null");
      if (!renames.isEmpty()) {
        copy.put(table, renames("column", " of table " + table, renames));
      }
    });
    columns = Collections.unmodifiableMap(copy);
  }

  /** No hints. */
  public static RenameHints none() {
    return NONE;
  }

  /**
   * These hints plus one table rename.
   *
   * @param target the table name in the target schema
   * @param source the table name in the source schema
   * @return the new hints
   */
  public RenameHints withTable(String target, String source) {
    Map<String, String> next = new TreeMap<>(tables);
    next.put(target, source);
    return new RenameHints(next, columns);
  }

  /**
   * These hints plus one column rename.
   *
   * @param table the table, named as the class Javadoc says
   * @param target the column name in the target schema
   * @param source the column name in the source schema
   * @return the new hints
   */
  public RenameHints withColumn(String table, String target, String source) {
    Map<String, Map<String, String>> next = new TreeMap<>(columns);
    Map<String, String> renames = new TreeMap<>(columns.getOrDefault(table, Map.of()));
    renames.put(target, source);
    next.put(table, renames);
    return new RenameHints(tables, next);
  }

  /**
   * The hints for the opposite direction: {@code diff(to, from, hints.inverse())} renames
   * back what {@code diff(from, to, hints)} renames. Inverting twice gives equal hints.
   *
   * @return the inverted hints
   */
  public RenameHints inverse() {
    Map<String, Map<String, String>> inverted = new TreeMap<>();
    columns.forEach((table, renames) -> inverted.put(table, swap(renames)));
    return new RenameHints(swap(tables), inverted);
  }

  /**
   * The column hints for a table that the diff takes from {@code source} to {@code target};
   * the two names differ when a table hint renames it. Hints under both names are merged;
   * if they contradict each other (one column renamed from two, or two from one), neither
   * is used. The rule reads the same in both directions, so it keeps {@link #inverse()}
   * exact.
   */
  Map<String, String> columnsOf(String source, String target) {
    Map<String, String> byTarget = columns.getOrDefault(target, Map.of());
    Map<String, String> bySource = source.equals(target) ? Map.of() : columns.getOrDefault(source, Map.of());
    if (bySource.isEmpty() || byTarget.isEmpty()) {
      return bySource.isEmpty() ? byTarget : bySource;
    }
    Map<String, String> merged = new TreeMap<>(byTarget);
    Set<String> sources = new HashSet<>(byTarget.values());
    for (Map.Entry<String, String> hint : bySource.entrySet()) {
      String known = merged.get(hint.getKey());
      if (known == null ? !sources.add(hint.getValue()) : !known.equals(hint.getValue())) {
        return Map.of();
      }
      merged.put(hint.getKey(), hint.getValue());
    }
    return merged;
  }

  private static Map<String, String> renames(String what, String where, Map<String, String> renames) {
    Map<String, String> copy = new TreeMap<>();
    Set<String> sources = new HashSet<>();
    renames.forEach((target, source) -> {
      Names.require(what + " name", target);
      Names.require("previous name of " + what + " " + target + where, source);
      if (target.equals(source)) {
        throw new IllegalArgumentException(what + " " + target + where + " is hinted as renamed from itself");
      }
      if (!sources.add(source)) {
        throw new IllegalArgumentException(
            "two " + what + "s" + where + " are hinted as renamed from " + source + "; at most one can be");
      }
      copy.put(target, source);
    });
    return Collections.unmodifiableMap(copy);
  }

  private static Map<String, String> swap(Map<String, String> renames) {
    Map<String, String> swapped = new TreeMap<>();
    renames.forEach((target, source) -> swapped.put(source, target));
    return swapped;
  }
}
