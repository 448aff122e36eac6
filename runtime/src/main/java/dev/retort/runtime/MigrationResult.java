package dev.retort.runtime;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Retort#upgrade} or {@link Retort#downgrade} did.
 *
 * @param direction upgrade or downgrade
 * @param target the target as given
 * @param before the current revisions before the command (empty at base)
 * @param after the current revisions after it (empty at base)
 * @param runs the migrations that ran, in order; empty when the database was already there
 * @param createdVersionTable the version table, by name (with its schema when one is set), when
 *     this upgrade created it; empty when the table was there already, and after a downgrade
 */
public record MigrationResult(Direction direction, String target, List<String> before, List<String> after,
    List<MigrationRun> runs, Optional<String> createdVersionTable) {

  /** Validates and copies the components. */
  public MigrationResult {
    Objects.requireNonNull(direction, "direction == null");
    Objects.requireNonNull(target, "target == null");
    before = List.copyOf(before);
    after = List.copyOf(after);
    runs = List.copyOf(runs);
    Objects.requireNonNull(createdVersionTable, "createdVersionTable == null");
  }

  /** Whether any migration ran. */
  public boolean changed() {
    return !runs.isEmpty();
  }
}
