package dev.retort.processor.scan;

import dev.retort.model.ColumnType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The Java type → SQL column type mapping, used for every member without {@code @Column(type =
 * ...)}.
 *
 * <table>
 *   <caption>Java types and the column types they map to</caption>
 *   <tr><th>Java type</th><th>Column type</th><th>Sizes from {@code @Column}</th></tr>
 *   <tr><td>{@code String}</td><td>{@code varchar(255)}</td><td>{@code length} → {@code varchar(length)}</td></tr>
 *   <tr><td>{@code char}, {@code Character}</td><td>{@code char(1)}</td><td>none</td></tr>
 *   <tr><td>{@code boolean}, {@code Boolean}</td><td>{@code boolean}</td><td>none</td></tr>
 *   <tr><td>{@code byte}, {@code Byte}, {@code short}, {@code Short}</td><td>{@code smallint}</td><td>none</td></tr>
 *   <tr><td>{@code int}, {@code Integer}</td><td>{@code integer}</td><td>none</td></tr>
 *   <tr><td>{@code long}, {@code Long}</td><td>{@code bigint}</td><td>none</td></tr>
 *   <tr><td>{@code float}, {@code Float}</td><td>{@code real}</td><td>none</td></tr>
 *   <tr><td>{@code double}, {@code Double}</td><td>{@code double}</td><td>none</td></tr>
 *   <tr><td>{@code BigDecimal}</td><td>{@code decimal(19,2)}</td>
 *       <td>{@code precision} (default 19), {@code scale} (default 2)</td></tr>
 *   <tr><td>{@code UUID}</td><td>{@code uuid}</td><td>none</td></tr>
 *   <tr><td>{@code LocalDate}</td><td>{@code date}</td><td>none</td></tr>
 *   <tr><td>{@code LocalTime}</td><td>{@code time}</td><td>{@code precision} → {@code time(precision)}</td></tr>
 *   <tr><td>{@code LocalDateTime}</td><td>{@code timestamp}</td>
 *       <td>{@code precision} → {@code timestamp(precision)}</td></tr>
 *   <tr><td>{@code Instant}, {@code OffsetDateTime}</td><td>{@code timestamp with time zone}</td>
 *       <td>{@code precision} → {@code timestamp(precision) with time zone}</td></tr>
 *   <tr><td>{@code byte[]}</td><td>{@code blob}</td><td>{@code length} → {@code varbinary(length)}</td></tr>
 *   <tr><td>{@code OptionalInt}, {@code OptionalLong}, {@code OptionalDouble}</td>
 *       <td>{@code integer}, {@code bigint}, {@code double}</td><td>none</td></tr>
 *   <tr><td>a Java {@code enum}</td>
 *       <td>{@code enum <snake_case simple name>('CONSTANT', …)}: the constants in declaration order</td>
 *       <td>none</td></tr>
 *   <tr><td>{@code Optional<T>}</td><td>the type of {@code T}</td><td>those of {@code T}</td></tr>
 * </table>
 *
 * <p>Nullability: primitives are NOT NULL; every other type, and all {@code Optional} types, are
 * nullable. ({@code @Id}, {@code NotNull}/{@code NonNull} annotations and {@code @Column(nullable =
 * ...)} override this; see {@link EntityScanner}.) Any other Java type needs an explicit
 * {@code @Column(type = ...)}, or {@code @Transient} to map to no column.
 */
final class TypeMapping {

  /** Which {@code @Column} sizes a mapped type accepts. */
  enum Sizing {
    /** No sizes: {@code length}, {@code precision} and {@code scale} do not apply. */
    NONE,
    /** {@code length} applies. */
    LENGTH,
    /** {@code precision} and {@code scale} apply. */
    PRECISION_SCALE,
    /** {@code precision} applies: the fractional digits of the second of a time or timestamp. */
    PRECISION
  }

