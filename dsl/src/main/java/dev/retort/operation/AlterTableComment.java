package dev.retort.operation;

import dev.retort.model.Names;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes a table's comment.
 *
 * @param table the table name
 * @param comment the comment before and after; empty means none
 */
public record AlterTableComment(String table, Change<Optional<String>> comment) implements Operation {
  /** Validates the components. */
  public AlterTableComment {
    Names.require("table name", table);
    Objects.requireNonNull(comment, "comment == null");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.alterTableComment(this);
  }

  @Override
  public String summary() {
    return "alter comment of table " + table;
  }
}
