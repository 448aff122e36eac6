package dev.retort.operation;

import dev.retort.model.CheckModel;
import dev.retort.model.Names;
import java.util.Objects;

/**
 * Adds a check constraint to an existing table.
 *
 * @param table the table name
 * @param check the new check constraint
 */
public record AddCheck(String table, CheckModel check) implements Operation {
  /** Validates the components. */
  public AddCheck {
    Names.require("table name", table);
    Objects.requireNonNull(check, "check == null");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.addCheck(this);
  }

  @Override
  public String summary() {
    return "add check constraint " + check.name() + " on " + table;
  }
}
