package dev.retort.operation;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs raw SQL as written: a data fix, a view, a trigger, anything the model does not hold.
 * It does not change the schema model, and it cannot be inverted: a migration using it
 * writes its own downgrade.
 *
 * @param sql the statement for databases without their own entry, if any
 * @param perVendor statements for particular databases, overriding {@code sql}; kept in
 *     {@link Vendor} order, so that the record's text form and its {@link #summary()} do not
 *     depend on the order of the map given
 */
public record Execute(Optional<String> sql, Map<Vendor, String> perVendor) implements Operation {

  /** Validates that there is SQL for at least one database. */
  public Execute {
    Objects.requireNonNull(sql, "sql == null");
    Objects.requireNonNull(perVendor, "perVendor == null");
    perVendor.forEach((vendor, statement) -> {
      Objects.requireNonNull(vendor, "execute has SQL for a null vendor");
      Objects.requireNonNull(statement, "execute has null SQL for " + vendor);
    });
    perVendor =
        perVendor.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(perVendor));
    if (sql.isEmpty() && perVendor.isEmpty()) {
      throw new IllegalArgumentException("execute has no SQL");
    }
    if (sql.isPresent() && sql.get().isBlank()) {
      throw new IllegalArgumentException("execute has blank SQL");
    }
    perVendor.forEach((vendor, statement) -> {
      if (statement.isBlank()) {
        throw new IllegalArgumentException("execute has blank SQL for " + vendor);
      }
    });
  }

  /** One statement for every database. */
  public static Execute of(String sql) {
    return new Execute(Optional.of(Objects.requireNonNull(sql, "sql == null")), Map.of());
  }

  /**
   * The statement for a database: its own entry, MariaDB falling back to MySQL's, then the
   * general statement.
   *
   * @param vendor the database
   * @return the statement, or empty if this operation has none for that database
   */
  public Optional<String> sqlFor(Vendor vendor) {
    String own = perVendor.get(vendor);
    if (own == null && vendor == Vendor.MARIADB) {
      own = perVendor.get(Vendor.MYSQL);
    }
    return own != null ? Optional.of(own) : sql;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.execute(this);
  }

  @Override
  public String summary() {
    String shown = sql.orElseGet(() -> perVendor.values().iterator().next());
    String firstLine = shown.strip().lines().findFirst().orElse("");
    return "execute " + (firstLine.length() > 60 ? firstLine.substring(0, 57) + "..." : firstLine);
  }
}
