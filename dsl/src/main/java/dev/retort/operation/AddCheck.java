package dev.retort.operation;

import dev.retort.model.CheckModel;
import dev.retort.model.Names;
import java.util.Objects;

/**
 * Adds a check constraint to an existing table.
 *
 * <p>With {@code notValid}, PostgreSQL adds the check {@code NOT VALID}: it checks the rows
 * written from then on but not those already in the table, so it takes its lock only briefly, and
 * a later {@link ValidateConstraint} checks the rest without blocking writes. The other databases
 * have no such state and add the check checked. The schema model is the same either way: the
 * check exists.
 *
 * @param table the table name
 * @param check the new check constraint
 * @param notValid on PostgreSQL, leave the rows already in the table unchecked until a
 *     {@link ValidateConstraint}; other databases check them at once
 */
public record AddCheck(String table, CheckModel check, boolean notValid) implements Operation {
  /** Validates the components. */
  public AddCheck {
    Names.require("table name", table);
    Objects.requireNonNull(check, "check == null");
  }

  /**
   * Adds a check constraint that checks the rows already in the table.
   *
   * @param table the table name
   * @param check the new check constraint
   */
  public AddCheck(String table, CheckModel check) {
    this(table, check, false);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.addCheck(this);
  }

  @Override
  public String summary() {
    return "add check constraint " + check.name() + " on " + table + (notValid ? " not valid" : "");
  }
}
