package dev.retort.operation;

import dev.retort.model.Names;

/**
 * Drops a table and its data.
 *
 * @param table the table name
 */
public record DropTable(String table) implements Operation {
  /** Validates the name. */
  public DropTable {
    Names.require("table name", table);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.dropTable(this);
  }

  @Override
  public String summary() {
    return "drop table " + table;
  }

  @Override
  public boolean destroysData() {
    return true;
  }
}
