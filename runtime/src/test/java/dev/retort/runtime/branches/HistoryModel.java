package dev.retort.runtime.branches;

import dev.retort.runtime.ErrorCode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the commands should do on a branched history, written from docs/commands.md and
 * docs/history.md alone, independently of the runtime's code.
 *
 * <ul>
 *   <li>Revision order is the topological order, parents before children; among revisions
 *       whose parents are all placed, the smallest id comes first.
 *   <li>A target is {@code head}, {@code base}, {@code +N}/{@code -N}, an id (which wins over
 *       being a prefix of longer ids), or a prefix of exactly one id.
 *   <li>{@code upgrade(X)} applies X and everything it descends from, nothing else;
 *       {@code downgrade(X)} keeps X and what it descends from, and undoes everything else;
 *       {@code +N} applies the first N pending revisions in revision order, {@code -N} undoes
 *       the last N applied ones.
 *   <li>{@code stamp(X)} records exactly X and what it descends from; {@code stamp(X, Y)} X, Y
 *       and what they descend from.
 *   <li>The current revisions are the applied revisions none of whose children is applied.
 * </ul>
 *
 * <p>Every method that answers an outcome throws {@link Refused} with the documented error code
 * where the command must fail.
 */
final class HistoryModel {

  /** A command the model says must fail, with its code. */
  static final class Refused extends RuntimeException {
    final ErrorCode code;

    Refused(ErrorCode code, String why) {
      super(code + ": " + why);
      this.code = code;
    }
  }

  /** A parsed target. */
  sealed interface Target {}

  record Head() implements Target {}

  record Base() implements Target {}

  record Relative(int steps) implements Target {}

  record Exact(String id) implements Target {}

  private final Map<String, List<String>> parents;
  private final Map<String, List<String>> children = new HashMap<>();
  private final List<String> order;
  private final String head;

  HistoryModel(BranchedHistory history) {
    this.parents = history.parents();
    parents.keySet().forEach(id -> children.put(id, new ArrayList<>()));
    parents.forEach((id, these) -> new LinkedHashSet<>(these).forEach(parent -> children.get(parent).add(id)));
    children.values().forEach(Collections::sort);
    this.order = topologicalOrder();
    List<String> heads = order.stream().filter(id -> children.get(id).isEmpty()).toList();
    if (heads.size() != 1) {
      throw new IllegalStateException("a generated history must have one head, not " + heads);
    }
    this.head = heads.get(0);
  }

  private List<String> topologicalOrder() {
    List<String> result = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    while (result.size() < parents.size()) {
      TreeSet<String> ready = new TreeSet<>();
      for (String id : parents.keySet()) {
        if (!placed.contains(id) && placed.containsAll(parents.get(id))) {
          ready.add(id);
        }
      }
      String next = ready.first();
      placed.add(next);
      result.add(next);
    }
    return result;
  }

  List<String> order() {
    return order;
  }

  String head() {
    return head;
  }

  List<String> parents(String id) {
    return parents.get(id);
  }

  List<String> children(String id) {
    return children.get(id);
  }

