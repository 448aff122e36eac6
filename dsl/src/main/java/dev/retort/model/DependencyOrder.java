package dev.retort.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Orders tables so that each comes after the tables it depends on, for creating and
 * dropping tables linked by foreign keys. Dependencies that form a cycle cannot be
 * honoured by any order; {@link #inCycle} tells the differ which ones to move out of the
 * way (a foreign key added after the creates, or dropped before the drops). The order is
 * deterministic: among tables free to go next, the smallest name goes first.
 */
final class DependencyOrder {

  private final List<String> order;
  private final Map<String, Integer> component;

  private DependencyOrder(List<String> order, Map<String, Integer> component) {
    this.order = order;
    this.component = component;
  }

  /**
   * Orders the nodes.
   *
   * @param nodes the names to order
   * @param prerequisites for a node, the nodes that must come before it; names that are not
   *     nodes and a node's dependency on itself are ignored
   * @return the order
   */
  static DependencyOrder of(Set<String> nodes, Map<String, Set<String>> prerequisites) {
    List<String> names = new ArrayList<>(nodes);
    names.sort(null);
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      ids.put(names.get(i), i);
    }
    int[][] before = new int[names.size()][];
    for (int i = 0; i < names.size(); i++) {
      before[i] = prerequisites.getOrDefault(names.get(i), Set.of()).stream()
          .map(ids::get)
          .filter(id -> id != null)
          .mapToInt(Integer::intValue)
          .sorted()
          .toArray();
    }
    int[] components = components(before);
    Map<String, Integer> component = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      component.put(names.get(i), components[i]);
    }
    return new DependencyOrder(topological(names, before, components), component);
  }

  /** The nodes, each after its prerequisites except those it shares a cycle with. */
  List<String> order() {
    return order;
  }

  /** Whether {@code a} and {@code b} are two different nodes that depend on each other, directly or not. */
  boolean inCycle(String a, String b) {
    return !a.equals(b) && component.get(a).equals(component.get(b));
  }

  /** Kahn's algorithm over the edges between strongly connected components. */
  private static List<String> topological(List<String> names, int[][] before, int[] components) {
    int n = names.size();
    int[] waiting = new int[n];
    List<List<Integer>> after = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      after.add(new ArrayList<>());
    }
    for (int node = 0; node < n; node++) {
      for (int prerequisite : before[node]) {
        if (components[prerequisite] != components[node]) {
          waiting[node]++;
          after.get(prerequisite).add(node);
        }
      }
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < n; i++) {
      if (waiting[i] == 0) {
        ready.add(i);
      }
    }
    List<String> order = new ArrayList<>(n);
    while (!ready.isEmpty()) {
      int node = ready.poll();
      order.add(names.get(node));
      for (int next : after.get(node)) {
        if (--waiting[next] == 0) {
          ready.add(next);
        }
      }
    }
    return List.copyOf(order);
  }

  /**
   * Tarjan's strongly connected components, iterative so that a long chain of tables cannot
   * overflow the stack.
   *
   * @return for each node, the number of its component
   */
  private static int[] components(int[][] edges) {
    int n = edges.length;
    int[] index = new int[n];
    int[] low = new int[n];
    int[] component = new int[n];
    int[] nextEdge = new int[n];
    boolean[] onStack = new boolean[n];
    Arrays.fill(index, -1);
    Deque<Integer> stack = new ArrayDeque<>();
    Deque<Integer> path = new ArrayDeque<>();
    int counter = 0;
    int components = 0;
    for (int root = 0; root < n; root++) {
      if (index[root] >= 0) {
        continue;
      }
      index[root] = low[root] = counter++;
      stack.push(root);
      onStack[root] = true;
      path.push(root);
      while (!path.isEmpty()) {
        int node = path.peek();
        if (nextEdge[node] < edges[node].length) {
          int next = edges[node][nextEdge[node]++];
          if (index[next] < 0) {
            index[next] = low[next] = counter++;
            stack.push(next);
            onStack[next] = true;
            path.push(next);
          } else if (onStack[next]) {
            low[node] = Math.min(low[node], index[next]);
          }
          continue;
        }
        path.pop();
        if (!path.isEmpty()) {
          int parent = path.peek();
          low[parent] = Math.min(low[parent], low[node]);
        }
        if (low[node] == index[node]) {
          int member;
          do {
            member = stack.pop();
            onStack[member] = false;
            component[member] = components;
          } while (member != node);
          components++;
        }
      }
    }
    return component;
  }
}
