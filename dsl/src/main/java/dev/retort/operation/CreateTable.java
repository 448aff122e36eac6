package dev.retort.operation;

import dev.retort.model.TableModel;
import java.util.Objects;

/**
 * Creates a table with its columns, keys, checks and indexes. Indexes are created by
 * separate statements after the table.
 *
 * @param table the whole table
 */
public record CreateTable(TableModel table) implements Operation {
  /** Validates the table. */
  public CreateTable {
    Objects.requireNonNull(table, "table == null");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.createTable(this);
  }

  @Override
  public String summary() {
    return "create table " + table.name();
  }
}
