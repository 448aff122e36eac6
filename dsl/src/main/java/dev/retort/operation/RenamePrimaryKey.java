package dev.retort.operation;

import dev.retort.model.Names;

/**
 * Renames a table's primary key, keeping the key: its columns, its index and the foreign keys
 * that reference it stay as they are. The differ emits it when a primary key keeps its columns
 * and changes only its name, as the derived {@code pk_<table>} does when its table is renamed:
 * dropping and adding the key instead would leave an identity column without its key in
 * between, which SQLite and MySQL refuse.
 *
 * @param table the table name
 * @param from the current primary key name
 * @param to the new primary key name
 */
public record RenamePrimaryKey(String table, String from, String to) implements Operation {
  /** Validates the names. */
  public RenamePrimaryKey {
    Names.require("table name", table);
    Names.require("primary key name", from);
    Names.require("new primary key name", to);
    if (from.equals(to)) {
      throw new IllegalArgumentException("rename of primary key " + from + " on " + table + " to the same name");
    }
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.renamePrimaryKey(this);
  }

  @Override
  public String summary() {
    return "rename primary key " + from + " on " + table + " to " + to;
  }
}
