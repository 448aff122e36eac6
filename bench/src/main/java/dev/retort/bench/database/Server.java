package dev.retort.bench.database;

import dev.retort.operation.Vendor;

/**
 * The databases the benchmark runs on: H2 in a file, and the PostgreSQL and MariaDB servers of
 * the development machines (127.0.0.1, user {@code postgres} with trust authentication and user
 * {@code root} with an empty password).
 */
public enum Server {
  /** H2 2.x, embedded, one file per database. */
  H2("H2", Vendor.H2, false),
  /** PostgreSQL on 127.0.0.1:5432. */
  POSTGRESQL("PostgreSQL", Vendor.POSTGRESQL, true),
  /** MariaDB on 127.0.0.1:3306. */
  MARIADB("MariaDB", Vendor.MARIADB, false);

  private final String displayName;
  private final Vendor vendor;
  private final boolean transactionalDdl;

  Server(String displayName, Vendor vendor, boolean transactionalDdl) {
    this.displayName = displayName;
    this.vendor = vendor;
    this.transactionalDdl = transactionalDdl;
  }

  /** The name shown in the results. */
  public String displayName() {
    return displayName;
  }

  /** The Retort vendor of this database. */
  public Vendor vendor() {
    return vendor;
  }

  /**
   * Whether DDL statements run inside a transaction, rather than committing it, so that a tool
   * can apply all the migrations of a start in one transaction; H2 and MariaDB commit each DDL
   * statement.
   */
  public boolean transactionalDdl() {
    return transactionalDdl;
  }
}
