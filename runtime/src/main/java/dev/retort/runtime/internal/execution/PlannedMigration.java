package dev.retort.runtime.internal.execution;

import dev.retort.runtime.Direction;
import dev.retort.runtime.internal.graph.LoadedRevision;
import java.util.List;
import java.util.Objects;

/**
 * One migration ready to run: every step rendered before anything runs.
 *
 * @param revision the revision
 * @param direction upgrade or downgrade
 * @param steps the rendered steps, in order
 */
public record PlannedMigration(LoadedRevision revision, Direction direction, List<PlannedStep> steps) {

  /** Validates and copies the components. */
  public PlannedMigration {
    Objects.requireNonNull(revision, "revision == null");
    Objects.requireNonNull(direction, "direction == null");
    steps = List.copyOf(steps);
  }
}
