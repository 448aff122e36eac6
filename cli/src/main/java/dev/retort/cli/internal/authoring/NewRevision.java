package dev.retort.cli.internal.authoring;

import com.palantir.javapoet.ClassName;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A revision that {@link RevisionAuthor} wrote into the source tree.
 *
 * @param id the revision id
 * @param parents the ids of the revisions it follows
 * @param className the migration class
 * @param sourceFile the migration's source file
 * @param snapshotFile the schema snapshot after it; empty when the history has no snapshots to carry
 *     over, so that the runtime computes the schema from the migrations as for the revisions before
 */
public record NewRevision(
    String id, List<String> parents, ClassName className, Path sourceFile, Optional<Path> snapshotFile) {

  /** Validates and copies the components. */
  public NewRevision {
    Objects.requireNonNull(id, "id == null");
    parents = List.copyOf(parents);
    Objects.requireNonNull(className, "className == null");
    Objects.requireNonNull(sourceFile, "sourceFile == null");
    Objects.requireNonNull(snapshotFile, "snapshotFile == null");
  }
}
