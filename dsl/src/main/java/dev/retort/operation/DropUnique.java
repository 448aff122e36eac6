package dev.retort.operation;

import dev.retort.model.Names;

/**
 * Drops a unique constraint from a table.
 *
 * @param table the table name
 * @param name the unique constraint name
 */
public record DropUnique(String table, String name) implements Operation {
  /** Validates the names. */
  public DropUnique {
    Names.require("table name", table);
    Names.require("unique constraint name", name);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.dropUnique(this);
  }

  @Override
  public String summary() {
    return "drop unique constraint " + name + " on " + table;
  }
}
