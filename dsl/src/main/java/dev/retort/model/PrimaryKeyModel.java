package dev.retort.model;

import java.util.List;

/**
 * A primary key.
 *
 * @param name the constraint name, such as {@code pk_users}
 * @param columns the key columns in order
 */
public record PrimaryKeyModel(String name, List<String> columns) {
  /** Validates and copies the components. */
  public PrimaryKeyModel {
    Names.require("primary key name", name);
    columns = Names.requireList("primary key columns", "primary key column", columns);
  }
}
