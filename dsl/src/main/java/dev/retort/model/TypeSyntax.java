package dev.retort.model;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@link ColumnType}s from their text form. */
final class TypeSyntax {

  /** {@code enum name(values)}; a name that is not plain is in double quotes, values may span lines. */
  private static final Pattern ENUM =
      Pattern.compile("(?is)enum\\s+(" + ColumnType.Enumerated.PLAIN_NAME + "|\"(?:[^\"]|\"\")+\")\\s*\\((.*)\\)");
  private static final Pattern SIZED =
      Pattern.compile("([a-z]+)\\s*\\(\\s*(\\d{1,6})\\s*(?:,\\s*(\\d{1,6})\\s*)?\\)");
  /** {@code time(p)}, {@code timestamp(p)}, {@code timestamp(p) with time zone}. */
  private static final Pattern TEMPORAL =
      Pattern.compile("(time|timestamp)\\s*\\(\\s*(\\d{1,6})\\s*\\)( with time zone)?");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private TypeSyntax() {}

  static ColumnType parse(String text) {
    Objects.requireNonNull(text, "text == null");
    String trimmed = text.strip();
    Matcher enumMatch = ENUM.matcher(trimmed);
    if (enumMatch.matches()) {
      String name = enumMatch.group(1);
      if (name.startsWith("\"")) {
        name = name.substring(1, name.length() - 1).replace("\"\"", "\"");
      }
      return new ColumnType.Enumerated(name, Literals.parseList(enumMatch.group(2), text));
    }
    String lower = WHITESPACE.matcher(trimmed.toLowerCase(Locale.ROOT)).replaceAll(" ");
    for (ColumnType.Scalar scalar : ColumnType.Scalar.values()) {
      if (scalar.sql().equals(lower)) {
        return scalar;
      }
    }
    Matcher temporal = TEMPORAL.matcher(lower);
    if (temporal.matches() && (temporal.group(3) == null || temporal.group(1).equals("timestamp"))) {
      ColumnType.Scalar kind = temporal.group(1).equals("time") ? ColumnType.Scalar.TIME
          : temporal.group(3) == null ? ColumnType.Scalar.TIMESTAMP : ColumnType.Scalar.TIMESTAMP_TZ;
      return ColumnType.Temporal.of(kind, Integer.parseInt(temporal.group(2)));
    }
    Matcher sized = SIZED.matcher(lower);
    if (sized.matches()) {
      int first = Integer.parseInt(sized.group(2));
      String second = sized.group(3);
      if (sized.group(1).equals("decimal")) {
        return new ColumnType.Decimal(first, second == null ? 0 : Integer.parseInt(second));
      }
      if (second == null) {
        switch (sized.group(1)) {
          case "char":
            return new ColumnType.Char(first);
          case "varchar":
            return new ColumnType.Varchar(first);
          case "binary":
            return new ColumnType.Binary(first);
          case "varbinary":
            return new ColumnType.Varbinary(first);
          default:
            break;
        }
      }
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a column type; use one of smallint, integer, bigint, boolean,"
            + " real, double, decimal(p,s), char(n), varchar(n), text, date, time, time(p), timestamp,"
            + " timestamp(p), timestamp with time zone, timestamp(p) with time zone, uuid, binary(n),"
            + " varbinary(n), blob, json,"
            + " enum name('a','b')");
  }
}
