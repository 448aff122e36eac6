package dev.retort.bench.measure;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The median and range of repeated measurements.
 *
 * @param median the median (the mean of the middle two for an even count)
 * @param min the smallest value
 * @param max the largest value
 * @param count how many values
 */
public record Summary(double median, double min, double max, int count) {

  /** Checks the values. */
  public Summary {
    if (count < 1) {
      throw new IllegalArgumentException("a summary needs at least one value");
    }
    if (!(min <= median && median <= max)) {
      throw new IllegalArgumentException("median " + median + " outside " + min + "–" + max);
    }
  }

  /**
   * Summarises values.
   *
   * @param values at least one
   * @return the summary
   */
  public static Summary of(double... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("a summary needs at least one value");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    return new Summary(median, sorted[0], sorted[sorted.length - 1], sorted.length);
  }

  /**
   * Summarises one quantity of several samples.
   *
   * @param samples at least one
   * @param quantity what to take from each, such as {@code Sample::wallMillis}
   * @return the summary
   */
  public static Summary of(List<Sample> samples, ToDoubleFunction<Sample> quantity) {
    return of(samples.stream().mapToDouble(quantity).toArray());
  }

  /**
   * This median divided by another's.
   *
   * @param baseline the summary to compare with
   * @return the ratio of the medians
   */
  public double ratioTo(Summary baseline) {
    return median / baseline.median;
  }
}
