package dev.retort.operation;

import dev.retort.model.Names;

/**
 * Renames a table, keeping its data. Foreign keys pointing at it follow.
 *
 * @param from the current name
 * @param to the new name
 */
public record RenameTable(String from, String to) implements Operation {
  /** Validates the names. */
  public RenameTable {
    Names.require("table name", from);
    Names.require("new table name", to);
    if (from.equals(to)) {
      throw new IllegalArgumentException("rename of table " + from + " to the same name");
    }
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.renameTable(this);
  }

  @Override
  public String summary() {
    return "rename table " + from + " to " + to;
  }
}
