package dev.retort.operation;

import dev.retort.model.SequenceModel;
import java.util.Objects;

/**
 * Creates a sequence. PostgreSQL, H2 and MariaDB have sequences; MySQL and SQLite refuse the
 * operation before anything runs.
 *
 * @param sequence the whole sequence
 */
public record CreateSequence(SequenceModel sequence) implements Operation {
  /** Validates the sequence. */
  public CreateSequence {
    Objects.requireNonNull(sequence, "sequence == null");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.createSequence(this);
  }

  @Override
  public String summary() {
    return "create sequence " + sequence.name();
  }
}
