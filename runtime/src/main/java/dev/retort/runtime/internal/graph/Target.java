package dev.retort.runtime.internal.graph;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.internal.Advice;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a command should take the database: {@code head}, {@code base}, {@code +N}/{@code -N}
 * relative to what is applied, or one revision named by its id or a unique prefix of it.
 */
public sealed interface Target permits Target.Head, Target.Base, Target.Relative, Target.Exact {

  /** The newest revision. */
  record Head() implements Target {
    @Override
    public String toString() {
      return "head";
    }
  }

  /** Before the first revision: nothing applied. */
  record Base() implements Target {
    @Override
    public String toString() {
      return "base";
    }
  }

  /**
   * Some revisions forward ({@code steps > 0}) or back ({@code steps < 0}) from what is
   * applied.
   *
   * @param steps how many revisions, never 0
   */
  record Relative(int steps) implements Target {
    /** Validates the count. */
    public Relative {
      if (steps == 0) {
        throw new IllegalArgumentException("a relative target moves at least one revision");
      }
    }

    @Override
    public String toString() {
      return (steps > 0 ? "+" : "") + steps;
    }
  }

  /**
   * One revision.
   *
   * @param revision the full revision id
   */
  record Exact(String revision) implements Target {
    /** Validates the id. */
    public Exact {
      Objects.requireNonNull(revision, "revision == null");
    }

    @Override
    public String toString() {
      return revision;
    }
  }

  /**
   * Parses a target and resolves a revision id or prefix against the history.
   *
   * @param text {@code head}, {@code base}, {@code +N}, {@code -N}, a revision id or a unique
   *     prefix of one
   * @param graph the history
   * @param advice writes the command an unknown revision's message advises
   * @return the target
   * @throws RetortException {@link ErrorCode#INVALID_TARGET} if the text is blank or a
   *     malformed relative target, {@link ErrorCode#AMBIGUOUS_REVISION} if a prefix matches
   *     several revisions, {@link ErrorCode#UNKNOWN_REVISION} (with suggestions) if nothing
   *     matches
   */
  static Target parse(String text, RevisionGraph graph, Advice advice) {
    Objects.requireNonNull(text, "target == null");
    String target = text.strip();
    if (target.isEmpty()) {
      throw new RetortException(ErrorCode.INVALID_TARGET,
          "The target is blank. Give head, base, +N, -N, a revision id or a unique prefix of one.");
    }
    if (target.equals("head")) {
      return new Head();
    }
    if (target.equals("base")) {
      return new Base();
    }
    Matcher relative = Pattern.compile("([+-])(\\d{1,9})").matcher(target);
    if (relative.matches()) {
      int steps = Integer.parseInt(relative.group(2));
      if (steps == 0) {
        throw new RetortException(ErrorCode.INVALID_TARGET,
            "Target " + target + " moves no revision; use +1 or more to go forward and -1 or more to go back.");
      }
      return new Relative(relative.group(1).equals("+") ? steps : -steps);
    }
    if (graph.contains(target)) {
      return new Exact(target);
    }
    List<String> matches = graph.startingWith(target);
    if (matches.size() == 1) {
      return new Exact(matches.get(0));
    }
    if (matches.size() > 1) {
      throw new RetortException(ErrorCode.AMBIGUOUS_REVISION,
          "Revision prefix " + target + " matches " + matches.size() + " revisions: " + String.join(", ", matches)
              + ". Give more characters of the id.");
    }
    List<String> similar = graph.similarTo(target);
    throw new RetortException(ErrorCode.UNKNOWN_REVISION,
        "No revision " + target + " in this build's history of " + graph.revisions().size() + " revisions."
            + (similar.isEmpty() ? "" : " Did you mean " + String.join(" or ", similar) + "?")
            + " List every revision with " + advice.history() + ".");
  }
}
