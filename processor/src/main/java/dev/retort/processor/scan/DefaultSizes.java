package dev.retort.processor.scan;

/**
 * The sizes a member's column gets when its {@code @Column} gives none. {@code retort entities},
 * which writes entities from a database, leaves out exactly these, so both read them here.
 */
public final class DefaultSizes {

  /** A {@code String}'s {@code varchar} length. */
  public static final int LENGTH = 255;

  /** A {@code BigDecimal}'s precision. */
  public static final int PRECISION = 19;

  /** A {@code BigDecimal}'s scale. */
  public static final int SCALE = 2;

  private DefaultSizes() {}
}
