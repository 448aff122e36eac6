package dev.retort.dsl;

/** Second step of a foreign key definition: what it references. */
public interface ForeignKeyTarget {

  /**
   * Names the referenced table and columns, one per referring column.
   *
   * @param table the referenced table
   * @param columns the referenced columns
   * @return the last step, where actions can be set
   */
  ForeignKeyActions references(String table, String... columns);
}
