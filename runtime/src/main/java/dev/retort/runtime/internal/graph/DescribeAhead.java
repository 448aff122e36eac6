package dev.retort.runtime.internal.graph;

import dev.retort.runtime.Direction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Describes the revisions a command is about to run on a background thread, while the planner
 * describes them on the command's thread.
 *
 * <p>Describing a revision loads its migration class, links its lambdas, calls its methods and
 * computes its checksum: most of what applying 200 revisions costs in the JVM, and none of it
 * needs the database. The planner describes the revisions front to back, in the order it needs
 * them: the applied ones, whose upgrades give the schema it starts from unless a snapshot stands
 * in for them ({@code AppliedSchema}), then the ones it runs.
 * This thread describes the same list back to front, so that the two threads describe different
 * revisions until they meet; {@link LoadedRevision} computes each description once, under its
 * own lock, and a thread that reaches a revision the other has described takes the result. The
 * checksums of an upgrade, which only recording each migration needs, come last, front to back,
 * while the first migrations run; a downgrade deletes version rows and needs none.
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
   * @param applied the applied revisions in the history's order whose upgrades the planner
   *     replays for the schema it starts from; empty when it starts from a snapshot
   * @param selected the revisions the command runs, in the order it runs them
   * @param direction whether they are upgraded or downgraded
   * @return the describing thread, a daemon that ends by itself; empty if none was started
   */
  public static Optional<Thread> start(
      List<LoadedRevision> applied, List<LoadedRevision> selected, Direction direction) {
    if (selected.isEmpty() || applied.size() + selected.size() < 2
        || Runtime.getRuntime().availableProcessors() < 2) {
      return Optional.empty();
    }
    List<Runnable> planned = new ArrayList<>(applied.size() + selected.size());
    List<Runnable> recorded = new ArrayList<>();
    if (direction == Direction.UPGRADE) {
      applied.forEach(revision -> planned.add(revision::upgradeOperations));
      selected.forEach(revision -> planned.add(revision::upgradeOperations));
      selected.forEach(revision -> recorded.add(revision::checksum));
    } else {
      // A downgrade's plan makes sure first that every revision it runs can be undone.
      selected.forEach(revision -> planned.add(revision::downgradeOperations));
      applied.forEach(revision -> planned.add(revision::upgradeOperations));
    }
    Collections.reverse(planned);
    Thread describer = new Thread(() -> describe(planned, recorded), "retort-describe-ahead");
    describer.setDaemon(true);
    describer.start();
    return Optional.of(describer);
  }

  private static void describe(List<Runnable> planned, List<Runnable> recorded) {
    try {
      run(planned);
      run(recorded);
    } catch (RuntimeException | LinkageError e) {
      // The planner describes the revision again on the command's thread and reports the failure.
    }
  }

  private static void run(List<Runnable> steps) {
    for (Runnable step : steps) {
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
      step.run();
    }
  }
}