  /** The revision and all it descends from. */
  Set<String> ancestorsOrSelf(String id) {
    Set<String> result = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(id));
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (result.add(next)) {
        todo.addAll(parents.get(next));
      }
    }
    return result;
  }

  /** The given revisions in revision order. */
  List<String> inOrder(Set<String> revisions) {
    return order.stream().filter(revisions::contains).toList();
  }

  /** The given revisions newest first. */
  List<String> newestFirst(Set<String> revisions) {
    List<String> result = new ArrayList<>(inOrder(revisions));
    Collections.reverse(result);
    return result;
  }

  /** The applied revisions none of whose children is applied, in revision order. */
  List<String> current(Set<String> applied) {
    return inOrder(applied).stream().filter(id -> children.get(id).stream().noneMatch(applied::contains)).toList();
  }

  /** Parses a target as commands.md's table of targets says. */
  Target parse(String text) {
    if (text.isBlank()) {
      throw new Refused(ErrorCode.INVALID_TARGET, "blank");
    }
    if (text.equals("head")) {
      return new Head();
    }
    if (text.equals("base")) {
      return new Base();
    }
    Matcher relative = Pattern.compile("([+-])(\\d+)").matcher(text);
    if (relative.matches()) {
      int steps = Integer.parseInt(relative.group(2));
      if (steps == 0) {
        throw new Refused(ErrorCode.INVALID_TARGET, "moves no revision");
      }
      return new Relative(relative.group(1).equals("+") ? steps : -steps);
    }
    if (parents.containsKey(text)) {
      return new Exact(text);
    }
    List<String> matches = order.stream().filter(id -> id.startsWith(text)).toList();
    if (matches.size() > 1) {
      throw new Refused(ErrorCode.AMBIGUOUS_REVISION, text + " matches " + matches);
    }
    if (matches.isEmpty()) {
      throw new Refused(ErrorCode.UNKNOWN_REVISION, text);
    }
    return new Exact(matches.get(0));
  }

  /** The revisions an upgrade to the target applies, in the order they run. */
  List<String> upgrades(Target target, Set<String> applied) {
    List<String> pending = order.stream().filter(id -> !applied.contains(id)).toList();
    if (target instanceof Head) {
      return pending;
    }
    if (target instanceof Base) {
      throw new Refused(ErrorCode.INVALID_TARGET, "upgrade to base");
    }
    if (target instanceof Relative relative) {
      if (relative.steps() < 0) {
        throw new Refused(ErrorCode.INVALID_TARGET, "upgrade backwards");
      }
      if (relative.steps() > pending.size()) {
        throw new Refused(ErrorCode.TARGET_OUT_OF_RANGE, "beyond head");
      }
      return pending.subList(0, relative.steps());
    }
    Set<String> wanted = ancestorsOrSelf(((Exact) target).id());
    return pending.stream().filter(wanted::contains).toList();
  }

  /** The revisions a downgrade to the target undoes, in the order they run. */
  List<String> downgrades(Target target, Set<String> applied) {
    List<String> undo = newestFirst(applied);
    if (target instanceof Base) {
      return undo;
    }
    if (target instanceof Head) {
      throw new Refused(ErrorCode.INVALID_TARGET, "downgrade to head");
    }
    if (target instanceof Relative relative) {
      if (relative.steps() > 0) {
        throw new Refused(ErrorCode.INVALID_TARGET, "downgrade forwards");
      }
      if (-relative.steps() > undo.size()) {
        throw new Refused(ErrorCode.TARGET_OUT_OF_RANGE, "past base");
      }
      return undo.subList(0, -relative.steps());
    }
    String id = ((Exact) target).id();
    if (!applied.contains(id)) {
      throw new Refused(ErrorCode.INVALID_TARGET, id + " is not applied");
    }
    Set<String> keep = ancestorsOrSelf(id);
    return undo.stream().filter(revision -> !keep.contains(revision)).toList();
  }

  /** What a stamp to several targets records: the union of what each records; only revisions and head go together. */
  Set<String> stamped(List<Target> targets, Set<String> applied) {
    Set<String> result = new TreeSet<>();
    for (Target target : targets) {
      if (targets.size() > 1 && (target instanceof Base || target instanceof Relative)) {
        throw new Refused(ErrorCode.INVALID_TARGET, target + " goes alone");
      }
      result.addAll(stamped(target, applied));
    }
    return result;
  }

  /** What a stamp to the target records as applied. */
  Set<String> stamped(Target target, Set<String> applied) {
    if (target instanceof Head) {
      return new TreeSet<>(order);
    }
    if (target instanceof Base) {
      return new TreeSet<>();
    }
    if (target instanceof Exact exact) {
      return ancestorsOrSelf(exact.id());
    }
    Set<String> result = new TreeSet<>(applied);
    if (((Relative) target).steps() > 0) {
      result.addAll(upgrades(target, applied));
    } else {
      downgrades(target, applied).forEach(result::remove);
    }
    return result;
  }

  /** What an offline script starting at {@code from} assumes is applied. */
  Set<String> scriptStart(Target from) {
    if (from instanceof Base) {
      return new TreeSet<>();
    }
    if (from instanceof Head) {
      return new TreeSet<>(order);
    }
    if (from instanceof Exact exact) {
      return ancestorsOrSelf(exact.id());
    }
    throw new Refused(ErrorCode.INVALID_TARGET, "a script cannot start at " + from);
  }

  /** Whether a script from a start to a target goes up. */
  static boolean scriptGoesUp(Target to, Set<String> from) {
    if (to instanceof Base) {
      return false;
    }
    if (to instanceof Relative relative) {
      return relative.steps() > 0;
    }
    if (to instanceof Exact exact) {
      return !from.contains(exact.id());
    }
    return true;
  }

  /** What {@code show} describes: head, or one revision. */
  String shown(Target target) {
    if (target instanceof Head) {
      return head;
    }
    if (target instanceof Exact exact) {
      return exact.id();
    }
    throw new Refused(ErrorCode.INVALID_TARGET, "show needs one revision");
  }
}
