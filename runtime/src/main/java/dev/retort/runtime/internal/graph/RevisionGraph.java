package dev.retort.runtime.internal.graph;

import dev.retort.RevisionInfo;
import dev.retort.index.RevisionIdRule;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.internal.Advice;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The validated history: every revision, in topological order (parents before children, ties
 * broken by id so that the order never depends on where the revisions came from).
 *
 * <p>Construction fails on duplicate ids, missing parents, cycles and more than one head,
 * each with a message naming the revisions and what to do.
 */
public final class RevisionGraph {

  /** The version table's column holds at most this many characters. */
  public static final int MAX_ID_LENGTH = RevisionIdRule.MAX_LENGTH;

  private final List<LoadedRevision> ordered;
  private final Map<String, LoadedRevision> byId;
  private final Map<String, List<String>> children;
  private final LoadedRevision head;

  private RevisionGraph(List<LoadedRevision> ordered, Map<String, List<String>> children) {
    this.ordered = List.copyOf(ordered);
    this.byId = new HashMap<>();
    for (LoadedRevision revision : ordered) {
      byId.put(revision.id(), revision);
    }
    this.children = children;
    this.head = ordered.get(ordered.size() - 1);
  }

  /**
   * Validates the revisions and orders them.
   *
   * @param revisions every revision, in any order
   * @return the graph
   * @throws RetortException {@link ErrorCode#NO_MIGRATIONS}, {@link ErrorCode#INVALID_MIGRATION} for an
   *     id that commands could not address ({@link RevisionIdRule}), {@link ErrorCode#DUPLICATE_REVISION},
   *     {@link ErrorCode#MISSING_PARENT}, {@link ErrorCode#REVISION_CYCLE} or
   *     {@link ErrorCode#MULTIPLE_HEADS}
   */
  public static RevisionGraph of(List<RevisionInfo> revisions) {
    return of(revisions, Advice.JAVA);
  }

  /**
   * Validates the revisions and orders them.
   *
   * @param revisions every revision, in any order
   * @param advice writes the command that the multiple-heads error tells the user to run
   * @return the graph
   * @throws RetortException as {@link #of(List)} does
   */
  public static RevisionGraph of(List<RevisionInfo> revisions, Advice advice) {
    List<LoadedRevision> loaded = new ArrayList<>(revisions.size());
    for (RevisionInfo info : revisions) {
      loaded.add(new LoadedRevision(info));
    }
    return ofRevisions(loaded, advice);
  }

  /**
   * Validates the revisions and orders them.
   *
   * @param revisions every revision, in any order, such as those of the revision index
   * @return the graph
   * @throws RetortException as {@link #of(List)} does
   */
  public static RevisionGraph ofRevisions(List<LoadedRevision> revisions) {
    return ofRevisions(revisions, Advice.JAVA);
  }

