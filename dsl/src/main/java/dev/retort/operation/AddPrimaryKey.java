package dev.retort.operation;

import dev.retort.model.PrimaryKeyModel;
import dev.retort.model.Names;
import java.util.Objects;

/**
 * Adds a primary key to an existing table.
 *
 * @param table the table name
 * @param key the new primary key
 */
public record AddPrimaryKey(String table, PrimaryKeyModel key) implements Operation {
  /** Validates the components. */
  public AddPrimaryKey {
    Names.require("table name", table);
    Objects.requireNonNull(key, "key == null");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.addPrimaryKey(this);
  }

  @Override
  public String summary() {
    return "add primary key " + key.name() + " on " + table;
  }
}