  /**
   * The sizes given on {@code @Column}, with "not given" markers: {@code length} 0,
   * {@code precision} and {@code scale} -1. (A precision of 0 is given: whole seconds.)
   *
   * @param length the length, or 0
   * @param precision the precision, or -1
   * @param scale the scale, or -1
   */
  record Sizes(int length, int precision, int scale) {
    /** The marker of a precision or scale not given. */
    static final int NOT_GIVEN = -1;

    /** No sizes given. */
    static final Sizes NONE = new Sizes(0, NOT_GIVEN, NOT_GIVEN);
  }

  /**
   * A Java type Retort can map.
   *
   * @param javaName the Java type as users write it, for messages
   * @param sizing which sizes apply
   * @param columnType builds the column type from the sizes; throws {@link
   *     IllegalArgumentException} for sizes out of range
   */
  record Mapped(String javaName, Sizing sizing, Function<Sizes, ColumnType> columnType) {}

  private static final Set<String> OPTIONALS =
      Set.of(
          "java.util.Optional",
          "java.util.OptionalInt",
          "java.util.OptionalLong",
          "java.util.OptionalDouble");

  /** The table above, keyed by primitive keyword or qualified class name. */
  private static final Map<String, Mapped> TABLE = table();

  private TypeMapping() {}

  /**
   * Maps a member's Java type.
   *
   * @param type the member's type as seen from the entity (type variables resolved)
   * @return the mapping, or empty if Retort has none for the type
   */
  static Optional<Mapped> map(TypeMirror type) {
    if (type.getKind() == TypeKind.DECLARED) {
      DeclaredType declared = (DeclaredType) type;
      if (qualifiedName(declared).equals("java.util.Optional")) {
        if (declared.getTypeArguments().size() != 1) {
          return Optional.empty();
        }
        return mapValue(declared.getTypeArguments().get(0));
      }
    }
    return mapValue(type);
  }

  /**
   * Whether the type is {@code Optional<T>}, {@code OptionalInt}, {@code OptionalLong} or {@code
   * OptionalDouble}.
   */
  static boolean isOptional(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && OPTIONALS.contains(qualifiedName((DeclaredType) type));
  }

  /** The enum a member of this type maps from, directly or as {@code Optional<E>}. */
  static Optional<TypeElement> enumElement(TypeMirror type) {
    TypeMirror value = type;
    if (type.getKind() == TypeKind.DECLARED
        && qualifiedName((DeclaredType) type).equals("java.util.Optional")
        && ((DeclaredType) type).getTypeArguments().size() == 1) {
      value = ((DeclaredType) type).getTypeArguments().get(0);
    }
    if (value.getKind() == TypeKind.DECLARED) {
      Element element = ((DeclaredType) value).asElement();
      if (element.getKind() == ElementKind.ENUM) {
        return Optional.of((TypeElement) element);
      }
    }
    return Optional.empty();
  }

  /** The Java types {@link #map} accepts, for messages. */
  static String supportedTypes() {
    List<String> names = new ArrayList<>();
    TABLE.values().forEach(m -> names.add(m.javaName()));
    return String.join(", ", names) + ", Java enums, and Optional<T> of any of these";
  }

  private static String qualifiedName(DeclaredType type) {
    return ((TypeElement) type.asElement()).getQualifiedName().toString();
  }

  private static Optional<Mapped> mapValue(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return Optional.ofNullable(TABLE.get(type.getKind().name().toLowerCase(Locale.ROOT)));
    }
    if (type.getKind() == TypeKind.ARRAY
        && ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE) {
      return Optional.of(TABLE.get("byte[]"));
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    if (element.getKind() == ElementKind.ENUM) {
      return Optional.of(enumMapping(element));
    }
    return Optional.ofNullable(TABLE.get(element.getQualifiedName().toString()));
  }

