package dev.retort.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * One migration that a command ran.
 *
 * @param revision the revision id
 * @param description what the revision does
 * @param migrationClass the fully qualified name of the migration class
 * @param direction whether its upgrade or its downgrade ran
 * @param statements how many statements and Java steps ran
 * @param duration how long it took, recording included
 */
public record MigrationRun(
    String revision, String description, String migrationClass, Direction direction, int statements,
    Duration duration) {

  /** Validates the components. */
  public MigrationRun {
    Objects.requireNonNull(revision, "revision == null");
    Objects.requireNonNull(description, "description == null");
    Objects.requireNonNull(migrationClass, "migrationClass == null");
    Objects.requireNonNull(direction, "direction == null");
    Objects.requireNonNull(duration, "duration == null");
    if (statements < 0) {
      throw new IllegalArgumentException("statements < 0: " + statements);
    }
  }
}
