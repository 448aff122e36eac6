package dev.retort.operation;

import dev.retort.model.Names;

/**
 * Drops a check constraint from a table.
 *
 * @param table the table name
 * @param name the check constraint name
 */
public record DropCheck(String table, String name) implements Operation {
  /** Validates the names. */
  public DropCheck {
    Names.require("table name", table);
    Names.require("check constraint name", name);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.dropCheck(this);
  }

  @Override
  public String summary() {
    return "drop check constraint " + name + " on " + table;
  }
}
