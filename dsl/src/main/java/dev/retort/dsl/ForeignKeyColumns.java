package dev.retort.dsl;

/**
 * First step of a foreign key definition: the referring columns.
 *
 * <pre>{@code
 * fk -> fk.columns("author_id").references("authors", "id").onDelete(CASCADE)
 * }</pre>
 */
public interface ForeignKeyColumns {

  /**
   * Names the referring columns of this table.
   *
   * @param columns one or more columns
   * @return the next step
   */
  ForeignKeyTarget columns(String... columns);
}
