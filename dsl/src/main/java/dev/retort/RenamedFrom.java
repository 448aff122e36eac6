package dev.retort;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says that a column or table was renamed, so that the processor generates a rename instead
 * of a drop and an add (which would lose the data).
 *
 * <p>Retort never guesses a rename. The annotation may stay after the migration is
 * generated; once the committed schema has the new name it has no further effect.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface RenamedFrom {

  /** The previous column or table name, as it is in the database. */
  String value();
}
