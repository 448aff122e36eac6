package dev.retort.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * A property checked on {@link #tries()} generated cases, on plain JUnit 5.
 *
 * <p>The method takes one {@code long seed} and builds every input of its case from
 * {@code new java.util.Random(seed)}, whose sequence the JDK specifies, so a seed gives the
 * same case on every machine and JDK. The seeds are derived from one base seed and the test's
 * class and method name: each property sees different cases, and every run sees the same ones.
 *
 * <pre>
 * &#64;PropertyTest(tries = 1000)
 * void readingWhatWasWrittenGivesTheSchema(long seed) {
 *   SchemaModel schema = aSchema(new Random(seed));
 *   assertThat(SnapshotCodec.read(SnapshotCodec.write(schema), "generated")).isEqualTo(schema);
 * }
 * </pre>
 *
 * <p>Each case is named {@code [index] seed S}. A failing case fails with a message that
 * starts with its seed and the command that runs it alone (in its module, whichever that is),
 * followed by the original failure (also attached as the cause).
 *
 * <p>System properties, passed to the test JVM with Maven's {@code -D}:
 *
 * <ul>
 *   <li>{@code retort.seed=S} runs only seed {@code S} in every property of the run; narrow
 *       the run to the failing property with {@code -Dtest}:
 *       <pre>mvn -pl dsl test -Dtest=SchemaDiffPropertyTest#applyingTheDiffGivesTheTarget -Dretort.seed=S</pre>
 *   <li>{@code retort.tries=N} tries {@code N} seeds in every property instead of each
 *       one's {@link #tries()}, for a longer exploratory run:
 *       <pre>mvn -pl dsl test -Dtest='*PropertyTest' -Dretort.tries=100000</pre>
 *   <li>{@code retort.baseSeed=B} derives the seeds from {@code B} instead of the fixed
 *       default, to explore cases the ordinary runs never see; a failure still names its own
 *       seed, which {@code retort.seed} replays whatever the base seed.
 * </ul>
 *
 * <p>Nothing is shrunk here: a generator that wants its failures made smaller does it
 * itself (the differ's schema pairs do, see {@code dev.retort.model.SchemaPairs}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ParameterizedTest(name = "[{index}] seed {0}")
@ArgumentsSource(Seeds.class)
@ExtendWith(SeedReporter.class)
public @interface PropertyTest {

  /**
   * How many seeds to try in an ordinary run.
   *
   * @return the number of cases, at least 1
   */
  int tries();
}
