package dev.retort.internal.limits;

import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/**
 * The bytes that MariaDB and MySQL count for a column in a key and in a row, with their
 * {@code utf8mb4} text and the types Retort renders there (MariaDB 10.11 measured; see
 * {@code docs/entities.md}, "What each database holds").
 *
 * <p>A key (primary key, unique constraint or index) may take at most {@value #MAX_KEY_BYTES}
 * bytes: MariaDB refuses a longer primary key or index on several columns ("Specified key was
 * too long", error 1071), silently indexes a 768-character prefix of a single long column, and
 * silently enforces a long unique key with a hash. Each key column counts its longest value:
 * 4 bytes per character of {@code char} and {@code varchar}, the length of {@code binary} and
 * {@code varbinary}, the storage size of the fixed-size types; nullability counts nothing.
 *
 * <p>A row may take at most {@value #MAX_ROW_BYTES} bytes ("Row size too large", error 1118):
 * each column counts its longest value as in a key, plus 1 length byte for a {@code varchar} or
 * {@code varbinary} of at most 255 bytes and 2 for a longer one; {@code text}, {@code blob} and
 * {@code json} (stored apart, as {@code LONGTEXT}/{@code LONGBLOB}) count 12; and every 8
 * nullable columns count a byte.
 *
 * <p>Where MySQL and MariaDB differ, the smaller count is taken ({@code uuid} is 16 bytes on
 * MariaDB 10.7 and later, {@code CHAR(36)} on MySQL), so that nothing is refused that either
 * takes.
 */
public final class InnoDbSizes {

  /** The largest key, in bytes. */
  public static final int MAX_KEY_BYTES = 3072;

  /** The largest row, in bytes, not counting what text and blob columns store apart. */
  public static final int MAX_ROW_BYTES = 65535;

  /**
   * The longest {@code varchar}, in characters: 4 bytes a character ({@code utf8mb4}) and 2 for
   * the length in a row of {@value #MAX_ROW_BYTES}.
   */
  public static final int MAX_VARCHAR_CHARS = 16383;

  /** The longest {@code varbinary}, in bytes. */
  public static final int MAX_VARBINARY_BYTES = 65532;

  /** The bytes a {@code text}, {@code blob} or {@code json} column counts in a row. */
  private static final int LARGE_IN_ROW = 12;

  private InnoDbSizes() {}

  /**
   * The bytes a column of this type counts in a key, or empty for {@code text}, {@code blob} and
   * {@code json}, which MariaDB and MySQL index by a prefix or a hash, or not at all.
   *
   * @param type the column type
   * @return the bytes of its longest value in a key
   */
  public static OptionalInt keyBytes(ColumnType type) {
    if (type instanceof ColumnType.Varchar varchar) {
      return OptionalInt.of(4 * varchar.length());
    }
    if (type instanceof ColumnType.Char fixed) {
      return OptionalInt.of(4 * fixed.length());
    }
    if (type instanceof ColumnType.Varbinary varbinary) {
      return OptionalInt.of(varbinary.length());
    }
    if (type instanceof ColumnType.Binary binary) {
      return OptionalInt.of(binary.length());
    }
    if (type instanceof ColumnType.Decimal decimal) {
      return OptionalInt.of(decimalBytes(decimal.precision() - decimal.scale()) + decimalBytes(decimal.scale()));
    }
    if (type instanceof ColumnType.Enumerated enumerated) {
      return OptionalInt.of(enumerated.values().size() > 255 ? 2 : 1);
    }
    if (type instanceof ColumnType.Temporal temporal) {
      // The microsecond types below keep 3 bytes of fraction; p digits take (p + 1) / 2 bytes.
      int microseconds = keyBytes(temporal.kind()).getAsInt();
      return OptionalInt.of(microseconds - 3 + (temporal.precision() + 1) / 2);
    }
    ColumnType.Scalar scalar = (ColumnType.Scalar) type;
    return switch (scalar) {
      case BOOLEAN -> OptionalInt.of(1);
      case SMALLINT -> OptionalInt.of(2);
      case DATE -> OptionalInt.of(3);
      case INTEGER, REAL -> OptionalInt.of(4);
      case TIME -> OptionalInt.of(6);
      case TIMESTAMP_TZ -> OptionalInt.of(7);
      case BIGINT, DOUBLE, TIMESTAMP -> OptionalInt.of(8);
      case UUID -> OptionalInt.of(16);
      case TEXT, BLOB, JSON -> OptionalInt.empty();
    };
  }

  /**
   * The bytes a key over these columns counts, or empty if one of them is {@code text},
   * {@code blob} or {@code json}.
   *
   * @param columns the key's columns
   * @return the sum of their {@link #keyBytes(ColumnType)}
   */
  public static OptionalInt keyBytes(List<ColumnModel> columns) {
    int sum = 0;
    for (ColumnModel column : columns) {
      OptionalInt bytes = keyBytes(column.type());
      if (bytes.isEmpty()) {
        return OptionalInt.empty();
      }
      sum += bytes.getAsInt();
    }
    return OptionalInt.of(sum);
  }

  /**
   * The bytes a column of this type counts in a row, without its share of the nullable columns'
   * bits.
   *
   * @param type the column type
   * @return its longest value with its length bytes
   */
  public static int rowBytes(ColumnType type) {
    OptionalInt key = keyBytes(type);
    if (key.isEmpty()) {
      return LARGE_IN_ROW;
    }
    boolean variable = type instanceof ColumnType.Varchar || type instanceof ColumnType.Varbinary;
    return key.getAsInt() + (variable ? (key.getAsInt() > 255 ? 2 : 1) : 0);
  }

  /**
   * The bytes a row of these columns counts: their {@link #rowBytes(ColumnType)} and a byte for
   * every 8 nullable columns.
   *
   * @param columns the table's columns
   * @return the row size MariaDB and MySQL compare with {@link #MAX_ROW_BYTES}
   */
  public static int rowBytes(List<ColumnModel> columns) {
    int sum = 0;
    int nullable = 0;
    for (ColumnModel column : columns) {
      sum += rowBytes(column.type());
      nullable += column.nullable() ? 1 : 0;
    }
    return sum + (nullable + 7) / 8;
  }

  /**
   * The columns that count most in a row, largest first, at most {@code limit} of them, each as
   * {@code name type (n bytes)}, for a message.
   *
   * @param columns the table's columns
   * @param limit how many to name
   * @return the largest columns
   */
  public static List<String> largestInRow(List<ColumnModel> columns, int limit) {
    return columns.stream()
        .sorted(Comparator.comparingInt((ColumnModel c) -> rowBytes(c.type())).reversed())
        .limit(limit)
        .map(c -> c.name() + " " + c.type().sql() + " (" + rowBytes(c.type()) + " bytes)")
        .toList();
  }

  /** The bytes of a decimal's digits on one side of the point: 4 for every 9 digits, and the rest. */
  private static int decimalBytes(int digits) {
    int[] rest = {0, 1, 1, 2, 2, 3, 3, 4, 4};
    return digits / 9 * 4 + rest[digits % 9];
  }
}
