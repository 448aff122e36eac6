package dev.retort.runtime.internal.execution;

import dev.retort.model.SchemaEvolution;
import dev.retort.model.SchemaException;
import dev.retort.model.SchemaModel;
import dev.retort.operation.Operation;
import dev.retort.runtime.internal.graph.LoadedRevision;
import dev.retort.runtime.internal.graph.RevisionGraph;
import dev.retort.snapshot.SnapshotCodec;
import dev.retort.snapshot.SnapshotFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema that the applied revisions build, which a plan starts from.
 *
 * <p>Replaying the upgrades of the applied revisions is the truth, and costs loading every
 * applied migration class. The snapshot of the applied head stands in for the replay only when
 * it provably equals it. The applied revisions must be exactly one revision and its ancestors,
 * each with a snapshot (a revision without one of its own has its parent's, as the index gives
 * it), and each one either
 *
 * <ul>
 *   <li><em>trusted</em>: the index says its snapshot records its current source checksum, so
 *       the migration is the one the processor generated from its parent's snapshot and gives
 *       its own snapshot when applied to its parent's; or
 *   <li><em>checked</em>: a migration with one parent or none that was edited or written by
 *       hand, whose upgrade, described alone and applied to its parent's snapshot (or to the
 *       empty schema), gives its own snapshot, as a data step added by hand does; for a data
 *       migration without a snapshot of its own that is its parent's, so it passes exactly when
 *       its upgrade changes no schema.
 * </ul>
 *
 * <p>By induction each snapshot is then what the replay up to it gives, and only the checked
 * revisions are loaded. Anything else (a merge revision that is not trusted, a first revision
 * without a snapshot, several applied heads, a snapshot that cannot be read, a checked revision
 * whose upgrade gives another schema than its snapshot): the schema is replayed, as before, with
 * a DEBUG line saying why.
 *
 * <p>The applied head's snapshot is read {@linkplain SnapshotCodec#readLazily lazily}: a plan
 * reads only the tables it looks at (a deploy adding a column to one table of hundreds reads
 * that table). A table that turns out not to be readable when the plan asks for it ends that
 * plan, which starts again from the replay ({@link #replay}), as for a snapshot that cannot be
 * read at all; a problem in a table the plan never looks at goes unnoticed, since nothing is
 * planned from it.
 */
public final class AppliedSchema {

  private static final Logger LOG = LoggerFactory.getLogger(AppliedSchema.class);

  private final RevisionGraph graph;
  private final Set<String> applied;
  private final ClassLoader loader;
  private final Optional<Start> start;
  /** The snapshots read so far, by resource: a checked revision's is also its child's parent's. */
  private final Map<String, Optional<SchemaModel>> snapshots = new HashMap<>();

  /** The applied head whose snapshot may stand in for the replay, and the revisions to check first. */
  private record Start(LoadedRevision head, List<LoadedRevision> checked) {}

  private AppliedSchema(RevisionGraph graph, Set<String> applied, ClassLoader loader, Optional<Start> start) {
    this.graph = graph;
    this.applied = applied;
    this.loader = loader;
    this.start = start;
  }

  /**
   * Decides, from the index alone, whether the applied head's snapshot can stand in for the
   * replay once the revisions that are not trusted are checked.
   *
   * @param graph the history
   * @param applied the applied revision ids
   * @param loader the class loader that holds the snapshots
   * @return the schema to start from, read or replayed when asked
   */
  public static AppliedSchema of(RevisionGraph graph, Set<String> applied, ClassLoader loader) {
    Objects.requireNonNull(graph, "graph == null");
    Objects.requireNonNull(applied, "applied == null");
    Objects.requireNonNull(loader, "loader == null");
    return new AppliedSchema(graph, applied, loader, start(graph, applied));
  }

  private static Optional<Start> start(RevisionGraph graph, Set<String> applied) {
    if (applied.isEmpty()) {
      return Optional.empty();
    }
    LoadedRevision head = null;
    for (LoadedRevision revision : graph.revisions()) {
      if (applied.contains(revision.id())) {
        head = revision;
      }
    }
    if (head == null || !graph.ancestorsOrSelf(head.id()).equals(applied)) {
      LOG.debug("Replaying the applied revisions: they are not one revision and its ancestors");
      return Optional.empty();
    }
    List<LoadedRevision> checked = new ArrayList<>();
    for (LoadedRevision revision : graph.revisions()) {
      if (!applied.contains(revision.id()) || revision.snapshotMatchesSource()) {
        continue;
      }
      if (revision.info().snapshotResource().isBlank() || revision.parents().size() > 1) {
        LOG.debug("Replaying the applied revisions: revision {} was edited or written by hand and is {}",
            revision.label(), revision.parents().size() > 1 ? "a merge" : "without a snapshot of its own");
        return Optional.empty();
      }
      checked.add(revision);
    }
    return Optional.of(new Start(head, List.copyOf(checked)));
  }

  /**
   * The applied revisions whose upgrades {@link #model()} runs, in the history's order: the
   * ones it checks when it reads the snapshot, every one when it replays (and, should a check or
   * a read fail, the rest too).
   *
   * @return the revisions to describe
   */
  public List<LoadedRevision> replayed() {
    return start.isPresent() ? start.get().checked() : Planner.applied(graph, applied);
  }

  /**
   * The schema: the applied head's snapshot when it stands in for the replay, can be read and
   * every revision to check passes, else the replay. The snapshot is read lazily: asking it for
   * a table whose lines cannot be read throws a {@link SnapshotFormatException}, after which
   * {@link #replay} gives the schema instead.
   *
   * @return the schema the applied revisions build
   * @throws dev.retort.runtime.RetortException as {@link Planner#modelOf} when replaying
   */
  public SchemaModel model() {
    if (start.isPresent() && checked(start.get().checked())) {
      LoadedRevision head = start.get().head();
      // A checked head's snapshot has been read whole already.
      Optional<SchemaModel> snapshot = snapshots.containsKey(head.info().snapshotResource())
          ? read(head) : parse(head.info().snapshotResource(), head, true);
      if (snapshot.isPresent()) {
        return snapshot.get();
      }
    }
    return Planner.modelOf(graph, applied);
  }

  /**
   * The replay, for a plan that found a table of the lazily read snapshot unreadable.
   *
   * @param problem what the snapshot reader reported
   * @return the schema the applied revisions build
   * @throws dev.retort.runtime.RetortException as {@link Planner#modelOf}
   */
  public SchemaModel replay(SnapshotFormatException problem) {
    LOG.debug("Replaying the applied revisions: cannot read the snapshot of revision {}: {}",
        start.map(s -> s.head().label()).orElse("?"), problem.getMessage());
    return Planner.modelOf(graph, applied);
  }

  /** Whether each revision's upgrade, applied to its parent's snapshot, gives its own snapshot. */
  private boolean checked(List<LoadedRevision> revisions) {
    for (LoadedRevision revision : revisions) {
      Optional<SchemaModel> before = revision.parents().isEmpty()
          ? Optional.of(SchemaModel.empty())
          : read(graph.get(revision.parents().get(0)));
      Optional<SchemaModel> own = read(revision);
      if (before.isEmpty() || own.isEmpty()) {
        return false;
      }
      SchemaEvolution schema = new SchemaEvolution(before.get());
      try {
        for (Operation operation : revision.upgradeOperations()) {
          schema.apply(operation);
        }
      } catch (SchemaException | IllegalArgumentException e) {
        // The replay reports it, naming the revision.
        LOG.debug("Replaying the applied revisions: the upgrade of revision {} does not fit its parent's snapshot: {}",
            revision.label(), e.getMessage());
        return false;
      }
      if (!schema.current().equals(own.get())) {
        LOG.debug("Replaying the applied revisions: revision {} was edited by hand and its upgrade no longer gives"
            + " its snapshot", revision.label());
        return false;
      }
    }
    return true;
  }

  private Optional<SchemaModel> read(LoadedRevision revision) {
    return snapshots.computeIfAbsent(revision.info().snapshotResource(), resource -> parse(resource, revision, false));
  }

  private Optional<SchemaModel> parse(String resource, LoadedRevision revision, boolean lazily) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        LOG.debug("Replaying the applied revisions: the snapshot {} of revision {} is not on the class path",
            resource, revision.label());
        return Optional.empty();
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Optional.of(lazily ? SnapshotCodec.readLazily(text, resource) : SnapshotCodec.read(text, resource));
    } catch (IOException | SnapshotFormatException | SchemaException | IllegalArgumentException e) {
      LOG.debug("Replaying the applied revisions: cannot read the snapshot {} of revision {}: {}", resource,
          revision.label(), e.getMessage());
      return Optional.empty();
    }
  }
}
