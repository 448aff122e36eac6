package dev.retort;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a check constraint on a {@link Table}: {@code CONSTRAINT name CHECK (expression)}.
 *
 * <p>The expression is SQL, copied into the migration as written; keep it portable across
 * the databases you target.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Check.List.class)
public @interface Check {

  /** The constraint name, such as {@code ck_books_price_positive}. */
  String name();

  /** The SQL boolean expression, such as {@code price >= 0}. */
  String expression();

  /** Holds repeated {@link Check} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    /** The checks. */
    Check[] value();
  }
}
