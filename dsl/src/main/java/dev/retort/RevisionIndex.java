package dev.retort;

import java.util.List;

/**
 * The list of every revision of an application, in topological order (parents before
 * children).
 *
 * <p>The Retort processor generates one implementation per compilation and registers it in
 * {@code META-INF/services/dev.retort.RevisionIndex}, so the runtime finds all migrations
 * through {@link java.util.ServiceLoader} without scanning the classpath.
 */
public interface RevisionIndex {

  /**
   * Returns every revision, parents before children.
   *
   * @return the revisions, never empty for a generated index
   */
  List<RevisionInfo> revisions();
}
