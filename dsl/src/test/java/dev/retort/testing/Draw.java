package dev.retort.testing;

import java.util.List;
import java.util.Random;

/**
 * Draws the values of a {@link PropertyTest} case from its {@link Random}.
 *
 * <p>Numbers are drawn with their bounds favoured: a uniform draw from 1 to 65535 would
 * almost never give 1 or 65535, and bounds are where the bugs of sizes, lengths and encodings
 * live.
 */
public final class Draw {

  private Draw() {}

  /**
   * A number from {@code min} to {@code max}, both included: each bound one time in eight,
   * otherwise uniform.
   *
   * @param random the case's source of randomness
   * @param min the smallest number
   * @param max the largest number, at least {@code min}
   * @return the number
   */
  public static int between(Random random, int min, int max) {
    if (max < min) {
      throw new IllegalArgumentException("max " + max + " is below min " + min);
    }
    int roll = random.nextInt(8);
    if (roll == 0) {
      return min;
    }
    if (roll == 1) {
      return max;
    }
    return min + (int) (random.nextDouble() * ((long) max - min + 1));
  }

  /**
   * True with this chance.
   *
   * @param random the case's source of randomness
   * @param percent the chance in percent, from 0 to 100
   * @return whether the chance came up
   */
  public static boolean chance(Random random, int percent) {
    return random.nextInt(100) < percent;
  }

  /**
   * One of the items, each as likely.
   *
   * @param random the case's source of randomness
   * @param items the items, at least one
   * @param <T> the type of the items
   * @return the item drawn
   */
  public static <T> T oneOf(Random random, List<T> items) {
    if (items.isEmpty()) {
      throw new IllegalArgumentException("no items to draw from");
    }
    return items.get(random.nextInt(items.size()));
  }

  /**
   * A string of {@code minLength} to {@code maxLength} characters from the alphabet. Each
   * UTF-16 unit of the alphabet is drawn on its own, so the two halves of a surrogate pair in
   * it also occur alone and in the wrong order.
   *
   * @param random the case's source of randomness
   * @param alphabet the characters to draw from, at least one
   * @param minLength the shortest length
   * @param maxLength the longest length, at least {@code minLength}
   * @return the string
   */
  public static String string(Random random, String alphabet, int minLength, int maxLength) {
    if (alphabet.isEmpty()) {
      throw new IllegalArgumentException("no characters to draw from");
    }
    StringBuilder text = new StringBuilder();
    for (int i = between(random, minLength, maxLength); i > 0; i--) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  /**
   * A string of up to {@code maxLength} UTF-16 units, each any of the 65536: control
   * characters, unassigned ones and lone surrogates included.
   *
   * @param random the case's source of randomness
   * @param maxLength the longest length
   * @return the string
   */
  public static String anyString(Random random, int maxLength) {
    StringBuilder text = new StringBuilder();
    for (int i = between(random, 0, maxLength); i > 0; i--) {
      text.append((char) random.nextInt(Character.MAX_VALUE + 1));
    }
    return text.toString();
  }
}
