package dev.retort.operation;

import dev.retort.model.ColumnType;
import java.util.HashSet;
import java.util.List;

/** Decides whether a type change can lose or reject existing values. */
final class TypeWidth {

  private static final List<ColumnType.Scalar> INTEGERS =
      List.of(ColumnType.Scalar.SMALLINT, ColumnType.Scalar.INTEGER, ColumnType.Scalar.BIGINT);

  private TypeWidth() {}

  static boolean narrows(ColumnType from, ColumnType to) {
    if (from instanceof ColumnType.Varchar f && to instanceof ColumnType.Varchar t) {
      return t.length() < f.length();
    }
    if (from instanceof ColumnType.Varbinary f && to instanceof ColumnType.Varbinary t) {
      return t.length() < f.length();
    }
    if (from instanceof ColumnType.Char f && to instanceof ColumnType.Char t) {
      return t.length() < f.length();
    }
    if (from instanceof ColumnType.Decimal f && to instanceof ColumnType.Decimal t) {
      return t.scale() < f.scale() || t.precision() - t.scale() < f.precision() - f.scale();
    }
    if (INTEGERS.contains(from) && INTEGERS.contains(to)) {
      return INTEGERS.indexOf(to) < INTEGERS.indexOf(from);
    }
    if (from instanceof ColumnType.Enumerated f && to instanceof ColumnType.Enumerated t) {
      return !new HashSet<>(t.values()).containsAll(f.values());
    }
    if (from instanceof ColumnType.Char || from instanceof ColumnType.Varchar) {
      return !(to == ColumnType.Scalar.TEXT
          || (to instanceof ColumnType.Varchar v && from instanceof ColumnType.Char c && v.length() >= c.length()));
    }
    if (INTEGERS.contains(from)) {
      return !(to instanceof ColumnType.Decimal
          || to == ColumnType.Scalar.DOUBLE
          || to == ColumnType.Scalar.TEXT);
    }
    return true;
  }
}
