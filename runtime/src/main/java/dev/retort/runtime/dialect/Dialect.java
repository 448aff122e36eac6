package dev.retort.runtime.dialect;

import dev.retort.model.SchemaModel;
import dev.retort.operation.Operation;
import dev.retort.operation.Vendor;
import java.util.List;

/**
 * Turns operations into SQL for one database. This is the only place SQL for schema changes
 * is produced; the rest of the runtime never concatenates SQL.
 *
 * <p>Identifiers are always quoted, so reserved words ({@code order}, {@code user}) are legal
 * names. Defaults and check expressions are the only values written into DDL, because DDL
 * cannot bind parameters; literals are escaped.
 */
public interface Dialect {

  /** The database this dialect renders for. */
  Vendor vendor();

  /**
   * Whether DDL runs inside transactions and rolls back with them (PostgreSQL, SQLite).
   * Where it does not (H2, MySQL, MariaDB) every DDL statement commits.
   */
  boolean transactionalDdl();

  /**
   * Quotes an identifier for this database, doubling any quote character inside it.
   *
   * @param identifier a table, column, index or constraint name
   * @return the quoted identifier
   */
  String quote(String identifier);

  /**
   * Renders one operation.
   *
   * @param operation the operation
   * @param before the schema before the operation, which holds the full current definition of
   *     every table (needed for SQLite's table rebuild and MySQL's {@code MODIFY})
   * @return the steps to run, in order; empty if the operation needs nothing on this database
   * @throws UnsupportedOperationException naming the operation and database, with what to do
   *     instead, if the database cannot do it at all
   */
  List<Step> render(Operation operation, SchemaModel before);
}
