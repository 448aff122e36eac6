package dev.retort;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a unique constraint on a {@link Table}: {@code CONSTRAINT name UNIQUE (columns)}.
 *
 * <pre>{@code
 * @Table(name = "coupons")
 * @Unique(columns = {"customer_id", "code"})
 * public record Coupon(...) {}
 * }</pre>
 *
 * <p>A unique constraint on one column is the same as {@link Column#unique()}. Unlike a unique
 * {@link Index}, it is a constraint: PostgreSQL, H2 and SQLite keep it apart from the indexes, and
 * a foreign key can reference its columns.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Unique.List.class)
public @interface Unique {

  /** The constraint name; empty derives {@code uq_<table>_<columns>}. */
  String name() default "";

  /** The constrained columns by column name (not Java member name), in constraint order. */
  String[] columns();

  /** Holds repeated {@link Unique} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    /** The unique constraints. */
    Unique[] value();
  }
}
