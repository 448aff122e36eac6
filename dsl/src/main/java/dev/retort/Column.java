package dev.retort;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Customises the column that a field or record component of a {@link Table} maps to.
 *
 * <p>Without this annotation a member still maps to a column, with its name in snake_case
 * and its type and nullability derived from the Java type (see the type mapping in the
 * user guide).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Column {

  /** The column name; empty derives it from the member name ({@code createdAt} → {@code created_at}). */
  String name() default "";

  /** Length of a {@code varchar}, {@code char} or {@code varbinary} column; 0 means the default (255). */
  int length() default 0;

  /**
   * Precision of a {@code decimal} column, 0 or absent meaning the default (19); or the digits of
   * the second a {@code time}, {@code timestamp} or {@code timestamp with time zone} column keeps
   * ({@code LocalTime}, {@code LocalDateTime}, {@code Instant}, {@code OffsetDateTime}), from 0
   * (whole seconds, as MariaDB's {@code DATETIME}) to 6, absent meaning 6 (microseconds).
   */
  int precision() default 0;

  /** Scale of a {@code decimal} column; -1 means the default (2). */
  int scale() default -1;

  /**
   * Whether the column accepts NULL. {@link Nullability#DERIVED} (the default) takes it
   * from the Java type: primitives, {@link Id} members and members annotated with an
   * annotation named {@code NotNull} or {@code NonNull} are NOT NULL; reference types are
   * nullable.
   */
  Nullability nullable() default Nullability.DERIVED;

  /** Whether the column alone is unique: a unique constraint named {@code uq_<table>_<column>}. */
  boolean unique() default false;

  /**
   * The column default as a literal value ({@code "0"}, {@code "draft"}, {@code "true"}),
   * rendered as a quoted literal of the column's type. Empty means no default.
   */
  String defaultValue() default "";

  /**
   * The column default as a SQL expression ({@code "CURRENT_TIMESTAMP"}), rendered as
   * written. Empty means none. At most one of {@code defaultValue} and
   * {@code defaultExpression} may be set.
   */
  String defaultExpression() default "";

  /**
   * An explicit column type in Retort's type syntax, overriding the type derived from the
   * Java type: {@code "text"}, {@code "varchar(40)"}, {@code "decimal(12,2)"},
   * {@code "json"}, {@code "timestamp with time zone"}. Required for Java types Retort does
   * not map by itself.
   */
  String type() default "";

  /** A comment stored on the column; empty means none. */
  String comment() default "";

  /** Explicit nullability of a column. */
  enum Nullability {
    /** Derived from the Java type and annotations. */
    DERIVED,
    /** The column accepts NULL. */
    NULLABLE,
    /** The column is NOT NULL. */
    NOT_NULL
  }
}
