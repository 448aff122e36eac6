package dev.retort.operation;

import dev.retort.model.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes a sequence's recorded start or its increment, keeping the value it has reached:
 * {@code ALTER SEQUENCE … START WITH … INCREMENT BY …}. A new start takes effect only when the
 * sequence is restarted; a new increment from the next value on. Each change carries the value
 * before and after, so the operation is checked against the schema and inverted exactly.
 *
 * @param name the sequence name
 * @param start the start change, if any
 * @param increment the increment change, if any
 */
public record AlterSequence(String name, Optional<Change<Long>> start, Optional<Change<Long>> increment)
    implements Operation {

  /** Validates the components: at least one change. */
  public AlterSequence {
    Names.require("sequence name", name);
    Objects.requireNonNull(start, "start == null");
    Objects.requireNonNull(increment, "increment == null");
    if (start.isEmpty() && increment.isEmpty()) {
      throw new IllegalArgumentException("alter sequence " + name + " changes nothing");
    }
  }

  /** The same alteration in the opposite direction. */
  public AlterSequence inverse() {
    return new AlterSequence(name, start.map(Change::inverse), increment.map(Change::inverse));
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.alterSequence(this);
  }

  @Override
  public String summary() {
    List<String> parts = new ArrayList<>();
    start.ifPresent(c -> parts.add("start " + c.from() + " -> " + c.to()));
    increment.ifPresent(c -> parts.add("increment " + c.from() + " -> " + c.to()));
    return "alter sequence " + name + " (" + String.join(", ", parts) + ")";
  }
}
