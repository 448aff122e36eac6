package dev.retort.operation;

import dev.retort.model.ColumnType;
import java.util.HashSet;
import java.util.List;

/**
 * Decides whether a type change can lose or reject existing values. A change is taken as
 * safe only when every value of the old type has an exact value in the new one; any other
 * conversion, including those a database might perform without complaint (text to number,
 * timestamp to timestamp with time zone), counts as narrowing.
 */
final class TypeWidth {

  private static final List<ColumnType.Scalar> INTEGERS =
      List.of(ColumnType.Scalar.SMALLINT, ColumnType.Scalar.INTEGER, ColumnType.Scalar.BIGINT);

  /** Decimal digits of the largest value of each integer type, in {@link #INTEGERS} order. */
  private static final List<Integer> INTEGER_DIGITS = List.of(5, 10, 19);

  /** Characters of the longest value of each integer type, with its minus sign. */
  private static final List<Integer> INTEGER_WIDTHS = List.of(6, 11, 20);

  /** Significand bits of real and double: integers up to that width convert exactly. */
  private static final int REAL_BITS = 24;
  private static final int DOUBLE_BITS = 53;
  private static final List<Integer> INTEGER_BITS = List.of(16, 32, 64);

  private TypeWidth() {}

  static boolean narrows(ColumnType from, ColumnType to) {
    if (from.equals(to) || to == ColumnType.Scalar.TEXT && convertsExactlyToText(from)) {
      return false;
    }
    if (INTEGERS.contains(from)) {
      return integerNarrows(INTEGERS.indexOf(from), to);
    }
    if (from instanceof ColumnType.Varchar f && to instanceof ColumnType.Varchar t) {
      return t.length() < f.length();
    }
    if (from instanceof ColumnType.Char f && to instanceof ColumnType.Char t) {
      return t.length() < f.length();
    }
    if (from instanceof ColumnType.Char f && to instanceof ColumnType.Varchar t) {
      return t.length() < f.length();
    }
    if (from instanceof ColumnType.Varbinary f && to instanceof ColumnType.Varbinary t) {
      return t.length() < f.length();
    }
    if (from instanceof ColumnType.Binary f && to instanceof ColumnType.Varbinary t) {
      return t.length() < f.length();
    }
    if (to == ColumnType.Scalar.BLOB
        && (from instanceof ColumnType.Binary || from instanceof ColumnType.Varbinary)) {
      return false;
    }
    if (from instanceof ColumnType.Decimal f && to instanceof ColumnType.Decimal t) {
      return t.scale() < f.scale() || t.precision() - t.scale() < f.precision() - f.scale();
    }
    if (ColumnType.Temporal.isTime(from) && ColumnType.Temporal.kindOf(from) == ColumnType.Temporal.kindOf(to)) {
      return ColumnType.Temporal.precisionOf(to) < ColumnType.Temporal.precisionOf(from);
    }
    if (from instanceof ColumnType.Enumerated f && to instanceof ColumnType.Enumerated t) {
      return !new HashSet<>(t.values()).containsAll(f.values());
    }
    if (from instanceof ColumnType.Enumerated f && to instanceof ColumnType.Varchar t) {
      return f.values().stream().anyMatch(v -> v.codePointCount(0, v.length()) > t.length());
    }
    return !(from == ColumnType.Scalar.REAL && to == ColumnType.Scalar.DOUBLE);
  }

  private static boolean integerNarrows(int rank, ColumnType to) {
    if (INTEGERS.contains(to)) {
      return INTEGERS.indexOf(to) < rank;
    }
    if (to instanceof ColumnType.Decimal t) {
      return t.precision() - t.scale() < INTEGER_DIGITS.get(rank);
    }
    if (to instanceof ColumnType.Varchar t) {
      return t.length() < INTEGER_WIDTHS.get(rank);
    }
    if (to == ColumnType.Scalar.REAL) {
      return INTEGER_BITS.get(rank) > REAL_BITS;
    }
    if (to == ColumnType.Scalar.DOUBLE) {
      return INTEGER_BITS.get(rank) > DOUBLE_BITS;
    }
    return true;
  }

  /** Whether every value of the type has one exact text form. */
  private static boolean convertsExactlyToText(ColumnType type) {
    return type instanceof ColumnType.Char
        || type instanceof ColumnType.Varchar
        || type instanceof ColumnType.Enumerated
        || INTEGERS.contains(type)
        || type instanceof ColumnType.Decimal;
  }
}
