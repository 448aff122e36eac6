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
        ColumnType.Enumerated {

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
    /** A time of day. */
    TIME("time"),
    /** A date and time without time zone. */
    TIMESTAMP("timestamp"),
    /** An instant: date and time with time zone. */
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
   * @param text such as {@code varchar(20)}, {@code decimal(12, 2)} or
   *     {@code enum status('new','paid')}
   * @return the type
   * @throws IllegalArgumentException naming the text and the accepted forms if it is not a type
   */
  static ColumnType parse(String text) {
    return TypeSyntax.parse(text);
  }
}
