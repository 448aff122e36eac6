package dev.retort.runtime.internal.command;

import dev.retort.runtime.AppliedRevision;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.internal.Advice;
import dev.retort.runtime.internal.graph.LoadedRevision;
import dev.retort.runtime.internal.graph.RevisionGraph;
import dev.retort.runtime.internal.history.VersionTable;
import dev.retort.runtime.internal.history.VersionTable.RecordedChecksum;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the version table says, checked against this build's history.
 *
 * @param rows the rows of known revisions, in revision order
 * @param unknown the rows of revisions this build does not know
 */
record DatabaseState(Map<String, AppliedRevision> rows, List<AppliedRevision> unknown) {

  DatabaseState {
    rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    unknown = List.copyOf(unknown);
  }

  /** A database without a version table: nothing applied. */
  static DatabaseState empty() {
    return new DatabaseState(Map.of(), List.of());
  }

  /** Splits rows into known and unknown revisions. */
  static DatabaseState of(List<AppliedRevision> all, RevisionGraph graph) {
    Map<String, AppliedRevision> byId = new HashMap<>();
    List<AppliedRevision> unknown = new ArrayList<>();
    for (AppliedRevision row : all) {
      if (graph.contains(row.revision())) {
        byId.put(row.revision(), row);
      } else {
        unknown.add(row);
      }
    }
    Map<String, AppliedRevision> ordered = new LinkedHashMap<>();
    for (LoadedRevision revision : graph.revisions()) {
      AppliedRevision row = byId.get(revision.id());
      if (row != null) {
        ordered.put(revision.id(), row);
      }
    }
    if (unknown.size() > 1) {
      unknown.sort(Comparator.comparing(AppliedRevision::appliedAt).thenComparing(AppliedRevision::revision));
    }
    return new DatabaseState(ordered, unknown);
  }

  /** Whether the version table records no revision at all, known or not: a database at base. */
  boolean recordsNothing() {
    return rows.isEmpty() && unknown.isEmpty();
  }

  /** The applied revision ids. */
  Set<String> applied() {
    return rows.keySet();
  }

  /** The applied revisions whose children are not applied, in revision order. */
  List<String> current(RevisionGraph graph) {
    return current(graph, applied());
  }

  /** The revisions of a set whose children are not in it, in revision order. */
  static List<String> current(RevisionGraph graph, Set<String> applied) {
    List<String> current = new ArrayList<>();
    for (LoadedRevision revision : graph.revisions()) {
      if (applied.contains(revision.id()) && noneApplied(graph.children(revision.id()), applied)) {
        current.add(revision.id());
      }
    }
    return current;
  }

