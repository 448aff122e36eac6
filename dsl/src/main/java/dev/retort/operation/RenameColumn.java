package dev.retort.operation;

import dev.retort.model.Names;

/**
 * Renames a column, keeping its data. Keys and indexes on it follow, and so do the check
 * constraints of its table: the column's name in their expressions is rewritten, quoted as it
 * was (see {@link dev.retort.model.CheckModel#usesColumn}).
 *
 * @param table the table name
 * @param from the current column name
 * @param to the new column name
 */
public record RenameColumn(String table, String from, String to) implements Operation {
  /** Validates the names. */
  public RenameColumn {
    Names.require("table name", table);
    Names.require("column name", from);
    Names.require("new column name", to);
    if (from.equals(to)) {
      throw new IllegalArgumentException("rename of column " + table + "." + from + " to the same name");
    }
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.renameColumn(this);
  }

  @Override
  public String summary() {
    return "rename column " + table + "." + from + " to " + to;
  }
}
