package dev.retort.cli.internal.entities;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.retort.internal.limits.DecimalScales;
import dev.retort.internal.limits.InnoDbSizes;
import dev.retort.model.ColumnType;
import dev.retort.processor.scan.DefaultSizes;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The processor's Java type → column type mapping, run backwards: for a column type, the Java
 * type (and the {@code @Column} sizes or {@code type}) that the processor maps to exactly that
 * type. {@code TypeMapping} in the processor is the forward mapping; docs/entities.md's table of
 * types shows both.
 *
 * <p>Where the processor maps several Java types to one column type, the member takes the one
 * an entity written by hand would: {@code short} for {@code smallint} (not {@code byte}),
 * {@code Instant} for {@code timestamp with time zone} (not {@code OffsetDateTime}). Column types
 * no Java type maps to without {@code @Column(type = …)} ({@code text}, {@code json},
 * {@code char(n)} but {@code char(1)}, {@code binary(n)}) are a {@code String} or
 * {@code byte[]} with the type spelled out, as is an enum type unless {@link EntityImport}
 * writes a Java enum for it ({@link #enumType}).
 */
public final class JavaTypes {

  private JavaTypes() {}

  /**
   * A member's Java type and the {@code @Column} attributes its column type needs.
   *
   * @param primitive the type for a NOT NULL column, a primitive where there is one
   * @param boxed the type for a nullable column
   * @param length {@code @Column(length)}, or 0 for none
   * @param precision {@code @Column(precision)}, or -1 for none (0 is a time's whole seconds)
   * @param scale {@code @Column(scale)}, or -1 for none
   * @param explicitType {@code @Column(type)}, if the type needs it
   */
  public record JavaType(TypeName primitive, TypeName boxed, int length, int precision, int scale,
      Optional<String> explicitType) {

    /** Whether a NOT NULL column of this type is a primitive, NOT NULL without saying so. */
    public boolean hasPrimitive() {
      return primitive.isPrimitive();
    }

    /** The member's type for a column that is or is not nullable. */
    public TypeName type(boolean nullable) {
      return nullable ? boxed : primitive;
    }
  }

  /**
   * The Java type the processor maps to a column type.
   *
   * @param type the column type
   * @return the Java type and the attributes it needs
   */
  public static JavaType of(ColumnType type) {
    if (type instanceof ColumnType.Scalar scalar) {
      switch (scalar) {
        case SMALLINT:
          return primitive(TypeName.SHORT);
        case INTEGER:
          return primitive(TypeName.INT);
        case BIGINT:
          return primitive(TypeName.LONG);
        case BOOLEAN:
          return primitive(TypeName.BOOLEAN);
        case REAL:
          return primitive(TypeName.FLOAT);
        case DOUBLE:
          return primitive(TypeName.DOUBLE);
        case DATE:
          return object(ClassName.get(LocalDate.class));
        case TIME:
          return object(ClassName.get(LocalTime.class));
        case TIMESTAMP:
          return object(ClassName.get(LocalDateTime.class));
        case TIMESTAMP_TZ:
          return object(ClassName.get(Instant.class));
        case UUID:
          return object(ClassName.get(UUID.class));
        case BLOB:
          return object(ArrayTypeName.of(TypeName.BYTE));
        case TEXT:
        case JSON:
          return explicit(ClassName.get(String.class), type);
        default:
          throw new AssertionError(scalar);
      }
    }
    if (type instanceof ColumnType.Varchar varchar) {
      return new JavaType(ClassName.get(String.class), ClassName.get(String.class),
          varchar.length() == DefaultSizes.LENGTH ? 0 : varchar.length(), -1, -1, Optional.empty());
    }
    if (type instanceof ColumnType.Char fixed) {
      return fixed.length() == 1 ? primitive(TypeName.CHAR) : explicit(ClassName.get(String.class), type);
    }
    if (type instanceof ColumnType.Decimal decimal) {
      boolean standard = decimal.precision() == DefaultSizes.PRECISION && decimal.scale() == DefaultSizes.SCALE;
      return new JavaType(ClassName.get(BigDecimal.class), ClassName.get(BigDecimal.class), 0,
          standard ? -1 : decimal.precision(), standard ? -1 : decimal.scale(), Optional.empty());
    }
    if (type instanceof ColumnType.Varbinary varbinary) {
      TypeName bytes = ArrayTypeName.of(TypeName.BYTE);
      return new JavaType(bytes, bytes, varbinary.length(), -1, -1, Optional.empty());
    }
    if (type instanceof ColumnType.Binary) {
      return explicit(ArrayTypeName.of(TypeName.BYTE), type);
    }
    if (type instanceof ColumnType.Enumerated) {
      return explicit(ClassName.get(String.class), type);
    }
    if (type instanceof ColumnType.Temporal temporal) {
      JavaType microseconds = of(temporal.kind());
      return new JavaType(microseconds.primitive(), microseconds.boxed(), 0, temporal.precision(), -1,
          Optional.empty());
    }
    throw new AssertionError(type);
  }

  /**
   * A Java enum written beside the entities, which the processor maps to an enum type of its
   * constants.
   *
   * @param simpleName the enum's simple name, in the entities' package
   * @return the Java type
   */
  public static JavaType enumType(String simpleName) {
    return object(ClassName.get("", simpleName));
  }

  /**
   * The column types a live type may be, in the order of preference: the numbers in the live
   * spelling give the sizes. Only types an entity may declare are candidates: a
   * {@code varchar} of at most {@value InnoDbSizes#MAX_VARCHAR_CHARS} characters, a scale of at most MySQL's
   * {@value DecimalScales#MYSQL}.
   *
   * @param spelled the live type, such as {@code character varying(40)}
   * @return the candidates, the preferred first
   */
  public static List<ColumnType> candidates(String spelled) {
    List<Integer> numbers = numbers(spelled);
    List<ColumnType> candidates = new ArrayList<>(List.of(
        ColumnType.Scalar.SMALLINT, ColumnType.Scalar.INTEGER, ColumnType.Scalar.BIGINT, ColumnType.Scalar.BOOLEAN,
        ColumnType.Scalar.REAL, ColumnType.Scalar.DOUBLE, ColumnType.Scalar.DATE, ColumnType.Scalar.TIME,
        ColumnType.Scalar.TIMESTAMP, ColumnType.Scalar.TIMESTAMP_TZ));
    // Fewer digits of the second: spelled with them, or without any where that means none (MariaDB's datetime).
    int digits = numbers.isEmpty() ? 0 : numbers.get(0);
    if (digits >= 0 && digits < ColumnType.Temporal.MICROSECONDS) {
      for (ColumnType.Scalar kind : List.of(ColumnType.Scalar.TIME, ColumnType.Scalar.TIMESTAMP,
          ColumnType.Scalar.TIMESTAMP_TZ)) {
        candidates.add(new ColumnType.Temporal(kind, digits));
      }
    }
    if (!numbers.isEmpty()) {
      int length = numbers.get(0);
      if (length >= 1 && length <= InnoDbSizes.MAX_VARCHAR_CHARS) {
        candidates.add(new ColumnType.Varchar(length));
      }
      if (length >= 1 && length <= 255) {
        candidates.add(new ColumnType.Char(length));
      }
    } else {
      candidates.add(new ColumnType.Varchar(DefaultSizes.LENGTH));
    }
    candidates.add(ColumnType.Scalar.UUID);
    if (numbers.size() >= 2) {
      int precision = numbers.get(0);
      int scale = numbers.get(1);
      if (precision >= 1 && precision <= ColumnType.Decimal.MAX_PRECISION && scale >= 0 && scale <= precision
          && scale <= DecimalScales.MYSQL) {
        candidates.add(new ColumnType.Decimal(precision, scale));
      }
    }
    candidates.add(ColumnType.Scalar.BLOB);
    if (!numbers.isEmpty()) {
      int length = numbers.get(0);
      if (length >= 1 && length <= InnoDbSizes.MAX_VARBINARY_BYTES) {
        candidates.add(new ColumnType.Varbinary(length));
      }
      if (length >= 1 && length <= 255) {
        candidates.add(new ColumnType.Binary(length));
      }
    }
    candidates.add(ColumnType.Scalar.TEXT);
    candidates.add(ColumnType.Scalar.JSON);
    return candidates;
  }

  /** The whole numbers in a type's spelling outside quotes, in order. */
  private static List<Integer> numbers(String spelled) {
    List<Integer> numbers = new ArrayList<>();
    boolean quoted = false;
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i <= spelled.length(); i++) {
      char c = i < spelled.length() ? spelled.charAt(i) : ' ';
      if (c == '\'') {
        quoted = !quoted;
      }
      if (!quoted && Character.isDigit(c) && (digits.length() > 0 || i == 0 || !Character.isLetter(spelled.charAt(i - 1)))) {
        digits.append(c);
      } else if (digits.length() > 0) {
        if (digits.length() <= 9) {
          numbers.add(Integer.parseInt(digits.toString()));
        } else {
          numbers.add(Integer.MAX_VALUE);
        }
        digits.setLength(0);
      }
    }
    return numbers;
  }

  private static JavaType primitive(TypeName primitive) {
    return new JavaType(primitive, primitive.box(), 0, -1, -1, Optional.empty());
  }

  private static JavaType object(TypeName type) {
    return new JavaType(type, type, 0, -1, -1, Optional.empty());
  }

  private static JavaType explicit(TypeName type, ColumnType columnType) {
    return new JavaType(type, type, 0, -1, -1, Optional.of(columnType.sql()));
  }
}
