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
 * @param baseline the baseline this upgrade recorded before running anything, as
 *     {@link Retort.Builder#baselineOnUpgrade(String)} asks; empty when it recorded none
 */
public record MigrationResult(Direction direction, String target, List<String> before, List<String> after,
    List<MigrationRun> runs, Optional<String> createdVersionTable, Optional<Baseline> baseline) {

  /** Validates and copies the components. */
  public MigrationResult {
    Objects.requireNonNull(direction, "direction == null");
    Objects.requireNonNull(target, "target == null");
    before = List.copyOf(before);
    after = List.copyOf(after);
    runs = List.copyOf(runs);
    Objects.requireNonNull(createdVersionTable, "createdVersionTable == null");
    Objects.requireNonNull(baseline, "baseline == null");
  }

  /** Whether any migration ran; a {@linkplain #baseline() baseline} alone runs none. */
  public boolean changed() {
    return !runs.isEmpty();
  }
}