  private static boolean noneApplied(List<String> revisions, Set<String> applied) {
    for (String revision : revisions) {
      if (applied.contains(revision)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks that this build knows every applied revision and that the applied set is whole.
   *
   * @throws RetortException {@link ErrorCode#DATABASE_AHEAD} or
   *     {@link ErrorCode#INCONSISTENT_VERSION_TABLE}
   */
  void verifyKnown(RevisionGraph graph, VersionTable table, Advice advice) {
    verifyNotAhead(graph, table, advice);
    verifyWhole(graph, table, advice);
  }

  /**
   * Checks that this build knows every applied revision.
   *
   * @throws RetortException {@link ErrorCode#DATABASE_AHEAD} listing the unknown ones, and, when
   *     this build's revisions applied end in one, the downgrade to it that the newer build runs
   */
  void verifyNotAhead(RevisionGraph graph, VersionTable table, Advice advice) {
    if (!unknown.isEmpty()) {
      List<String> known = current(graph);
      // A developer back on an older branch goes back with the newer build's downgrade to this build's last revision.
      String wayBack = known.size() == 1
          ? " To bring the database back to this code, run " + advice.downgrade(known.get(0)) + " with the version"
              + " that has those revisions."
          : "";
      throw new RetortException(ErrorCode.DATABASE_AHEAD,
          "The database is ahead of this code: its version table " + table.displayName() + " records "
              + unknown.size() + " revision" + (unknown.size() == 1 ? "" : "s") + " that this build does not know: "
              + describeUnknown() + ". A newer version of the application migrated this database. Run that version"
              + " (or a newer one) instead." + wayBack + " If those revisions were abandoned, undo their changes by hand and delete"
              + " their rows from " + table.displayName() + "."
              + (aheadOnly(graph) ? " If this version is meant to run on the newer schema (an application rolled back"
                  + " while its newer migrations stay), let upgrade start on it with allowDatabaseAhead"
                  + " (retort.allow-database-ahead in Spring Boot)." : ""));
    }
  }

  /**
   * Whether a newer build migrated the database and this one has nothing to add: it records
   * every revision of this build and, besides, revisions this build does not know.
   */
  boolean aheadOnly(RevisionGraph graph) {
    if (unknown.isEmpty()) {
      return false;
    }
    for (LoadedRevision revision : graph.revisions()) {
      if (!rows.containsKey(revision.id())) {
        return false;
      }
    }
    return true;
  }

  /** The revisions this build does not know, with when they were applied, for messages. */
  String describeUnknown() {
    return unknown.stream()
        .map(row -> row.revision() + " (" + row.description() + ", applied " + row.appliedAt() + ")")
        .collect(Collectors.joining(", "));
  }

  /**
   * Checks that every applied revision's parents are applied. The stamp it advises for the
   * usual case, a parent's row deleted by hand, records the revisions recorded last with
   * everything before them.
   *
   * @throws RetortException {@link ErrorCode#INCONSISTENT_VERSION_TABLE} naming the orphans
   */
  void verifyWhole(RevisionGraph graph, VersionTable table, Advice advice) {
    List<String> orphans = new ArrayList<>();
    for (String id : rows.keySet()) {
      for (String parent : graph.get(id).parents()) {
        if (!rows.containsKey(parent)) {
          orphans.add(id + " without its parent " + parent);
        }
      }
    }
    if (!orphans.isEmpty()) {
      throw new RetortException(ErrorCode.INCONSISTENT_VERSION_TABLE,
          "The version table " + table.displayName() + " records " + String.join(", ", orphans)
              + ". Either its rows were edited by hand or a migration's parents were changed after it was applied."
              + " Find out which revisions the schema really has, then record exactly those with stamp; if it has"
              + " every revision up to the ones recorded last, that is " + advice.stamp(newest(graph)) + ".");
    }
  }

  /** The recorded revisions that no other recorded revision descends from, in revision order. */
  private List<String> newest(RevisionGraph graph) {
    return rows.keySet().stream()
        .filter(id -> rows.keySet().stream()
            .noneMatch(other -> !other.equals(id) && graph.ancestorsOrSelf(other).contains(id)))
        .toList();
  }

  /**
   * Checks that no applied migration changed since it was applied. A revision whose source file
   * is the one it was applied from (the revision index's source checksum equals the row's) is
   * taken as unchanged without loading its class; any other is verified by its operations'
   * checksum, so a recompiled or reformatted migration that still does the same passes.
   *
   * @throws RetortException {@link ErrorCode#CHECKSUM_MISMATCH} naming every changed revision
   */
  void verifyChecksums(RevisionGraph graph, Advice advice) {
    List<String> changed = new ArrayList<>();
    for (AppliedRevision row : rows.values()) {
      LoadedRevision revision = graph.get(row.revision());
      if (!unchanged(revision, row.checksum(), row.sourceChecksum())) {
        changed.add("revision " + revision.label() + " was applied with checksum " + row.checksum()
            + " but its operations now give " + revision.checksum());
      }
    }
    if (!changed.isEmpty()) {
      List<String> current = current(graph);
      String stamp = advice.stamp(current)
          + (current.size() == 1 ? ", the database's current revision" : ", the database's current revisions");
      throw new RetortException(ErrorCode.CHECKSUM_MISMATCH,
          "A migration was changed after it was applied to this database: " + String.join("; ", changed)
              + ". Applied migrations must not change. Either restore the migration to what was applied (its"
              + " version in source control at the time), or, if the change is deliberate and the database already"
              + " has the schema it now describes, record the new checksum with " + stamp + ".");
    }
  }

  /**
   * Whether a revision is the one applied with these checksums: its source file is the one it was
   * applied from, or else its operations give the recorded checksum (which loads its class).
   */
  private static boolean unchanged(LoadedRevision revision, String checksum, Optional<String> sourceChecksum) {
    if (revision.sourceChecksum().isPresent() && revision.sourceChecksum().equals(sourceChecksum)) {
      return true;
    }
    return revision.checksum().equals(checksum);
  }

  /**
   * Whether rows read with their checksums alone pass every check of {@link #verifyKnown} and
   * {@link #verifyChecksums}. A start-up that finds nothing to do reads no more than this; when
   * this says no, reading every column and verifying says what is wrong.
   *
   * @param recorded the rows
   * @param graph this build's history
   * @return whether every row is a known, unchanged revision whose parents are recorded too
   */
  static boolean consistent(List<RecordedChecksum> recorded, RevisionGraph graph) {
    Set<String> applied = new HashSet<>();
    for (RecordedChecksum row : recorded) {
      if (!graph.contains(row.revision())) {
        return false;
      }
      applied.add(row.revision());
    }
    for (RecordedChecksum row : recorded) {
      LoadedRevision revision = graph.get(row.revision());
      if (!applied.containsAll(revision.parents()) || !unchanged(revision, row.checksum(), row.sourceChecksum())) {
        return false;
      }
    }
    return true;
  }
}
