package dev.retort.dsl;

import dev.retort.model.Names;
import dev.retort.operation.AlterSequence;
import dev.retort.operation.Change;
import java.util.Optional;

/**
 * Collects the changes of {@link Schema#alterSequence}. Each change names the value now and the
 * new one, so that the migration is checked against the schema and its downgrade is exact:
 *
 * <pre>{@code
 * schema.alterSequence("orders_seq", s -> s.incrementBy(1, 50));
 * }</pre>
 */
public final class AlterSequenceBuilder {

  private final String name;
  private final String context;
  private Optional<Change<Long>> start = Optional.empty();
  private Optional<Change<Long>> increment = Optional.empty();

  AlterSequenceBuilder(String name) {
    this.name = Names.require("sequence name", name);
    this.context = "alterSequence(\"" + name + "\")";
  }

  /**
   * Changes the recorded start, which the sequence goes back to when restarted; the value it has
   * reached stays.
   *
   * @param from the start now
   * @param to the new start, at least 1
   * @return this builder
   * @throws IllegalArgumentException if the values are equal or the start is changed twice
   */
  public AlterSequenceBuilder startWith(long from, long to) {
    start = once("start", start, from, to);
    return this;
  }

  /**
   * Changes the step between two values, from the next value on.
   *
   * @param from the increment now
   * @param to the new increment, at least 1
   * @return this builder
   * @throws IllegalArgumentException if the values are equal or the increment is changed twice
   */
  public AlterSequenceBuilder incrementBy(long from, long to) {
    increment = once("increment", increment, from, to);
    return this;
  }

  AlterSequence build() {
    return Calls.build(context, () -> new AlterSequence(name, start, increment));
  }

  private Optional<Change<Long>> once(String what, Optional<Change<Long>> current, long from, long to) {
    if (current.isPresent()) {
      throw Calls.fail(context, "the " + what + " is changed twice");
    }
    return Optional.of(Calls.build(context + ": " + what, () -> new Change<>(from, to)));
  }
}
