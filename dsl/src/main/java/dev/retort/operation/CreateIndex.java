package dev.retort.operation;

import dev.retort.model.IndexModel;
import dev.retort.model.Names;
import java.util.Objects;

/**
 * Creates an index on an existing table.
 *
 * @param table the table name
 * @param index the index
 * @param concurrently on PostgreSQL, build the index without locking writes
 *     ({@code CREATE INDEX CONCURRENTLY}, run outside a transaction); other databases build
 *     it the usual way
 */
public record CreateIndex(String table, IndexModel index, boolean concurrently) implements Operation {
  /** Validates the components. */
  public CreateIndex {
    Names.require("table name", table);
    Objects.requireNonNull(index, "index == null");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.createIndex(this);
  }

  @Override
  public String summary() {
    return "create " + (index.unique() ? "unique " : "") + "index " + index.name() + " on " + table
        + " " + index.columns();
  }
}
