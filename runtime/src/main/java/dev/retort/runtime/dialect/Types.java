package dev.retort.runtime.dialect;

import dev.retort.model.ColumnType;

/** Families of column types, for decisions that depend on what kind of value a type holds. */
final class Types {

  private Types() {}

  /** Whether the type is {@code smallint}, {@code integer} or {@code bigint}. */
  static boolean isInteger(ColumnType type) {
    return type == ColumnType.Scalar.SMALLINT || type == ColumnType.Scalar.INTEGER || type == ColumnType.Scalar.BIGINT;
  }

  /** Whether the type is {@code real}, {@code double} or a {@code decimal}. */
  static boolean isFractional(ColumnType type) {
    return type == ColumnType.Scalar.REAL || type == ColumnType.Scalar.DOUBLE || type instanceof ColumnType.Decimal;
  }

  /** Whether the type holds text of bounded or unbounded length (not enums). */
  static boolean isText(ColumnType type) {
    return type == ColumnType.Scalar.TEXT || type instanceof ColumnType.Char || type instanceof ColumnType.Varchar;
  }

  /** Whether the type holds bytes. */
  static boolean isBinary(ColumnType type) {
    return type == ColumnType.Scalar.BLOB || type instanceof ColumnType.Binary || type instanceof ColumnType.Varbinary;
  }

  /**
   * Whether values convert between the two types without an explicit cast: both numbers,
   * both text, both bytes, or one time type of two precisions. PostgreSQL needs {@code USING}
   * otherwise.
   */
  static boolean sameFamily(ColumnType from, ColumnType to) {
    boolean numbers = (isInteger(from) || isFractional(from)) && (isInteger(to) || isFractional(to));
    boolean times = ColumnType.Temporal.isTime(from)
        && ColumnType.Temporal.kindOf(from) == ColumnType.Temporal.kindOf(to);
    return numbers || times || (isText(from) && isText(to)) || (isBinary(from) && isBinary(to));
  }
}
