package dev.retort.model;

import java.util.List;

/**
 * An index.
 *
 * @param name the index name, such as {@code ix_books_author_id}
 * @param columns the indexed columns in order
 * @param unique whether the index is unique
 */
public record IndexModel(String name, List<String> columns, boolean unique) {
  /** Validates and copies the components. */
  public IndexModel {
    Names.require("index name", name);
    columns = Names.requireList("index columns", "index column", columns);
  }
}
