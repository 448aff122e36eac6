package dev.retort;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an index on a {@link Table}: {@code CREATE [UNIQUE] INDEX name ON table (columns)}.
 *
 * <pre>{@code
 * @Table(name = "books")
 * @Index(columns = {"author_id", "published_on"})
 * public record Book(...) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Index.List.class)
public @interface Index {

  /** The index name; empty derives {@code ix_<table>_<columns>} ({@code ux_} when unique). */
  String name() default "";

  /** The indexed columns by column name (not Java member name), in index order. */
  String[] columns();

  /** Whether the index is unique. */
  boolean unique() default false;

  /** Holds repeated {@link Index} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    /** The indexes. */
    Index[] value();
  }
}
