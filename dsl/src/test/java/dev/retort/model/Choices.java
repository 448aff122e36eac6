package dev.retort.model;

import java.util.List;

/**
 * A stream of choices read from a list of integers. Generators take every decision from
 * it, so that jqwik shrinks a failing schema by shrinking the list: shorter lists and
 * smaller numbers mean fewer tables, fewer changes and the first option of each choice.
 * Once the list is used up every choice is its smallest option.
 */
final class Choices {

  private final List<Integer> values;
  private int next;

  Choices(List<Integer> values) {
    this.values = values;
  }

  /** A number from 0 to {@code bound - 1}. */
  int below(int bound) {
    if (bound <= 1 || next >= values.size()) {
      return 0;
    }
    return Math.floorMod(values.get(next++), bound);
  }

  /** True with roughly this chance in percent; false once the choices are used up. */
  boolean maybe(int percent) {
    return below(100) >= 100 - percent;
  }

  /** One of the items. */
  <T> T pick(List<T> items) {
    return items.get(below(items.size()));
  }
}
