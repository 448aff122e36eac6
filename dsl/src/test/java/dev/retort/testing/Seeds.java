package dev.retort.testing;

import java.lang.reflect.Method;
import java.util.OptionalLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The seeds of a {@link PropertyTest}: the one named by {@value #SEED}, or as many as the
 * test tries, derived from the base seed and the test's class and method name.
 */
final class Seeds implements ArgumentsProvider {

  /** Runs only this seed. */
  static final String SEED = "retort.seed";
  /** Tries this many seeds in every property. */
  static final String TRIES = "retort.tries";
  /** Derives the seeds from this base seed. */
  static final String BASE_SEED = "retort.baseSeed";
  /** The base seed of ordinary runs. */
  static final long DEFAULT_BASE_SEED = 20261121L;

  /** The odd constant of SplitMix64: consecutive multiples of it spread over all 64 bits. */
  private static final long GAMMA = 0x9e3779b97f4a7c15L;

  @Override
  public Stream<Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
    OptionalLong only = longProperty(SEED, "-4962768465676381896");
    if (only.isPresent()) {
      return Stream.of(Arguments.of(only.getAsLong()));
    }
    Method method = context.getRequiredTestMethod();
    PropertyTest property = AnnotationSupport.findAnnotation(method, PropertyTest.class)
        .orElseThrow(() -> new IllegalStateException(method + " takes its seeds from @PropertyTest but has none"));
    int tries = tries(property.tries());
    long start = mix(baseSeed() ^ mix(context.getRequiredTestClass().getName() + "#" + method.getName()));
    return LongStream.range(0, tries).mapToObj(i -> Arguments.of(mix(start + i * GAMMA)));
  }

  /** The base seed in effect: {@value #BASE_SEED} if set, else {@link #DEFAULT_BASE_SEED}. */
  private static long baseSeed() {
    return longProperty(BASE_SEED, "42").orElse(DEFAULT_BASE_SEED);
  }

  private static int tries(int declared) {
    OptionalLong tries = longProperty(TRIES, "100000");
    long count = tries.orElse(declared);
    if (count < 1 || count > Integer.MAX_VALUE) {
      throw new IllegalArgumentException((tries.isPresent() ? TRIES + " is " : "@PropertyTest(tries) is ") + count
          + ", not a number of tries; use a whole number from 1 to " + Integer.MAX_VALUE);
    }
    return (int) count;
  }

  private static OptionalLong longProperty(String name, String example) {
    String value = System.getProperty(name, "").strip();
    if (value.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + " is '" + value + "', not a whole number; pass one such as -D" + name + "=" + example, e);
    }
  }

  private static long mix(String text) {
    return mix(text.hashCode());
  }

  /** SplitMix64's finaliser: nearby inputs give unrelated outputs. */
  private static long mix(long value) {
    long z = value;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
