package dev.retort.cli.internal.authoring;

import dev.retort.processor.revision.RevisionNode;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code @Revision} class as its source file declares it.
 *
 * @param node the revision: id, parents and class
 * @param file the source file
 * @param sourceRoot the source directory the file lies under, above its package directories
 * @param schemaChange the first method that changes the schema ({@code createTable},
 *     {@code alterTable}, …) the class calls; empty for a class that changes none, such as a data
 *     migration
 */
public record DeclaredRevision(RevisionNode node, Path file, Path sourceRoot, Optional<String> schemaChange) {

  /** Validates the components. */
  public DeclaredRevision {
    Objects.requireNonNull(node, "node == null");
    Objects.requireNonNull(file, "file == null");
    Objects.requireNonNull(sourceRoot, "sourceRoot == null");
    Objects.requireNonNull(schemaChange, "schemaChange == null");
  }
}
