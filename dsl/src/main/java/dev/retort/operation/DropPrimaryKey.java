package dev.retort.operation;

import dev.retort.model.Names;

/**
 * Drops a primary key from a table.
 *
 * @param table the table name
 * @param name the primary key name
 */
public record DropPrimaryKey(String table, String name) implements Operation {
  /** Validates the names. */
  public DropPrimaryKey {
    Names.require("table name", table);
    Names.require("primary key name", name);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.dropPrimaryKey(this);
  }

  @Override
  public String summary() {
    return "drop primary key " + name + " on " + table;
  }
}
