package dev.retort;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a view: {@code CREATE VIEW name AS query}, on the type the application reads its
 * rows into.
 *
 * <pre>{@code
 * @View("SELECT id, email FROM customers WHERE active")
 * public record ActiveCustomer(long id, String email) {}
 * }</pre>
 *
 * <p>The type's members are not columns and declare nothing: the view's columns are what the
 * query selects. The query is SQL the application owns, kept as written (without the white space
 * around it) and run as written on every database the project targets; a view that needs one
 * database's SQL is created with {@code execute} in a migration written by hand instead.
 *
 * <p>A migration that changes a table a view reads drops the view before the change and creates
 * it again after it, since PostgreSQL refuses to drop or retype a column a view reads.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface View {

  /** The query, a {@code SELECT} without a closing semicolon. */
  String value();

  /**
   * The view name. Empty (the default) derives it from the simple type name as {@link Table}
   * does: {@code ActiveCustomer} becomes {@code active_customer}.
   */
  String name() default "";

  /**
   * The database schema (PostgreSQL schema, MySQL database) holding the view. Empty (the default)
   * means the connection's current schema.
   */
  String schema() default "";
}
