package dev.retort.operation;

import dev.retort.model.Names;

/**
 * Drops a sequence, and with it the value it has reached: created again, it starts over.
 *
 * @param name the sequence name
 */
public record DropSequence(String name) implements Operation {
  /** Validates the name. */
  public DropSequence {
    Names.require("sequence name", name);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.dropSequence(this);
  }

  @Override
  public String summary() {
    return "drop sequence " + name;
  }

  /** A sequence created again starts over, and hands out the values of the rows already there. */
  @Override
  public boolean destroysData() {
    return true;
  }
}
