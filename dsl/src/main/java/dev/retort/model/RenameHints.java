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
 *       of its names. Allowing both is what keeps a column hint usable in both directions
 *       without knowing whether its table's own hint is still current (see below).
 * </ul>
 *
 * <p>{@link #inverse()} gives the hints for the opposite direction, the downgrade: each map
 * is turned around, so that its keys are again names in the (new) target.
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
   *     own name, two hints rename the same table (or the same column of one table), or
   *     column hints are given under both names of a hinted table
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
    for (Map.Entry<String, String> table : tables.entrySet()) {
      if (copy.containsKey(table.getKey()) && copy.containsKey(table.getValue())) {
        throw new IllegalArgumentException(
            "column rename hints are given both for table " + table.getKey() + " and for " + table.getValue()
                + ", its name before the hinted rename; give them under one name (a stale table hint whose old"
                + " name is taken again can be removed)");
      }
    }
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
   * the two names differ when a table hint renames it.
   */
  Map<String, String> columnsOf(String source, String target) {
    Map<String, String> byTarget = columns.get(target);
    if (byTarget != null || source.equals(target)) {
      return byTarget == null ? Map.of() : byTarget;
    }
    return columns.getOrDefault(source, Map.of());
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
