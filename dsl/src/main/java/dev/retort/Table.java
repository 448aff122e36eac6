package dev.retort;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a class or record is stored in a database table.
 *
 * <p>Every non-static, non-{@code transient} field (or record component) not annotated
 * {@link Transient} becomes a column, including fields inherited from superclasses. The
 * Retort processor snapshots all {@code @Table} types of a compilation into a schema and
 * generates a migration for whatever differs from the committed migrations.
 *
 * <pre>{@code
 * @Table(name = "users")
 * public record User(@Id long id, @Column(length = 255, unique = true) String email) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Table {

  /**
   * The table name. Empty (the default) derives it from the simple class name in
   * snake_case: {@code OrderLine} becomes {@code order_line}.
   */
  String name() default "";

  /**
   * The database schema (PostgreSQL schema, MySQL database) holding the table. Empty (the
   * default) means the connection's current schema.
   */
  String schema() default "";

  /** A comment stored on the table ({@code COMMENT ON TABLE}); empty means none. */
  String comment() default "";

  /**
   * The name of the table's primary key constraint. Empty (the default) derives it from the
   * table name: {@code pk_<table>}, such as {@code pk_users}. Name it to keep the name a database
   * already has, such as PostgreSQL's {@code users_pkey}; changing it later renames the key. Only a
   * table with an {@link Id} column has a primary key to name.
   */
  String primaryKey() default "";
}
