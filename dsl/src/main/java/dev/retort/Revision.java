package dev.retort;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Identifies a {@link Migration} class as one revision of the schema history.
 *
 * <p>Revisions form a graph: each names the revisions it follows. The first revision has no
 * parent; a merge revision has several. The runtime applies revisions in the graph's
 * topological order, never in class-name order.
 *
 * <pre>{@code
 * @Revision(id = "20261121_153000", parent = "20261120_090000")
 * public final class V20261121_153000_AddUsersPhone implements Migration { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Revision {

  /** The revision id, unique in the history; generated ids are sortable timestamps. */
  String id();

  /** The ids of the revisions this one follows: none for the first, several for a merge. */
  String[] parent() default {};
}
