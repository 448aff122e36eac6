package dev.retort.operation;

import dev.retort.model.Names;

/**
 * Drops a foreign key from a table.
 *
 * @param table the table name
 * @param name the foreign key name
 */
public record DropForeignKey(String table, String name) implements Operation {
  /** Validates the names. */
  public DropForeignKey {
    Names.require("table name", table);
    Names.require("foreign key name", name);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.dropForeignKey(this);
  }

  @Override
  public String summary() {
    return "drop foreign key " + name + " on " + table;
  }
}
