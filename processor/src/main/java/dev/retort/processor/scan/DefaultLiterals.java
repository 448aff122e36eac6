package dev.retort.processor.scan;

import dev.retort.model.ColumnType;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a {@code @Column(defaultValue = ...)} literal is a value of its column type, so that
 * a typo fails the build instead of the migration. Dates and times are checked in the ISO form
 * that every database reads; JSON and binary, whose literal syntax differs between databases, are
 * left to the database.
 */
final class DefaultLiterals {

  private static final List<DateTimeFormatter> DATE = List.of(DateTimeFormatter.ISO_LOCAL_DATE);
  private static final List<DateTimeFormatter> TIME = List.of(DateTimeFormatter.ISO_LOCAL_TIME);
  private static final List<DateTimeFormatter> TIMESTAMP = List.of(timestamp(null));
  private static final List<DateTimeFormatter> TIMESTAMP_TZ =
      List.of(timestamp("+HH:mm"), timestamp("+HHmm"));

  /** The fraction of the second in a time or timestamp literal. */
  private static final Pattern FRACTION = Pattern.compile("\\d:\\d{2}\\.(\\d+)");

  private DefaultLiterals() {}

  /** A date with an optional {@code T} and time, and an offset of that pattern if not null. */
  private static DateTimeFormatter timestamp(String offset) {
    DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder()
        .append(DateTimeFormatter.ISO_LOCAL_DATE)
        .optionalStart()
        .appendLiteral('T')
        .append(DateTimeFormatter.ISO_LOCAL_TIME);
    if (offset != null) {
      builder.optionalStart().appendOffset(offset, "Z").optionalEnd();
    }
    return builder.optionalEnd().toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  }

  /**
   * Checks a default literal.
   *
   * @param type the column type
   * @param literal the literal as written
   * @return what is wrong with it, or empty if it fits the type
   */
  static Optional<String> problem(ColumnType type, String literal) {
    if (type instanceof ColumnType.Temporal temporal) {
      Optional<String> problem = problem(temporal.kind(), literal);
      return problem.isPresent() ? problem : fractionFits(literal, temporal);
    }
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
    if (type == ColumnType.Scalar.DATE) {
      return temporal(literal, DATE, "a date such as 2024-01-31 (yyyy-MM-dd)");
    }
    if (type == ColumnType.Scalar.TIME) {
      return temporal(literal, TIME, "a time such as 12:30:00 (HH:mm:ss)");
    }
    if (type == ColumnType.Scalar.TIMESTAMP) {
      return temporal(literal, TIMESTAMP, "a timestamp such as 2024-01-31 12:30:00 (yyyy-MM-dd HH:mm:ss)");
    }
    if (type == ColumnType.Scalar.TIMESTAMP_TZ) {
      return temporal(
          literal,
          TIMESTAMP_TZ,
          "a timestamp such as 2024-01-31 12:30:00+01:00 (yyyy-MM-dd HH:mm:ss, the offset optional)");
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

  /**
   * Whether a literal is a date, time or timestamp in the ISO form every database reads, naming a
   * real day and time ({@code 2024-02-30} is none): a timestamp may be a date alone (midnight), its
   * time may follow a space or a {@code T}, and a timestamp with time zone may end with an offset
   * ({@code Z}, {@code +01}, {@code +01:00}, {@code +0100}).
   */
  private static Optional<String> temporal(String literal, List<DateTimeFormatter> forms, String expected) {
    String text = literal.length() > 10 && literal.charAt(10) == ' '
        ? literal.substring(0, 10) + 'T' + literal.substring(11)
        : literal;
    for (DateTimeFormatter form : forms) {
      try {
        form.parse(text);
        return Optional.empty();
      } catch (DateTimeParseException e) {
        // Try the next form.
      }
    }
    return Optional.of("it is not " + expected);
  }

  /**
   * Whether the literal has no more digits of the second than the column keeps: the databases
   * would round it (PostgreSQL, H2) or cut it (MariaDB), and check would find another value.
   */
  private static Optional<String> fractionFits(String literal, ColumnType.Temporal type) {
    Matcher fraction = FRACTION.matcher(literal);
    if (fraction.find() && fraction.group(1).length() > type.precision()) {
      return Optional.of("it has " + fraction.group(1).length() + " digits of the second, and the column keeps "
          + type.precision() + " (" + type.sql() + "); write at most " + type.precision());
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
