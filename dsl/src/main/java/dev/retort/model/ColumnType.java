package dev.retort.model;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A dialect-neutral column type. Each runtime dialect maps it to its own SQL type.
 *
 * <p>Migrations create types with the static factories, usually statically imported:
 * {@code varchar(20)}, {@code decimal(12, 2)}, {@code timestamp()}. Every type has a text
 * form ({@link #sql()}), used in snapshots, messages and {@code @Column(type = ...)}, which
 * {@link #parse} reads back.
 */
public sealed interface ColumnType
    permits ColumnType.Scalar,
        ColumnType.Decimal,
        ColumnType.Char,
        ColumnType.Varchar,
        ColumnType.Binary,
        ColumnType.Varbinary,
        ColumnType.Enumerated,
        ColumnType.Temporal {

  /** The type in Retort's text syntax, such as {@code varchar(20)}. */
  String sql();

  /** Types without parameters. */
  enum Scalar implements ColumnType {
    /** 16-bit integer. */
    SMALLINT("smallint"),
    /** 32-bit integer. */
    INTEGER("integer"),
    /** 64-bit integer. */
    BIGINT("bigint"),
    /** True or false. */
    BOOLEAN("boolean"),
    /** 32-bit floating point. */
    REAL("real"),
    /** 64-bit floating point. */
    DOUBLE("double"),
    /** Unbounded text. */
    TEXT("text"),
    /** A calendar date. */
    DATE("date"),
    /** A time of day, to the microsecond; {@link Temporal} has fewer fractional digits. */
    TIME("time"),
    /** A date and time without time zone, to the microsecond; {@link Temporal} has fewer fractional digits. */
    TIMESTAMP("timestamp"),
    /**
     * An instant: date and time with time zone, to the microsecond; {@link Temporal} has fewer
     * fractional digits.
     */
    TIMESTAMP_TZ("timestamp with time zone"),
    /** A UUID. */
    UUID("uuid"),
    /** Unbounded binary data. */
    BLOB("blob"),
    /** A JSON document. */
    JSON("json");

    private final String sql;

    Scalar(String sql) {
      this.sql = sql;
    }

    @Override
    public String sql() {
      return sql;
    }
  }

  /**
   * An exact decimal number.
   *
   * @param precision total digits, 1 to 65
   * @param scale digits after the point, 0 to {@code precision}
   */
  record Decimal(int precision, int scale) implements ColumnType {

    /** The largest precision: MySQL's and MariaDB's, the smallest of the databases'. */
    public static final int MAX_PRECISION = 65;

    /** Validates the bounds. */
    public Decimal {
      if (precision < 1 || precision > MAX_PRECISION) {
        throw new IllegalArgumentException(
            "decimal precision " + precision + " is not between 1 and " + MAX_PRECISION);
      }
      if (scale < 0 || scale > precision) {
        throw new IllegalArgumentException(
            "decimal scale " + scale + " is not between 0 and the precision " + precision);
      }
    }

    @Override
    public String sql() {
      return "decimal(" + precision + "," + scale + ")";
    }
  }

  /**
   * Fixed-length text.
   *
   * @param length characters, 1 to 255
   */
  record Char(int length) implements ColumnType {
    /** Validates the length. */
    public Char {
      if (length < 1 || length > 255) {
        throw new IllegalArgumentException("char length " + length + " is not between 1 and 255");
      }
    }

    @Override
    public String sql() {
      return "char(" + length + ")";
    }
  }

  /**
   * Variable-length text with a maximum length.
   *
   * @param length maximum characters, 1 to 65535
   */
  record Varchar(int length) implements ColumnType {
    /** Validates the length. */
    public Varchar {
      if (length < 1 || length > 65535) {
        throw new IllegalArgumentException("varchar length " + length + " is not between 1 and 65535");
      }
    }

    @Override
    public String sql() {
      return "varchar(" + length + ")";
    }
  }

  /**
   * Fixed-length binary data.
   *
   * @param length bytes, 1 to 255
   */
  record Binary(int length) implements ColumnType {
    /** Validates the length. */
    public Binary {
      if (length < 1 || length > 255) {
        throw new IllegalArgumentException("binary length " + length + " is not between 1 and 255");
      }
    }

    @Override
    public String sql() {
      return "binary(" + length + ")";
    }
  }

  /**
   * Variable-length binary data with a maximum length.
   *
   * @param length maximum bytes, 1 to 65535
   */
  record Varbinary(int length) implements ColumnType {
    /** Validates the length. */
    public Varbinary {
      if (length < 1 || length > 65535) {
        throw new IllegalArgumentException("varbinary length " + length + " is not between 1 and 65535");
      }
    }

    @Override
    public String sql() {
      return "varbinary(" + length + ")";
    }
  }

  /**
   * An enumeration: a named type whose values are a fixed list of strings. PostgreSQL
   * creates a type of this name; MySQL and MariaDB use an inline {@code ENUM}; H2 uses
   * {@code ENUM}; SQLite stores text with a check constraint.
   *
   * @param name the type name, such as {@code order_status}; in {@link #sql()} a name other than
   *     letters, digits and underscores is double-quoted
   * @param values the values in order; distinct, at least one
   */
  record Enumerated(String name, List<String> values) implements ColumnType {

    /** A name written without quotes in {@link #sql()}; any other name is double-quoted. */
    static final String PLAIN_NAME = "[A-Za-z_][A-Za-z0-9_]*";

    /** Validates and copies the values. */
    public Enumerated {
      Names.require("enum name", name);
      Objects.requireNonNull(values, "values == null");
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("enum " + name + " has no values");
      }
      if (new HashSet<>(values).size() != values.size()) {
        throw new IllegalArgumentException("enum " + name + " repeats a value: " + values);
      }
      for (String value : values) {
        if (value.isEmpty()) {
          throw new IllegalArgumentException("enum " + name + " has an empty value");
        }
      }
    }

    @Override
    public String sql() {
      String shownName = name.matches(PLAIN_NAME) ? name : "\"" + name.replace("\"", "\"\"") + "\"";
      StringBuilder out = new StringBuilder("enum ").append(shownName).append('(');
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(Literals.quote(values.get(i)));
      }
      return out.append(')').toString();
    }
  }

  /**
   * A time, timestamp or timestamp with time zone that keeps fewer than six fractional digits
   * of the second, such as a MariaDB {@code DATETIME} (none) or a PostgreSQL
   * {@code timestamp(3)}. Six digits, the microsecond, is the {@link Scalar} itself
   * ({@link Scalar#TIME}, {@link Scalar#TIMESTAMP}, {@link Scalar#TIMESTAMP_TZ}), so that there
   * is one value per type; the factories {@link #time(int)}, {@link #timestamp(int)} and
   * {@link #timestampTz(int)} return it for precision 6.
   *
   * @param kind {@link Scalar#TIME}, {@link Scalar#TIMESTAMP} or {@link Scalar#TIMESTAMP_TZ}
   * @param precision fractional digits of the second, 0 to 5
   */
  record Temporal(Scalar kind, int precision) implements ColumnType {

    /** The precision of the {@link Scalar} time types: microseconds, as every supported database keeps. */
    public static final int MICROSECONDS = 6;

    /** Validates the kind and the precision. */
    public Temporal {
      Objects.requireNonNull(kind, "kind == null");
      if (kind != Scalar.TIME && kind != Scalar.TIMESTAMP && kind != Scalar.TIMESTAMP_TZ) {
        throw new IllegalArgumentException("a fractional-second precision applies to time, timestamp and"
            + " timestamp with time zone, not to " + kind.sql());
      }
      if (precision == MICROSECONDS) {
        String factory = switch (kind) {
          case TIME -> "time";
          case TIMESTAMP -> "timestamp";
          default -> "timestampTz";
        };
        throw new IllegalArgumentException(kind.sql() + " with precision 6 is ColumnType.Scalar." + kind.name()
            + ", not a Temporal; use ColumnType." + factory + "(6) or Temporal.of, which return it");
      }
      if (precision < 0 || precision > MICROSECONDS) {
        throw new IllegalArgumentException(
            kind.sql() + " precision " + precision + " is not between 0 and " + MICROSECONDS);
      }
    }

    /**
     * The time type of this kind with this precision: the {@link Scalar} for 6, a
     * {@code Temporal} for 0 to 5.
     *
     * @param kind {@link Scalar#TIME}, {@link Scalar#TIMESTAMP} or {@link Scalar#TIMESTAMP_TZ}
     * @param precision fractional digits of the second, 0 to 6
     * @return the type
     * @throws IllegalArgumentException if the kind is not a time type or the precision is out of range
     */
    public static ColumnType of(Scalar kind, int precision) {
      if (precision == MICROSECONDS) {
        Objects.requireNonNull(kind, "kind == null");
        if (kind == Scalar.TIME || kind == Scalar.TIMESTAMP || kind == Scalar.TIMESTAMP_TZ) {
          return kind;
        }
      }
      return new Temporal(kind, precision);
    }

    /**
     * The type without its precision: the {@link Scalar} kind of a {@code Temporal}, any other
     * type itself. {@code Temporal.kindOf(type) == Scalar.TIMESTAMP} asks "is this a timestamp,
     * whatever its precision".
     *
     * @param type any type
     * @return the kind of a {@code Temporal}, else {@code type}
     */
    public static ColumnType kindOf(ColumnType type) {
      return type instanceof Temporal temporal ? temporal.kind() : type;
    }

    /**
     * Whether the type is a time, timestamp or timestamp with time zone, of any precision.
     *
     * @param type any type
     * @return true for those three kinds
     */
    public static boolean isTime(ColumnType type) {
      ColumnType kind = kindOf(type);
      return kind == Scalar.TIME || kind == Scalar.TIMESTAMP || kind == Scalar.TIMESTAMP_TZ;
    }

    /**
     * The fractional digits a time type keeps: its precision, 6 for the {@link Scalar}s.
     *
     * @param type a type for which {@link #isTime} is true
     * @return 0 to 6
     * @throws IllegalArgumentException for any other type
     */
    public static int precisionOf(ColumnType type) {
      if (type instanceof Temporal temporal) {
        return temporal.precision();
      }
      if (isTime(type)) {
        return MICROSECONDS;
      }
      throw new IllegalArgumentException(type.sql() + " has no fractional-second precision");
    }

    /** {@code time(3)}, {@code timestamp(0)}, {@code timestamp(3) with time zone}: PostgreSQL's spelling. */
    @Override
    public String sql() {
      return switch (kind) {
        case TIME -> "time(" + precision + ")";
        case TIMESTAMP -> "timestamp(" + precision + ")";
        default -> "timestamp(" + precision + ") with time zone";
      };
    }
  }

  /** {@code smallint}. */
  static ColumnType smallint() {
    return Scalar.SMALLINT;
  }

  /** {@code integer}. */
  static ColumnType integer() {
    return Scalar.INTEGER;
  }

  /** {@code bigint}. */
  static ColumnType bigint() {
    return Scalar.BIGINT;
  }

  /** {@code boolean}. */
  static ColumnType bool() {
    return Scalar.BOOLEAN;
  }

  /** {@code real}: 32-bit floating point. */
  static ColumnType real() {
    return Scalar.REAL;
  }

  /** {@code double}: 64-bit floating point. */
  static ColumnType doublePrecision() {
    return Scalar.DOUBLE;
  }

  /** {@code decimal(precision, scale)}. */
  static ColumnType decimal(int precision, int scale) {
    return new Decimal(precision, scale);
  }

  /** {@code char(length)}. */
  static ColumnType fixedChar(int length) {
    return new Char(length);
  }

  /** {@code varchar(length)}. */
  static ColumnType varchar(int length) {
    return new Varchar(length);
  }

  /** {@code text}: unbounded text. */
  static ColumnType text() {
    return Scalar.TEXT;
  }

  /** {@code date}. */
  static ColumnType date() {
    return Scalar.DATE;
  }

  /** {@code time}. */
  static ColumnType time() {
    return Scalar.TIME;
  }

  /** {@code timestamp}: without time zone. */
  static ColumnType timestamp() {
    return Scalar.TIMESTAMP;
  }

  /** {@code timestamp with time zone}. */
  static ColumnType timestampTz() {
    return Scalar.TIMESTAMP_TZ;
  }

  /**
   * {@code time(precision)}: a time of day keeping {@code precision} fractional digits of the
   * second; {@code time(6)} is {@link #time()}.
   *
   * @param precision 0 to 6
   */
  static ColumnType time(int precision) {
    return Temporal.of(Scalar.TIME, precision);
  }

  /**
   * {@code timestamp(precision)}: without time zone, keeping {@code precision} fractional digits
   * of the second; {@code timestamp(6)} is {@link #timestamp()}.
   *
   * @param precision 0 to 6
   */
  static ColumnType timestamp(int precision) {
    return Temporal.of(Scalar.TIMESTAMP, precision);
  }

  /**
   * {@code timestamp(precision) with time zone}, keeping {@code precision} fractional digits of
   * the second; {@code timestampTz(6)} is {@link #timestampTz()}.
   *
   * @param precision 0 to 6
   */
  static ColumnType timestampTz(int precision) {
    return Temporal.of(Scalar.TIMESTAMP_TZ, precision);
  }

  /** {@code uuid}. */
  static ColumnType uuid() {
    return Scalar.UUID;
  }

  /** {@code binary(length)}. */
  static ColumnType binary(int length) {
    return new Binary(length);
  }

  /** {@code varbinary(length)}. */
  static ColumnType varbinary(int length) {
    return new Varbinary(length);
  }

  /** {@code blob}: unbounded binary data. */
  static ColumnType blob() {
    return Scalar.BLOB;
  }

  /** {@code json}. */
  static ColumnType json() {
    return Scalar.JSON;
  }

  /** {@code enum name('a','b',…)}. */
  static ColumnType enumType(String name, String... values) {
    return new Enumerated(name, List.of(values));
  }

  /**
   * Reads a type in Retort's text syntax, the inverse of {@link #sql()}. Case and spaces
   * around punctuation are ignored.
   *
   * @param text such as {@code varchar(20)}, {@code decimal(12, 2)}, {@code timestamp(3)},
   *     {@code timestamp(0) with time zone} or {@code enum status('new','paid')}
   * @return the type
   * @throws IllegalArgumentException naming the text and the accepted forms if it is not a type
   */
  static ColumnType parse(String text) {
    return TypeSyntax.parse(text);
  }
}
