package dev.retort.internal.limits;

/**
 * The most digits after the point that MySQL and MariaDB keep in a {@code DECIMAL}; more is
 * refused ("Too big scale"). The processor checks entities against the smaller, the runtime's
 * dialects each database against its own.
 */
public final class DecimalScales {

  /** MySQL's largest scale (its reference manual). */
  public static final int MYSQL = 30;

  /** MariaDB's largest scale. */
  public static final int MARIADB = 38;

  private DecimalScales() {}
}
