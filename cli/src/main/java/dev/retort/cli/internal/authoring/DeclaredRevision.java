package dev.retort.cli.internal.authoring;

import dev.retort.processor.revision.RevisionNode;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A {@code @Revision} class as its source file declares it.
 *
 * @param node the revision: id, parents and class
 * @param file the source file
 * @param sourceRoot the source directory the file lies under, above its package directories
 */
public record DeclaredRevision(RevisionNode node, Path file, Path sourceRoot) {

  /** Validates the components. */
  public DeclaredRevision {
    Objects.requireNonNull(node, "node == null");
    Objects.requireNonNull(file, "file == null");
    Objects.requireNonNull(sourceRoot, "sourceRoot == null");
  }
}
