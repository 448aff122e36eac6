package dev.retort.model;

import dev.retort.snapshot.SnapshotCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Checks a property of a generated schema and a generated change of it, and makes a failing
 * pair smaller before reporting it.
 *
 * <p>The pair is drawn from two {@link Choices} lists, both made from the case's seed. When
 * the property fails, shrinking looks for a smaller pair that still fails: it cuts each list
 * to its shortest failing prefix, then sets single choices to zero (the first option of that
 * decision), and repeats while either step helps, within {@value #SHRINK_RUNS} runs of the
 * property. This finds a smaller failing pair, not the smallest one. The report gives the two
 * shrunk lists, to paste into a regression test, and the pair they make as snapshot text; the
 * original failure is attached as a suppressed exception.
 */
final class SchemaPairs {

  /** How many times shrinking may run the property. */
  static final int SHRINK_RUNS = 5000;

  private SchemaPairs() {}

  /** A property of a schema and a change of it; it fails by throwing. */
  @FunctionalInterface
  interface Property {

    /** Checks the property on {@code from} and {@code to}, a change of it. */
    void check(SchemaModel from, SchemaGenerator.Changed to);
  }

  /** Checks the property on the pair drawn from {@code new Random(seed)}. */
  static void check(long seed, Property property) {
    Random random = new Random(seed);
    List<Integer> schema = Choices.random(random);
    List<Integer> change = Choices.random(random);
    Throwable failure = failure(property, List.of(schema, change));
    if (failure == null) {
      return;
    }
    Shrinker shrinker = new Shrinker(property, List.of(schema, change), failure);
    shrinker.shrink();
    AssertionError report = new AssertionError(shrinker.report(), shrinker.failure);
    if (shrinker.failure != failure) {
      report.addSuppressed(failure);
    }
    throw report;
  }

  /** The failure of the property on the pair these schema and change choices make, or null if it holds. */
  private static Throwable failure(Property property, List<List<Integer>> choices) {
    try {
      SchemaModel from = SchemaGenerator.schema(new Choices(choices.get(0)));
      property.check(from, SchemaGenerator.change(from, new Choices(choices.get(1))));
      return null;
    } catch (AssertionError | RuntimeException e) {
      return e;
    }
  }

  /** The smallest failing choices found so far, and their failure. */
  private static final class Shrinker {

    private final Property property;
    private final List<Integer> originalSizes;
    private final List<List<Integer>> choices;
    private Throwable failure;
    private int runs;

    Shrinker(Property property, List<List<Integer>> choices, Throwable failure) {
      this.property = property;
      this.originalSizes = choices.stream().map(List::size).toList();
      this.choices = new ArrayList<>(choices);
      this.failure = failure;
    }

    void shrink() {
      boolean smaller = true;
      while (smaller && runs < SHRINK_RUNS) {
        smaller = false;
        for (int list = 0; list < choices.size(); list++) {
          smaller |= cut(list);
          smaller |= zero(list);
        }
      }
    }

    /** Tries the prefixes of one list, shortest first, and keeps the first that fails. */
    private boolean cut(int list) {
      List<Integer> current = choices.get(list);
      for (int length = 0; length < current.size() && runs < SHRINK_RUNS; length++) {
        if (keepsFailing(list, current.subList(0, length))) {
          return true;
        }
      }
      return false;
    }

    /** Sets each choice of one list to zero in turn, keeping each change that still fails. */
    private boolean zero(int list) {
      boolean smaller = false;
      for (int i = 0; i < choices.get(list).size() && runs < SHRINK_RUNS; i++) {
        if (choices.get(list).get(i) != 0) {
          List<Integer> candidate = new ArrayList<>(choices.get(list));
          candidate.set(i, 0);
          smaller |= keepsFailing(list, candidate);
        }
      }
      return smaller;
    }

    private boolean keepsFailing(int list, List<Integer> candidate) {
      List<List<Integer>> tried = new ArrayList<>(choices);
      tried.set(list, List.copyOf(candidate));
      runs++;
      Throwable found = failure(property, tried);
      if (found == null) {
        return false;
      }
      choices.set(list, tried.get(list));
      failure = found;
      return true;
    }

    String report() {
      List<Integer> schema = choices.get(0);
      List<Integer> change = choices.get(1);
      StringBuilder text = new StringBuilder()
          .append("the property fails on a generated schema and change; shrunk in ").append(runs)
          .append(" runs from ").append(originalSizes.get(0)).append(" schema and ").append(originalSizes.get(1))
          .append(" change choices to\n")
          .append("  schema choices: List.of(").append(joined(schema)).append(")\n")
          .append("  change choices: List.of(").append(joined(change)).append(")\n");
      try {
        SchemaModel from = SchemaGenerator.schema(new Choices(schema));
        SchemaGenerator.Changed to = SchemaGenerator.change(from, new Choices(change));
        text.append("from:\n").append(SnapshotCodec.write(from))
            .append("to:\n").append(SnapshotCodec.write(to.schema()))
            .append("hints: ").append(to.hints()).append('\n');
      } catch (RuntimeException generatorFailure) {
        text.append("(the generator itself fails on these choices)\n");
      }
      return text.append("failure: ").append(failure).toString();
    }

    private static String joined(List<Integer> values) {
      return String.join(", ", values.stream().map(String::valueOf).toList());
    }
  }
}
