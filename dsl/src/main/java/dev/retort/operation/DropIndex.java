package dev.retort.operation;

import dev.retort.model.Names;

/**
 * Drops an index.
 *
 * @param table the table name
 * @param name the index name
 * @param concurrently on PostgreSQL, {@code DROP INDEX CONCURRENTLY}, run outside a transaction
 */
public record DropIndex(String table, String name, boolean concurrently) implements Operation {
  /** Validates the names. */
  public DropIndex {
    Names.require("table name", table);
    Names.require("index name", name);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.dropIndex(this);
  }

  @Override
  public String summary() {
    return "drop index " + name + " on " + table;
  }
}
