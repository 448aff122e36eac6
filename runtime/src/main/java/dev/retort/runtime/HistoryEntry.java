package dev.retort.runtime;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One revision of the history, with whether it is applied.
 *
 * @param revision the revision id
 * @param parents the parent ids
 * @param description what the revision does
 * @param migrationClass the fully qualified name of the migration class
 * @param head whether this is the head revision
 * @param applied its version-table row, if the revision is applied
 */
public record HistoryEntry(
    String revision, List<String> parents, String description, String migrationClass, boolean head,
    Optional<AppliedRevision> applied) {

  /** Validates and copies the components. */
  public HistoryEntry {
    Objects.requireNonNull(revision, "revision == null");
    parents = List.copyOf(parents);
    Objects.requireNonNull(description, "description == null");
    Objects.requireNonNull(migrationClass, "migrationClass == null");
    Objects.requireNonNull(applied, "applied == null");
  }

  /** Whether the revision is applied to the database. */
  public boolean isApplied() {
    return applied.isPresent();
  }
}
