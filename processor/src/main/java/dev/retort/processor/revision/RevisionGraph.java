package dev.retort.processor.revision;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * A valid revision history: unique ids, every parent present, no cycle and at most one head.
 * Built only through {@link #check}, which reports what keeps a set of revisions from being
 * one.
 */
public final class RevisionGraph {

  private static final Comparator<RevisionNode> BY_ID = Comparator.comparing(RevisionNode::id);

  private final List<RevisionNode> order;
  private final Map<String, RevisionNode> byId;
  private final Map<String, Integer> position;

  private RevisionGraph(List<RevisionNode> order) {
    this.order = List.copyOf(order);
    this.byId = new HashMap<>();
    this.position = new HashMap<>();
    for (int i = 0; i < this.order.size(); i++) {
      RevisionNode node = this.order.get(i);
      byId.put(node.id(), node);
      position.put(node.id(), i);
    }
  }

  /** The graph of no revisions: the history before the first migration. */
  public static RevisionGraph empty() {
    return new RevisionGraph(List.of());
  }

  /**
   * Checks that revisions form a history.
   *
   * @param revisions the revisions, in any order
   * @return the graph, or every problem found: duplicate ids and missing parents first; cycles
   *     only when there are none of those; several heads only when there is nothing else wrong
   */
  public static Check check(Collection<RevisionNode> revisions) {
    Objects.requireNonNull(revisions, "revisions == null");
    List<GraphProblem> problems = new ArrayList<>();
    Map<String, List<RevisionNode>> byId = new TreeMap<>();
    for (RevisionNode revision : revisions) {
      byId.computeIfAbsent(revision.id(), id -> new ArrayList<>()).add(revision);
    }
    byId.forEach((id, nodes) -> {
      if (nodes.size() > 1) {
        nodes.sort(Comparator.comparing(n -> n.className().canonicalName()));
        problems.add(new GraphProblem.DuplicateId(id, nodes));
      }
    });
    List<RevisionNode> sorted = new ArrayList<>(revisions);
    sorted.sort(BY_ID.thenComparing(n -> n.className().canonicalName()));
    for (RevisionNode revision : sorted) {
      for (String parent : revision.parents()) {
        if (!byId.containsKey(parent)) {
          problems.add(new GraphProblem.MissingParent(revision, parent));
        }
      }
    }
    if (!problems.isEmpty()) {
      return new Check(problems, Optional.empty());
    }

    Map<String, RevisionNode> nodes = new LinkedHashMap<>();
    sorted.forEach(n -> nodes.put(n.id(), n));
    List<RevisionNode> order = topologicalOrder(nodes);
    if (order.size() < nodes.size()) {
      Set<String> ordered = new HashSet<>();
      order.forEach(n -> ordered.add(n.id()));
      for (List<RevisionNode> cycle : cycles(nodes, ordered)) {
        problems.add(new GraphProblem.Cycle(cycle));
      }
      return new Check(problems, Optional.empty());
    }

    RevisionGraph graph = new RevisionGraph(order);
    List<RevisionNode> heads = graph.heads();
    if (heads.size() > 1) {
      return new Check(List.of(new GraphProblem.MultipleHeads(heads)), Optional.empty());
    }
    return new Check(List.of(), Optional.of(graph));
  }

  /** Every revision, parents before children; among revisions free to go next, the smallest id first. */
  public List<RevisionNode> topologicalOrder() {
    return order;
  }

  /** Whether there is no revision at all. */
  public boolean isEmpty() {
    return order.isEmpty();
  }

  /** The revision no other follows; empty only when there is no revision. */
  public Optional<RevisionNode> head() {
    return order.isEmpty() ? Optional.empty() : Optional.of(heads().get(0));
  }

  /** The revision with that id, if there is one. */
  public Optional<RevisionNode> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The ids of every revision. */
  public Set<String> ids() {
    return Set.copyOf(byId.keySet());
  }

  /**
   * The latest revision (in topological order) that both revisions descend from or are.
   *
   * @param first one revision id
   * @param second another revision id
   * @return the common ancestor, or empty when the two share no history
   */
  public Optional<RevisionNode> nearestCommonAncestor(String first, String second) {
    Set<String> ancestorsOfFirst = ancestorsAndSelf(first);
    RevisionNode best = null;
    for (String id : ancestorsAndSelf(second)) {
      if (ancestorsOfFirst.contains(id) && (best == null || position.get(id) > position.get(best.id()))) {
        best = byId.get(id);
      }
    }
    return Optional.ofNullable(best);
  }

  private Set<String> ancestorsAndSelf(String id) {
    Set<String> seen = new HashSet<>();
    Deque<String> pending = new ArrayDeque<>();
    pending.add(require(id).id());
    while (!pending.isEmpty()) {
      String next = pending.removeFirst();
      if (seen.add(next)) {
        pending.addAll(byId.get(next).parents());
      }
    }
    return seen;
  }

  private RevisionNode require(String id) {
    RevisionNode node = byId.get(id);
    if (node == null) {
      throw new IllegalArgumentException("no revision has id " + id);
    }
    return node;
  }

  private List<RevisionNode> heads() {
    Set<String> parents = new HashSet<>();
    order.forEach(n -> parents.addAll(n.parents()));
    List<RevisionNode> heads = new ArrayList<>();
    for (RevisionNode node : order) {
      if (!parents.contains(node.id())) {
        heads.add(node);
      }
    }
    heads.sort(BY_ID);
    return heads;
  }

  private static List<RevisionNode> topologicalOrder(Map<String, RevisionNode> nodes) {
    Map<String, List<RevisionNode>> children = new HashMap<>();
    Map<String, Integer> waitingFor = new HashMap<>();
    PriorityQueue<RevisionNode> ready = new PriorityQueue<>(BY_ID);
    for (RevisionNode node : nodes.values()) {
      waitingFor.put(node.id(), node.parents().size());
      for (String parent : node.parents()) {
        children.computeIfAbsent(parent, p -> new ArrayList<>()).add(node);
      }
      if (node.parents().isEmpty()) {
        ready.add(node);
      }
    }
    List<RevisionNode> order = new ArrayList<>(nodes.size());
    while (!ready.isEmpty()) {
      RevisionNode next = ready.poll();
      order.add(next);
      for (RevisionNode child : children.getOrDefault(next.id(), List.of())) {
        if (waitingFor.merge(child.id(), -1, Integer::sum) == 0) {
          ready.add(child);
        }
      }
    }
    return order;
  }

  /**
   * Finds one cycle through each group of revisions that reach each other, among the
   * revisions a topological order could not place.
   */
  private static List<List<RevisionNode>> cycles(Map<String, RevisionNode> nodes, Set<String> ordered) {
    List<List<RevisionNode>> cycles = new ArrayList<>();
    Set<String> reported = new HashSet<>();
    for (RevisionNode start : nodes.values()) {
      if (ordered.contains(start.id()) || reported.contains(start.id())) {
        continue;
      }
      List<RevisionNode> cycle = cycleThrough(start, nodes, ordered);
      if (!cycle.isEmpty()) {
        cycle.forEach(n -> reported.add(n.id()));
        cycles.add(cycle);
      }
    }
    return cycles;
  }

  /** A path from {@code start} along parent links back to it, or empty if there is none. */
  private static List<RevisionNode> cycleThrough(
      RevisionNode start, Map<String, RevisionNode> nodes, Set<String> ordered) {
    Deque<RevisionNode> path = new ArrayDeque<>();
    Deque<Integer> nextParent = new ArrayDeque<>();
    Set<String> visited = new HashSet<>();
    path.addLast(start);
    nextParent.addLast(0);
    visited.add(start.id());
    while (!path.isEmpty()) {
      RevisionNode current = path.peekLast();
      int index = nextParent.removeLast();
      if (index == current.parents().size()) {
        path.removeLast();
        continue;
      }
      nextParent.addLast(index + 1);
      String parentId = current.parents().get(index);
      if (parentId.equals(start.id())) {
        return new ArrayList<>(path);
      }
      if (!ordered.contains(parentId) && visited.add(parentId)) {
        path.addLast(nodes.get(parentId));
        nextParent.addLast(0);
      }
    }
    return List.of();
  }

  /**
   * The outcome of {@link #check}.
   *
   * @param problems what is wrong; empty when the graph is present
   * @param graph the graph, when nothing is wrong
   */
  public record Check(List<GraphProblem> problems, Optional<RevisionGraph> graph) {
    /** Validates and copies the components. */
    public Check {
      problems = List.copyOf(problems);
      Objects.requireNonNull(graph, "graph == null");
      if (problems.isEmpty() == graph.isEmpty()) {
        throw new IllegalArgumentException("a check has either problems or a graph");
      }
    }
  }
}
