package dev.retort.operation;

import dev.retort.model.Names;

/**
 * Drops a column and its data. Keys, indexes and check constraints that use the column must be
 * dropped first.
 *
 * @param table the table name
 * @param column the column name
 */
public record DropColumn(String table, String column) implements Operation {
  /** Validates the names. */
  public DropColumn {
    Names.require("table name", table);
    Names.require("column name", column);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.dropColumn(this);
  }

  @Override
  public String summary() {
    return "drop column " + table + "." + column;
  }

  @Override
  public boolean destroysData() {
    return true;
  }
}
