package dev.retort.operation;

import dev.retort.model.Names;

/**
 * Checks the rows that a foreign key or check constraint added with {@code notValid} left
 * unchecked ({@link AddForeignKey#notValid()}, {@link AddCheck#notValid()}).
 *
 * <p>On PostgreSQL this is {@code ALTER TABLE … VALIDATE CONSTRAINT}, which reads the table under
 * a SHARE UPDATE EXCLUSIVE lock: reads and writes go on while it runs, and it fails, changing
 * nothing, at a row that breaks the constraint. The other databases checked the rows when the
 * constraint was added, so it runs nothing there. It changes no schema, so its inverse is no
 * operation at all: a downgrade leaves the constraint validated, and the downgrade of the
 * migration that added it drops it.
 *
 * @param table the table name
 * @param name the name of the foreign key or check constraint
 */
public record ValidateConstraint(String table, String name) implements Operation {
  /** Validates the names. */
  public ValidateConstraint {
    Names.require("table name", table);
    Names.require("constraint name", name);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.validateConstraint(this);
  }

  @Override
  public String summary() {
    return "validate constraint " + name + " on " + table;
  }
}
