package dev.retort;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a column a foreign key to another entity's table:
 * {@code CONSTRAINT fk_<table>_<column> FOREIGN KEY (column) REFERENCES target (column)}.
 *
 * <pre>{@code
 * @References(value = Author.class, onDelete = ReferentialAction.CASCADE) long authorId
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface References {

  /** The referenced entity class; it must be annotated {@link Table}. */
  Class<?> value();

  /** The referenced column; empty means the target's single-column primary key. */
  String column() default "";

  /** The constraint name; empty derives {@code fk_<table>_<column>}. */
  String name() default "";

  /** What happens to this row when the referenced row is deleted. */
  ReferentialAction onDelete() default ReferentialAction.NO_ACTION;

  /** What happens to this row when the referenced key is updated. */
  ReferentialAction onUpdate() default ReferentialAction.NO_ACTION;
}
