package dev.retort.model;

import dev.retort.ReferentialAction;
import java.util.List;
import java.util.Objects;

/**
 * A foreign key.
 *
 * @param name the constraint name, such as {@code fk_orders_customer_id}
 * @param columns the referring columns in this table
 * @param referencedTable the referenced table
 * @param referencedColumns the referenced columns, one per referring column
 * @param onDelete the action when the referenced row is deleted
 * @param onUpdate the action when the referenced key is updated
 */
public record ForeignKeyModel(
    String name,
    List<String> columns,
    String referencedTable,
    List<String> referencedColumns,
    ReferentialAction onDelete,
    ReferentialAction onUpdate) {

  /** Validates and copies the components. */
  public ForeignKeyModel {
    Names.require("foreign key name", name);
    columns = Names.requireList("foreign key columns", "foreign key column", columns);
    Names.require("referenced table", referencedTable);
    referencedColumns = Names.requireList("referenced columns", "referenced column", referencedColumns);
    Objects.requireNonNull(onDelete, "onDelete == null");
    Objects.requireNonNull(onUpdate, "onUpdate == null");
    if (columns.size() != referencedColumns.size()) {
      throw new IllegalArgumentException(
          "foreign key " + name + " has " + columns.size() + " columns " + columns + " but "
              + referencedColumns.size() + " referenced columns " + referencedColumns);
    }
  }

  /** This key pointing at a renamed table. */
  public ForeignKeyModel withReferencedTable(String table) {
    return new ForeignKeyModel(name, columns, table, referencedColumns, onDelete, onUpdate);
  }
}
