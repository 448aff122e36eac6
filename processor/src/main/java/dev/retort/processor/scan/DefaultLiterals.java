package dev.retort.processor.scan;

import dev.retort.model.ColumnType;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks that a {@code @Column(defaultValue = ...)} literal is a value of its column type, so that
 * a typo fails the build instead of the migration. Types whose literal syntax differs between
 * databases (dates, times, JSON, binary) are left to the database.
 */
final class DefaultLiterals {

  private DefaultLiterals() {}

  /**
   * Checks a default literal.
   *
   * @param type the column type
   * @param literal the literal as written
   * @return what is wrong with it, or empty if it fits the type
   */
  static Optional<String> problem(ColumnType type, String literal) {
    if (type == ColumnType.Scalar.SMALLINT) {
      return integral(literal, Short.MIN_VALUE, Short.MAX_VALUE);
    }
    if (type == ColumnType.Scalar.INTEGER) {
      return integral(literal, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
    if (type == ColumnType.Scalar.BIGINT) {
      return integral(literal, Long.MIN_VALUE, Long.MAX_VALUE);
    }
    if (type == ColumnType.Scalar.REAL || type == ColumnType.Scalar.DOUBLE) {
      return decimal(literal)
          .map(value -> floatingRange(value, type == ColumnType.Scalar.REAL))
          .orElse(Optional.of("it is not a number"));
    }
    if (type == ColumnType.Scalar.BOOLEAN) {
      String lower = literal.toLowerCase(Locale.ROOT);
      return lower.equals("true") || lower.equals("false")
          ? Optional.empty()
          : Optional.of("a boolean default is true or false");
    }
    if (type == ColumnType.Scalar.UUID) {
      return isUuid(literal)
          ? Optional.empty()
          : Optional.of("it is not a UUID such as 123e4567-e89b-12d3-a456-426614174000");
    }
    if (type instanceof ColumnType.Decimal decimal) {
      return decimalFits(literal, decimal);
    }
    if (type instanceof ColumnType.Varchar varchar) {
      return maxLength(literal, varchar.length());
    }
    if (type instanceof ColumnType.Char fixed) {
      return maxLength(literal, fixed.length());
    }
    if (type instanceof ColumnType.Enumerated enumerated
        && !enumerated.values().contains(literal)) {
      return Optional.of("the values are " + enumerated.values());
    }
    return Optional.empty();
  }

  private static Optional<String> integral(String literal, long min, long max) {
    long value;
    try {
      value = Long.parseLong(literal);
    } catch (NumberFormatException e) {
      return Optional.of("it is not a whole number");
    }
    return value < min || value > max
        ? Optional.of("it is not between " + min + " and " + max)
        : Optional.empty();
  }

  /**
   * Whether a number fits a {@code real} or {@code double}: MariaDB refuses a default beyond the
   * type's range when the table is created, PostgreSQL when a row takes it, and both refuse one so
   * close to zero that it would round to 0.
   */
  private static Optional<String> floatingRange(BigDecimal value, boolean single) {
    String name = single ? "real" : "double";
    double rounded = single ? value.floatValue() : value.doubleValue();
    if (Double.isInfinite(rounded)) {
      String largest = single ? Float.toString(Float.MAX_VALUE) : Double.toString(Double.MAX_VALUE);
      return Optional.of("it is beyond the largest " + name + ", " + largest);
    }
    if (rounded == 0 && value.signum() != 0) {
      String smallest = single ? Float.toString(Float.MIN_VALUE) : Double.toString(Double.MIN_VALUE);
      return Optional.of(
          "it is closer to zero than the smallest " + name + ", " + smallest + ", and would round to 0");
    }
    return Optional.empty();
  }

  private static Optional<String> decimalFits(String literal, ColumnType.Decimal type) {
    Optional<BigDecimal> parsed = decimal(literal);
    if (parsed.isEmpty()) {
      return Optional.of("it is not a number");
    }
    BigDecimal value = parsed.get().stripTrailingZeros();
    int fractionDigits = Math.max(value.scale(), 0);
    // Zero has no digit before the point that a decimal(p, p) lacks room for, though BigDecimal counts one.
    int integerDigits = value.signum() == 0 ? 0 : Math.max(value.precision() - value.scale(), 0);
    if (fractionDigits > type.scale()) {
      return Optional.of(
          "it has " + fractionDigits + " digits after the point; the scale allows " + type.scale());
    }
    if (integerDigits > type.precision() - type.scale()) {
      return Optional.of(
          "it has "
              + integerDigits
              + " digits before the point; the type allows "
              + (type.precision() - type.scale()));
    }
    return Optional.empty();
  }

  private static Optional<BigDecimal> decimal(String literal) {
    try {
      return Optional.of(new BigDecimal(literal));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> maxLength(String literal, int length) {
    int characters = literal.codePointCount(0, literal.length());
    return characters > length
        ? Optional.of("it is " + characters + " characters long; the column holds " + length)
        : Optional.empty();
  }

  private static boolean isUuid(String literal) {
    if (literal.length() != 36) {
      return false;
    }
    try {
      UUID.fromString(literal);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
