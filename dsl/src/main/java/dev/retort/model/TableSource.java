package dev.retort.model;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A schema whose tables are read one at a time when asked, for {@link SchemaModel#lazy}: what
 * the snapshot reader gives the runtime, so that planning a migration reads only the tables it
 * looks at.
 *
 * <p>An implementation answers the questions that span tables (which names exist, which table
 * owns an index or constraint name, which tables have a foreign key to a table) without reading
 * the tables, and reads a table as its {@link #whole} read would give it, with the same
 * validation of that table, or fails. Every method returns the same answer, and {@link #table}
 * the same instance, each time it is asked. Not for applications to implement.
 */
public interface TableSource {

  /** The names of the tables, sorted, without reading them. */
  List<String> tableNames();

  /**
   * The table of that name, read as {@link #whole} reads it.
   *
   * @param name the table name
   * @return the table; empty if the schema has no table of that name
   * @throws RuntimeException the implementation's report that the table cannot be read
   */
  Optional<TableModel> table(String name);

  /**
   * The table that has an index or constraint of that name, without reading the tables.
   *
   * @param object the index or constraint name
   * @return the table's name; empty if no table has one of that name
   */
  Optional<String> objectOwner(String object);

  /**
   * The tables with at least one foreign key to a table, itself included if it refers to itself,
   * without reading them.
   *
   * @param table the referenced table's name
   * @return the referencing tables' names, sorted
   */
  Set<String> referencing(String table);

  /** The sequences, sorted by name. */
  List<SequenceModel> sequences();

  /** The views, sorted by name. */
  List<ViewModel> views();

  /**
   * The whole schema, read and validated as a whole: what anything that looks at every table
   * needs.
   *
   * @return the schema
   * @throws RuntimeException the implementation's report that the schema cannot be read
   */
  SchemaModel whole();
}
