package dev.retort;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One revision of a history given by hand, for the runtime's
 * {@code Retort.builder().migrations(...)}. Projects built with the Retort processor do not need
 * it: the processor lists every revision in the class-path resource
 * {@value dev.retort.index.RevisionIndexFile#RESOURCE}, which the runtime reads.
 *
 * @param id the revision id from {@link Revision#id()}
 * @param parents the parent ids from {@link Revision#parent()}; empty for the first revision
 * @param description one line saying what the revision does (the first sentence of its Javadoc)
 * @param snapshotResource the class-path resource holding the schema snapshot as of this
 *     revision, named after the migration class, such as
 *     {@code com/example/db/migration/V20261121_153000_AddUsersPhone.schema}; empty if there is
 *     none
 * @param migration creates the migration instance
 */
public record RevisionInfo(
    String id,
    List<String> parents,
    String description,
    String snapshotResource,
    Supplier<? extends Migration> migration) {

  /** Validates and copies the components. */
  public RevisionInfo {
    Objects.requireNonNull(id, "id == null");
    parents = List.copyOf(parents);
    Objects.requireNonNull(description, "description == null");
    Objects.requireNonNull(snapshotResource, "snapshotResource == null");
    Objects.requireNonNull(migration, "migration == null");
    if (id.isBlank()) {
      throw new IllegalArgumentException("revision id is blank");
    }
  }
}
