package dev.retort.runtime;

import dev.retort.operation.Operation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything about one revision: what {@link Retort#show(String)} returns.
 *
 * @param revision the revision id
 * @param parents the parent ids
 * @param children the ids of the revisions that follow it
 * @param description what the revision does
 * @param migrationClass the fully qualified name of the migration class
 * @param checksum the checksum the version table records for it
 * @param upgrade the operations of its upgrade
 * @param downgrade the operations of its downgrade; empty if it cannot be undone
 * @param snapshotResource the class-path resource of the schema snapshot after it; blank if
 *     the revision has none
 */
public record RevisionDetails(
    String revision, List<String> parents, List<String> children, String description, String migrationClass,
    String checksum, List<Operation> upgrade, Optional<List<Operation>> downgrade, String snapshotResource) {

  /** Validates and copies the components. */
  public RevisionDetails {
    Objects.requireNonNull(revision, "revision == null");
    parents = List.copyOf(parents);
    children = List.copyOf(children);
    Objects.requireNonNull(description, "description == null");
    Objects.requireNonNull(migrationClass, "migrationClass == null");
    Objects.requireNonNull(checksum, "checksum == null");
    upgrade = List.copyOf(upgrade);
    downgrade = downgrade.map(List::copyOf);
    Objects.requireNonNull(snapshotResource, "snapshotResource == null");
  }
}
