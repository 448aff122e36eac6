package dev.retort.operation;

import dev.retort.model.ForeignKeyModel;
import dev.retort.model.Names;
import java.util.Objects;

/**
 * Adds a foreign key to an existing table.
 *
 * @param table the table name
 * @param foreignKey the new foreign key
 */
public record AddForeignKey(String table, ForeignKeyModel foreignKey) implements Operation {
  /** Validates the components. */
  public AddForeignKey {
    Names.require("table name", table);
    Objects.requireNonNull(foreignKey, "foreignKey == null");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.addForeignKey(this);
  }

  @Override
  public String summary() {
    return "add foreign key " + foreignKey.name() + " on " + table;
  }
}
