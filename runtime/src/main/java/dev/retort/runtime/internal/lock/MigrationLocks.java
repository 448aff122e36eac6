package dev.retort.runtime.internal.lock;

import dev.retort.operation.Vendor;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.internal.VendorNames;
import dev.retort.runtime.internal.connect.ConnectionSource;
import dev.retort.runtime.internal.history.VersionTable;
import java.sql.Connection;
import java.sql.SQLException;

/** Chooses the lock for a database. */
public final class MigrationLocks {

  private MigrationLocks() {}

  /**
   * Creates the lock for the database behind a connection; it is not yet acquired.
   *
   * @param dialect the database's dialect
   * @param migration the connection that runs the migrations
   * @param connections opens another connection, for databases whose lock cannot share the
   *     migration connection (H2)
   * @param versionTable the version table; the lock is per version table
   * @return the lock
   */
  public static MigrationLock create(
      Dialect dialect, Connection migration, ConnectionSource connections, VersionTable versionTable) {
    try {
      switch (dialect.vendor()) {
        case POSTGRESQL:
          return new PostgresAdvisoryLock(migration, versionTable.displayName());
        case MYSQL:
        case MARIADB: {
          String database = versionTable.schema().isEmpty()
              ? migration.getCatalog() : versionTable.schema();
          return new MySqlNamedLock(migration, database, versionTable.name());
        }
        case H2: {
          String lockTable = h2LockTable(versionTable.name());
          Connection connection = connections.open();
          try {
            return new H2RowLock(connections, connection, VersionTable.qualify(dialect, versionTable.schema(), lockTable),
                versionTable.schema().isEmpty() ? lockTable : versionTable.schema() + "." + lockTable,
                dialect.quote("id"));
          } catch (SQLException | RuntimeException e) {
            try {
              connections.close(connection);
            } catch (SQLException closing) {
              e.addSuppressed(closing);
            }
            throw e;
          }
        }
        case SQLITE:
          return new SqliteExclusiveLock(migration, migration.getMetaData().getURL());
        default:
          throw new IllegalStateException("no migration lock for " + dialect.vendor());
      }
    } catch (SQLException e) {
      throw new RetortException(ErrorCode.DATABASE_ERROR,
          "Could not prepare the migration lock on " + VendorNames.of(dialect.vendor()) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether taking the lock would create a table in the database: on H2, whose lock is a row of a table beside the
   * version table, until a command has created that table. A command that would change nothing (because it is
   * refused, or finds nothing to do) looks first without the lock in that case, so that it leaves the database
   * exactly as it was.
   *
   * @param dialect the database's dialect
   * @param migration the connection that runs the migrations
   * @param versionTable the version table; the lock table is beside it
   * @return whether the lock would create its table
   */
  public static boolean createsTable(Dialect dialect, Connection migration, VersionTable versionTable) {
    return dialect.vendor() == Vendor.H2
        && !new VersionTable(versionTable.schema(), h2LockTable(versionTable.name()), dialect).exists(migration);
  }

  /** The name of the table holding H2's lock row, beside the version table. */
  public static String h2LockTable(String versionTable) {
    return versionTable + "_lock";
  }
}