  /**
   * Validates the revisions and orders them.
   *
   * @param revisions every revision, in any order, such as those of the revision index
   * @param advice writes the command that the multiple-heads error tells the user to run
   * @return the graph
   * @throws RetortException as {@link #of(List)} does
   */
  public static RevisionGraph ofRevisions(List<LoadedRevision> revisions, Advice advice) {
    if (revisions.isEmpty()) {
      throw new RetortException(ErrorCode.NO_MIGRATIONS,
          "There are no migrations: the revision index is empty and none were given. Add a migration"
              + " (the Retort processor writes the first one from your @Table entities).");
    }
    Map<String, LoadedRevision> byId = new LinkedHashMap<>();
    Map<String, List<LoadedRevision>> duplicates = new TreeMap<>();
    for (LoadedRevision revision : revisions) {
      String id = revision.id();
      Optional<String> unusable = RevisionIdRule.problem(id);
      if (unusable.isPresent()) {
        throw new RetortException(ErrorCode.INVALID_MIGRATION,
            "Revision id \"" + id + "\" of " + classNameOrUnknown(revision) + " " + unusable.get()
                + ". Give the revision another id in its @Revision, such as the processor's yyyyMMdd_HHmmss form,"
                + " and change the parent of every revision that follows it; a database that already records the"
                + " old id needs its version table row changed to the new one.");
      }
      LoadedRevision earlier = byId.putIfAbsent(id, revision);
      if (earlier != null) {
        duplicates.computeIfAbsent(id, key -> new ArrayList<>(List.of(earlier))).add(revision);
      }
    }
    if (!duplicates.isEmpty()) {
      throw new RetortException(ErrorCode.DUPLICATE_REVISION, duplicates.entrySet().stream()
          .map(e -> "revision id " + e.getKey() + " is used by " + e.getValue().stream()
              .map(RevisionGraph::classNameOrUnknown).collect(Collectors.joining(" and ")))
          .collect(Collectors.joining("; ", "Duplicate revision ids: ", ". Give each revision its own id"
              + " (when two branches chose the same one, rename one and update its children's parents).")));
    }
    Map<String, List<String>> children = new HashMap<>();
    List<String> missing = new ArrayList<>();
    for (LoadedRevision revision : byId.values()) {
      children.putIfAbsent(revision.id(), new ArrayList<>());
      for (String parent : new LinkedHashSet<>(revision.parents())) {
        if (!byId.containsKey(parent)) {
          missing.add("revision " + revision.id() + " (" + classNameOrUnknown(revision) + ") names parent " + parent);
        }
        List<String> siblings = children.get(parent);
        if (siblings == null) {
          siblings = new ArrayList<>();
          children.put(parent, siblings);
        }
        siblings.add(revision.id());
      }
    }
    if (!missing.isEmpty()) {
      throw new RetortException(ErrorCode.MISSING_PARENT, String.join("; ", missing)
          + ", which does not exist. Restore the missing migration, or correct the parent in @Revision to an"
          + " existing revision.");
    }
    // Plain loops on this path: an application start builds the graph in a cold JVM, where the
    // first use of each lambda or stream shape costs more than the loop itself.
    for (List<String> siblings : children.values()) {
      Collections.sort(siblings);
    }
    List<LoadedRevision> ordered = topologicalOrder(byId, children);
    List<String> heads = new ArrayList<>(1);
    for (LoadedRevision revision : ordered) {
      if (children.get(revision.id()).isEmpty()) {
        heads.add(revision.id());
      }
    }
    if (heads.size() > 1) {
      throw new RetortException(ErrorCode.MULTIPLE_HEADS,
          "The history has " + heads.size() + " heads: " + heads.stream()
              .map(id -> id + " (" + classNameOrUnknown(byId.get(id)) + ")").collect(Collectors.joining(", "))
              + ". Two branches of migrations were merged without a merge revision: add a migration whose"
              + " @Revision names all of them as parents, such as parent = {"
              + heads.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(", ")) + "}; "
              + advice.merge() + " writes it with the merged snapshot.");
    }
    Map<String, List<String>> frozen = new HashMap<>();
    for (Map.Entry<String, List<String>> entry : children.entrySet()) {
      frozen.put(entry.getKey(), List.copyOf(entry.getValue()));
    }
    return new RevisionGraph(ordered, frozen);
  }

  private static List<LoadedRevision> topologicalOrder(
      Map<String, LoadedRevision> byId, Map<String, List<String>> children) {
    Map<String, Integer> pendingParents = new HashMap<>();
    PriorityQueue<String> ready = new PriorityQueue<>();
    for (LoadedRevision revision : byId.values()) {
      int count = new HashSet<>(revision.parents()).size();
      pendingParents.put(revision.id(), count);
      if (count == 0) {
        ready.add(revision.id());
      }
    }
    List<LoadedRevision> ordered = new ArrayList<>(byId.size());
    while (!ready.isEmpty()) {
      String id = ready.poll();
      ordered.add(byId.get(id));
      for (String child : children.get(id)) {
        if (pendingParents.merge(child, -1, Integer::sum) == 0) {
          ready.add(child);
        }
      }
    }
    if (ordered.size() < byId.size()) {
      List<String> cycle = findCycle(byId, pendingParents);
      throw new RetortException(ErrorCode.REVISION_CYCLE,
          "Revisions follow each other in a circle: " + cycle.stream()
              .map(id -> id + " (" + classNameOrUnknown(byId.get(id)) + ")").collect(Collectors.joining(" -> "))
              + ". A revision's parents must come before it; correct the parent of one of them in @Revision.");
    }
    return ordered;
  }

  /** Walks parent links among the revisions left unordered until one repeats. */
  private static List<String> findCycle(Map<String, LoadedRevision> byId, Map<String, Integer> pendingParents) {
    String start = pendingParents.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey)
        .min(Comparator.naturalOrder()).orElseThrow();
    Deque<String> path = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    String current = start;
    while (seen.add(current)) {
      path.addLast(current);
      current = byId.get(current).parents().stream().filter(p -> pendingParents.get(p) > 0)
          .min(Comparator.naturalOrder()).orElseThrow();
    }
    List<String> cycle = new ArrayList<>();
    boolean inCycle = false;
    for (String id : path) {
      inCycle |= id.equals(current);
      if (inCycle) {
        cycle.add(id);
      }
    }
    cycle.add(current);
    Collections.reverse(cycle);
    return cycle;
  }

  private static String classNameOrUnknown(LoadedRevision revision) {
    try {
      return revision.migrationClass();
    } catch (RetortException e) {
      return "class not loadable";
    }
  }

  /** Every revision, parents before children. */
  public List<LoadedRevision> revisions() {
    return ordered;
  }

  /** The revision with that exact id, if there is one. */
  public Optional<LoadedRevision> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * The revision with that exact id.
   *
   * @throws IllegalArgumentException if there is none
   */
  public LoadedRevision get(String id) {
    LoadedRevision revision = byId.get(id);
    if (revision == null) {
      throw new IllegalArgumentException("no revision " + id);
    }
    return revision;
  }

  /** Whether the history has a revision with that id. */
  public boolean contains(String id) {
    return byId.containsKey(id);
  }

  /** The one revision without children. */
  public LoadedRevision head() {
    return head;
  }

  /** The ids of the revisions that name this one as a parent, sorted. */
  public List<String> children(String id) {
    return children.getOrDefault(id, List.of());
  }

  /** The revision and every revision it descends from. */
  public Set<String> ancestorsOrSelf(String id) {
    Set<String> result = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(id));
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (result.add(next)) {
        todo.addAll(get(next).parents());
      }
    }
    return result;
  }

  /** The ids that start with a prefix, in revision order. */
  public List<String> startingWith(String prefix) {
    return ordered.stream().map(LoadedRevision::id).filter(id -> id.startsWith(prefix)).toList();
  }

  /**
   * Up to three ids that look like a mistyped one: those containing it, then the closest by
   * edit distance.
   *
   * @param id what the user typed
   * @return the suggestions, best first
   */
  public List<String> similarTo(String id) {
    int limit = Math.max(2, id.length() / 3);
    return ordered.stream().map(LoadedRevision::id)
        .map(candidate -> Map.entry(candidate, candidate.contains(id) ? 0 : 1 + distance(id, candidate)))
        .filter(e -> e.getValue() <= limit + 1)
        .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .limit(3).map(Map.Entry::getKey).toList();
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
