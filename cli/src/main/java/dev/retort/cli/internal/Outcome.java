package dev.retort.cli.internal;

import dev.retort.runtime.CheckResult;
import dev.retort.runtime.Current;
import dev.retort.runtime.Heads;
import dev.retort.runtime.History;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.Retort;
import dev.retort.runtime.StampResult;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a command came to in one schema: the lines it prints, and how the summary of a run over several schemas
 * counts it.
 *
 * @param lines what the command prints
 * @param label how the summary counts the schema, such as {@code upgraded} or {@code already at 0003 (head)}; the
 *     schemas with the same label are counted together
 * @param kind whether the summary names the schema, and whether it fails the command
 */
public record Outcome(List<String> lines, String label, Kind kind) {

  /** How the summary treats a schema. */
  public enum Kind {
    /** Counted: the command did what was asked. */
    COUNTED,
    /** Counted and named, such as a schema behind head. */
    NAMED,
    /** Counted and named, and {@code check}'s exit code for differences. */
    DIFFERS
  }

  /** Validates and copies the components. */
  public Outcome {
    lines = List.copyOf(lines);
    Objects.requireNonNull(label, "label == null");
    Objects.requireNonNull(kind, "kind == null");
  }

  /**
   * Runs an upgrade or a downgrade: its lines are {@link Report#migration}'s, with how long it took.
   *
   * @param retort working in the schema
   * @param migrate runs the upgrade or the downgrade
   * @return the outcome, counted as upgraded, downgraded, or already where it was
   */
  public static Outcome migration(Retort retort, Function<Retort, MigrationResult> migrate) {
    long start = System.nanoTime();
    MigrationResult result = migrate.apply(retort);
    Heads heads = retort.heads();
    return new Outcome(Report.migration(result, heads, Duration.ofNanos(System.nanoTime() - start)),
        Report.label(result, heads), Kind.COUNTED);
  }

  /**
   * Where a schema stands: a schema behind head is named in the summary.
   *
   * @param current the state
   * @param scope how the lines name the schema
   * @return the outcome
   */
  public static Outcome current(Current current, Scope scope) {
    return new Outcome(Report.current(current, scope.place()), Report.label(current),
        current.atHead() ? Kind.COUNTED : Kind.NAMED);
  }

  /**
   * A schema's history.
   *
   * @param history the history
   * @param scope how the lines name the schema
   * @return the outcome
   */
  public static Outcome history(History history, Scope scope) {
    return new Outcome(Report.history(history, scope.place()), "listed", Kind.COUNTED);
  }

  /**
   * How a schema compares with its revision's schema: one that differs is named in the summary.
   *
   * @param result the comparison
   * @param heads the head of the history, to mark it
   * @param scope how the lines name the schema
   * @return the outcome
   */
  public static Outcome check(CheckResult result, Heads heads, Scope scope) {
    return result.matches()
        ? new Outcome(Report.check(result, heads, scope.subject()), "matching", Kind.COUNTED)
        : new Outcome(Report.check(result, heads, scope.subject()), "differing", Kind.DIFFERS);
  }

  /**
   * What a stamp changed in a schema's version table.
   *
   * @param result the change
   * @param heads the head of the history, to mark it
   * @return the outcome
   */
  public static Outcome stamp(StampResult result, Heads heads) {
    return new Outcome(Report.stamp(result, heads), Report.label(result, heads), Kind.COUNTED);
  }
}