  /**
   * An enum maps to an enum type named after the Java enum. (An enum without constants has no
   * values, which {@link ColumnType.Enumerated} rejects; the scanner reports it first.)
   */
  private static Mapped enumMapping(TypeElement element) {
    List<String> constants = new ArrayList<>();
    for (Element enclosed : element.getEnclosedElements()) {
      if (enclosed.getKind() == ElementKind.ENUM_CONSTANT) {
        constants.add(enclosed.getSimpleName().toString());
      }
    }
    String name = SqlNames.snakeCase(element.getSimpleName().toString());
    return new Mapped(
        element.getSimpleName().toString(),
        Sizing.NONE,
        sizes -> new ColumnType.Enumerated(name, constants));
  }

  private static Map<String, Mapped> table() {
    Map<String, Mapped> table = new LinkedHashMap<>();
    put(
        table,
        "java.lang.String",
        Sizing.LENGTH,
        sizes -> ColumnType.varchar(sizes.length() == 0 ? DefaultSizes.LENGTH : sizes.length()));
    fixed(table, "char", ColumnType.fixedChar(1));
    fixed(table, "java.lang.Character", ColumnType.fixedChar(1));
    fixed(table, "boolean", ColumnType.bool());
    fixed(table, "java.lang.Boolean", ColumnType.bool());
    fixed(table, "byte", ColumnType.smallint());
    fixed(table, "java.lang.Byte", ColumnType.smallint());
    fixed(table, "short", ColumnType.smallint());
    fixed(table, "java.lang.Short", ColumnType.smallint());
    fixed(table, "int", ColumnType.integer());
    fixed(table, "java.lang.Integer", ColumnType.integer());
    fixed(table, "long", ColumnType.bigint());
    fixed(table, "java.lang.Long", ColumnType.bigint());
    fixed(table, "float", ColumnType.real());
    fixed(table, "java.lang.Float", ColumnType.real());
    fixed(table, "double", ColumnType.doublePrecision());
    fixed(table, "java.lang.Double", ColumnType.doublePrecision());
    put(
        table,
        "java.math.BigDecimal",
        Sizing.PRECISION_SCALE,
        // A decimal's precision of 0 has always meant the default, as JPA's does.
        sizes ->
            ColumnType.decimal(
                sizes.precision() == Sizes.NOT_GIVEN || sizes.precision() == 0
                    ? DefaultSizes.PRECISION
                    : sizes.precision(),
                sizes.scale() == -1 ? DefaultSizes.SCALE : sizes.scale()));
    fixed(table, "java.util.UUID", ColumnType.uuid());
    fixed(table, "java.time.LocalDate", ColumnType.date());
    time(table, "java.time.LocalTime", ColumnType.Scalar.TIME);
    time(table, "java.time.LocalDateTime", ColumnType.Scalar.TIMESTAMP);
    time(table, "java.time.Instant", ColumnType.Scalar.TIMESTAMP_TZ);
    time(table, "java.time.OffsetDateTime", ColumnType.Scalar.TIMESTAMP_TZ);
    put(
        table,
        "byte[]",
        Sizing.LENGTH,
        sizes -> sizes.length() == 0 ? ColumnType.blob() : ColumnType.varbinary(sizes.length()));
    fixed(table, "java.util.OptionalInt", ColumnType.integer());
    fixed(table, "java.util.OptionalLong", ColumnType.bigint());
    fixed(table, "java.util.OptionalDouble", ColumnType.doublePrecision());
    return table;
  }

  /** A time type: microseconds unless a precision is given. */
  private static void time(Map<String, Mapped> table, String javaType, ColumnType.Scalar kind) {
    put(table, javaType, Sizing.PRECISION,
        sizes -> sizes.precision() == Sizes.NOT_GIVEN ? kind : ColumnType.Temporal.of(kind, sizes.precision()));
  }

  private static void fixed(Map<String, Mapped> table, String javaType, ColumnType type) {
    put(table, javaType, Sizing.NONE, sizes -> type);
  }

  private static void put(
      Map<String, Mapped> table, String javaType, Sizing sizing, Function<Sizes, ColumnType> type) {
    table.put(javaType, new Mapped(simpleName(javaType), sizing, type));
  }

  private static String simpleName(String javaType) {
    return javaType.substring(javaType.lastIndexOf('.') + 1);
  }
}
