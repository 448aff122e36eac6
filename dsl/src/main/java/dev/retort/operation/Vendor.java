package dev.retort.operation;

/** The databases Retort supports, for SQL written for one of them. */
public enum Vendor {
  /** H2 2.x. */
  H2,
  /** SQLite 3. */
  SQLITE,
  /** PostgreSQL. */
  POSTGRESQL,
  /** MySQL. */
  MYSQL,
  /** MariaDB; falls back to SQL written for {@link #MYSQL}. */
  MARIADB
}
