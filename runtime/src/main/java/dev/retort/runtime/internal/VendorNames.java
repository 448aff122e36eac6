package dev.retort.runtime.internal;

import dev.retort.operation.Vendor;

/** Databases as messages name them. */
public final class VendorNames {

  private VendorNames() {}

  /** The product name, such as {@code PostgreSQL}. */
  public static String of(Vendor vendor) {
    switch (vendor) {
      case H2:
        return "H2";
      case SQLITE:
        return "SQLite";
      case POSTGRESQL:
        return "PostgreSQL";
      case MYSQL:
        return "MySQL";
      case MARIADB:
        return "MariaDB";
      default:
        throw new IllegalArgumentException("unknown vendor " + vendor);
    }
  }
}
