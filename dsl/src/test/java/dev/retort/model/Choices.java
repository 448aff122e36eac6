package dev.retort.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A stream of choices read from a list of integers. Generators take every decision from it,
 * so that a failing schema is made smaller by making the list smaller (see {@link
 * SchemaPairs}): shorter lists and smaller numbers mean fewer tables, fewer changes and the
 * first option of each choice. Once the list is used up every choice is its smallest option,
 * so a list and the same list with zeros added at its end make the same decisions.
 */
final class Choices {

  /** The longest list {@link #random} draws. */
  static final int MAX_SIZE = 600;
  /** Each drawn value is below this. */
  static final int MAX_VALUE = 1000;

  private final List<Integer> values;
  private int next;

  Choices(List<Integer> values) {
    this.values = List.copyOf(values);
  }

  /**
   * A random list of choices: one time in ten a short one of up to 20 values (small schemas
   * and small changes, the empty ones included), otherwise up to {@value #MAX_SIZE} values.
   * Each value is below {@value #MAX_VALUE}.
   */
  static List<Integer> random(Random random) {
    int size = random.nextInt(10) == 0 ? random.nextInt(21) : random.nextInt(MAX_SIZE + 1);
    List<Integer> values = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      values.add(random.nextInt(MAX_VALUE));
    }
    return List.copyOf(values);
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
