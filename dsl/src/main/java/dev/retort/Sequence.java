package dev.retort;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a sequence, on the {@link Table} entity that uses it:
 * {@code CREATE SEQUENCE name START WITH start INCREMENT BY increment}.
 *
 * <pre>{@code
 * @Table(name = "orders")
 * @Sequence(name = "orders_seq", start = 1, increment = 50)
 * public record Order(@Id long id, ...) {}
 * }</pre>
 *
 * <p>Hibernate's {@code @GeneratedValue} ({@code AUTO} or {@code SEQUENCE}) takes its ids from a
 * sequence named {@code <table>_seq} that increments by 50 (its {@code allocationSize}); with
 * {@code ddl-auto=validate} it fails to start when the sequence is missing. The sequence belongs
 * to the schema rather than to the table; when no entity declares it any more, the next migration
 * drops it.
 *
 * <p>It belongs on a {@code @Table} entity; on another class it is a compile error.
 * PostgreSQL, H2 and MariaDB have sequences; MySQL and SQLite do not, and refuse the migration
 * that creates one before anything runs.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Sequence.List.class)
public @interface Sequence {

  /** The sequence name, unique among the schema's sequences, tables, constraints and indexes. */
  String name();

  /** The first value {@code nextval} returns; at least 1. */
  long start() default 1;

  /** The step between two values; at least 1 (Hibernate's {@code allocationSize} is 50 unless it says otherwise). */
  long increment() default 1;

  /**
   * The database schema (PostgreSQL schema) holding the sequence. Empty (the default) means the
   * connection's current schema.
   */
  String schema() default "";

  /** Holds repeated {@link Sequence} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    /** The sequences. */
    Sequence[] value();
  }
}
