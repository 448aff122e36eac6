package dev.retort.runtime.internal.graph;

import dev.retort.runtime.Direction;
import java.util.List;
import java.util.Optional;

/**
 * Describes the revisions a command is about to run on a background thread, while the planner
 * describes them on the command's thread.
 *
 * <p>Describing a revision loads its migration class, links its lambdas, calls its methods and
 * computes its checksum: most of what applying 200 revisions costs in the JVM, and none of it
 * needs the database. The planner describes the same revisions in the same order, so the two
 * threads share the work: {@link LoadedRevision} computes each description once, under its own
 * lock, and a thread that reaches a revision the other is describing waits for it. The checksums
 * of an upgrade, which only recording each migration needs, come after all the operations, so
 * that they are computed while the first migrations run instead of delaying the plan; a
 * downgrade deletes version rows and needs none.
 *
 * <p>A failure stops the background thread silently: the planner meets the same failure on the
 * command's own thread and reports it there, naming the revision. So does an interrupt, which
 * the command sends when its plan fails, so that no migration code runs after it returned.
 */
public final class DescribeAhead {

  private DescribeAhead() {}

  /**
   * Starts describing, unless there is too little to share or a single processor to share it on.
   *
   * @param revisions the revisions, in the order the command runs them
   * @param direction whether they are upgraded or downgraded
   * @return the describing thread, a daemon that ends by itself; empty if none was started
   */
  public static Optional<Thread> start(List<LoadedRevision> revisions, Direction direction) {
    if (revisions.size() < 2 || Runtime.getRuntime().availableProcessors() < 2) {
      return Optional.empty();
    }
    List<LoadedRevision> ahead = List.copyOf(revisions);
    Thread describer = new Thread(() -> describe(ahead, direction), "retort-describe-ahead");
    describer.setDaemon(true);
    describer.start();
    return Optional.of(describer);
  }

  private static void describe(List<LoadedRevision> revisions, Direction direction) {
    try {
      // The planner needs only the operations, and needs them before anything runs; an upgrade's
      // checksums are needed one by one as the migrations are recorded, so they come second and
      // are computed while the first migrations run.
      for (LoadedRevision revision : revisions) {
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        if (direction == Direction.UPGRADE) {
          revision.upgradeOperations();
        } else {
          revision.downgradeOperations();
        }
      }
      if (direction == Direction.UPGRADE) {
        for (LoadedRevision revision : revisions) {
          if (Thread.currentThread().isInterrupted()) {
            return;
          }
          revision.checksum();
        }
      }
    } catch (RuntimeException | LinkageError e) {
      // The planner describes the revision again on the command's thread and reports the failure.
    }
  }
}
