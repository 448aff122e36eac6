package dev.retort.operation;

import dev.retort.model.ForeignKeyModel;
import dev.retort.model.Names;
import java.util.Objects;

/**
 * Adds a foreign key to an existing table.
 *
 * <p>With {@code notValid}, PostgreSQL adds the key {@code NOT VALID}: it checks the rows written
 * from then on but not those already in the table, so it takes its lock only briefly, and a later
 * {@link ValidateConstraint} checks the rest without blocking writes. The other databases have no
 * such state and add the key checked. The schema model is the same either way: the key exists.
 *
 * @param table the table name
 * @param foreignKey the new foreign key
 * @param notValid on PostgreSQL, leave the rows already in the table unchecked until a
 *     {@link ValidateConstraint}; other databases check them at once
 */
public record AddForeignKey(String table, ForeignKeyModel foreignKey, boolean notValid) implements Operation {
  /** Validates the components. */
  public AddForeignKey {
    Names.require("table name", table);
    Objects.requireNonNull(foreignKey, "foreignKey == null");
  }

  /**
   * Adds a foreign key that checks the rows already in the table.
   *
   * @param table the table name
   * @param foreignKey the new foreign key
   */
  public AddForeignKey(String table, ForeignKeyModel foreignKey) {
    this(table, foreignKey, false);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.addForeignKey(this);
  }

  @Override
  public String summary() {
    return "add foreign key " + foreignKey.name() + " on " + table + (notValid ? " not valid" : "");
  }
}
