package dev.retort.operation;

import dev.retort.model.ColumnModel;
import dev.retort.model.Names;
import java.util.Objects;

/**
 * Adds a column at the end of a table.
 *
 * @param table the table name
 * @param column the new column
 */
public record AddColumn(String table, ColumnModel column) implements Operation {
  /** Validates the components. */
  public AddColumn {
    Names.require("table name", table);
    Objects.requireNonNull(column, "column == null");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.addColumn(this);
  }

  @Override
  public String summary() {
    return "add column " + table + "." + column.name();
  }
}
