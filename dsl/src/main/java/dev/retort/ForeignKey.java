package dev.retort;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a foreign key over one or more columns of a {@link Table}:
 * {@code CONSTRAINT name FOREIGN KEY (columns) REFERENCES target (referencedColumns)}. It is how
 * an entity references a table whose key has several columns; for a key of one column,
 * {@link References} on the member says the same.
 *
 * <pre>{@code
 * @Table(name = "shipments")
 * @ForeignKey(columns = {"order_id", "line_no"}, references = OrderItem.class)
 * public record Shipment(@Id long id, long orderId, int lineNo) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(ForeignKey.List.class)
public @interface ForeignKey {

  /**
   * The referring columns by column name (not Java member name), one for each referenced column
   * and in the same order.
   */
  String[] columns();

  /** The referenced entity class; it must be annotated {@link Table}. */
  Class<?> references();

  /**
   * The referenced columns by column name, which must be the target's primary key or unique
   * (a unique column or unique index of exactly these columns, in this order); empty means the
   * target's primary key.
   */
  String[] referencedColumns() default {};

  /** The constraint name; empty derives {@code fk_<table>_<column>_<column>…}. */
  String name() default "";

  /** What happens to this row when the referenced row is deleted. */
  ReferentialAction onDelete() default ReferentialAction.NO_ACTION;

  /** What happens to this row when the referenced key is updated. */
  ReferentialAction onUpdate() default ReferentialAction.NO_ACTION;

  /** Holds repeated {@link ForeignKey} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    /** The foreign keys. */
    ForeignKey[] value();
  }
}
