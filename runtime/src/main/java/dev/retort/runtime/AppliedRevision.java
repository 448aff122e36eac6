package dev.retort.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the version table: a revision applied to the database.
 *
 * @param revision the revision id
 * @param description what the revision does, as recorded when it was applied
 * @param checksum the checksum of the migration's operations when it was applied
 * @param appliedAt when it was applied (or stamped)
 * @param executionTime how long it ran; empty when it was recorded without running
 *     ({@code stamp}, or an offline script)
 * @param sourceChecksum the checksum of the migration's source file when it was applied, from
 *     the revision index; empty when unknown (a migration given by hand). While the source is
 *     unchanged, verifying the revision needs no loading of its class.
 */
public record AppliedRevision(
    String revision, String description, String checksum, Instant appliedAt, Optional<Duration> executionTime,
    Optional<String> sourceChecksum) {

  /** Validates the components. */
  public AppliedRevision {
    Objects.requireNonNull(revision, "revision == null");
    Objects.requireNonNull(description, "description == null");
    Objects.requireNonNull(checksum, "checksum == null");
    Objects.requireNonNull(appliedAt, "appliedAt == null");
    Objects.requireNonNull(executionTime, "executionTime == null");
    Objects.requireNonNull(sourceChecksum, "sourceChecksum == null");
  }
}
