package dev.retort.cli.internal;

import dev.retort.operation.Vendor;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Names of the databases Retort writes SQL for, as users type them ({@code --dialect postgresql}). */
public final class Databases {

  /** The names {@link #parse} accepts, for help and error messages. */
  public static final String NAMES = "h2, sqlite, postgresql, mysql, mariadb";

  private Databases() {}

  /**
   * The database a name stands for, ignoring case; {@code postgres} and {@code pg} also mean
   * PostgreSQL.
   *
   * @param name the name
   * @return the database
   * @throws IllegalArgumentException listing the names if it is none of them
   */
  public static Vendor parse(String name) {
    Objects.requireNonNull(name, "name == null");
    switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "h2":
        return Vendor.H2;
      case "sqlite":
        return Vendor.SQLITE;
      case "postgresql":
      case "postgres":
      case "pg":
        return Vendor.POSTGRESQL;
      case "mysql":
        return Vendor.MYSQL;
      case "mariadb":
        return Vendor.MARIADB;
      default:
        throw new IllegalArgumentException("'" + name + "' is not a database Retort knows; use one of " + NAMES);
    }
  }

  /**
   * The database a JDBC URL points at, from its sub-protocol.
   *
   * @param url the JDBC URL
   * @return the database, or empty for a driver Retort does not know by name
   */
  public static Optional<Vendor> fromUrl(String url) {
    String lower = Objects.requireNonNull(url, "url == null").toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:h2:")) {
      return Optional.of(Vendor.H2);
    }
    if (lower.startsWith("jdbc:sqlite:")) {
      return Optional.of(Vendor.SQLITE);
    }
    if (lower.startsWith("jdbc:postgresql:")) {
      return Optional.of(Vendor.POSTGRESQL);
    }
    if (lower.startsWith("jdbc:mysql:")) {
      return Optional.of(Vendor.MYSQL);
    }
    if (lower.startsWith("jdbc:mariadb:")) {
      return Optional.of(Vendor.MARIADB);
    }
    return Optional.empty();
  }

  /** The name {@link #parse} reads back, such as {@code postgresql}. */
  public static String name(Vendor vendor) {
    return Objects.requireNonNull(vendor, "vendor == null").name().toLowerCase(Locale.ROOT);
  }
}
