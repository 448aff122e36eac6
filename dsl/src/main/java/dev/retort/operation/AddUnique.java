package dev.retort.operation;

import dev.retort.model.UniqueModel;
import dev.retort.model.Names;
import java.util.Objects;

/**
 * Adds a unique constraint to an existing table.
 *
 * @param table the table name
 * @param unique the new unique constraint
 */
public record AddUnique(String table, UniqueModel unique) implements Operation {
  /** Validates the components. */
  public AddUnique {
    Names.require("table name", table);
    Objects.requireNonNull(unique, "unique == null");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.addUnique(this);
  }

  @Override
  public String summary() {
    return "add unique constraint " + unique.name() + " on " + table;
  }
}
