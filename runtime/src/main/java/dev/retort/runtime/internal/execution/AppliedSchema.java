package dev.retort.runtime.internal.execution;

import dev.retort.model.SchemaException;
import dev.retort.model.SchemaModel;
import dev.retort.runtime.internal.graph.LoadedRevision;
import dev.retort.runtime.internal.graph.RevisionGraph;
import dev.retort.snapshot.SnapshotCodec;
import dev.retort.snapshot.SnapshotFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * it provably equals it: the applied revisions are exactly one revision and its ancestors, and
 * the index says of each that its snapshot records its current source checksum, so that every
 * migration is the one the processor generated from its parent's snapshot, and by induction
 * each snapshot is what the replay up to it gives. A migration edited after it was generated, a
 * revision without its own snapshot (a hand-written one), several applied heads, or a snapshot
 * that cannot be read: the schema is replayed, as before, with a DEBUG line saying why.
 */
public final class AppliedSchema {

  private static final Logger LOG = LoggerFactory.getLogger(AppliedSchema.class);

  private final RevisionGraph graph;
  private final Set<String> applied;
  private final ClassLoader loader;
  private final Optional<LoadedRevision> trustedHead;

  private AppliedSchema(
      RevisionGraph graph, Set<String> applied, ClassLoader loader, Optional<LoadedRevision> trustedHead) {
    this.graph = graph;
    this.applied = applied;
    this.loader = loader;
    this.trustedHead = trustedHead;
  }

  /**
   * Decides, from the index alone, whether the applied head's snapshot can stand in for the replay.
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
    return new AppliedSchema(graph, applied, loader, trustedHead(graph, applied));
  }

  private static Optional<LoadedRevision> trustedHead(RevisionGraph graph, Set<String> applied) {
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
    for (LoadedRevision revision : graph.revisions()) {
      if (applied.contains(revision.id()) && !revision.snapshotMatchesSource()) {
        LOG.debug("Replaying the applied revisions: the snapshot of revision {} does not record its current source"
            + " (edited after it was generated, written by hand, or built without the source)", revision.label());
        return Optional.empty();
      }
    }
    return Optional.of(head);
  }

  /**
   * The applied revisions whose upgrades {@link #model()} runs, in the history's order: none
   * when it reads the snapshot, unless reading it fails.
   *
   * @return the revisions to describe
   */
  public List<LoadedRevision> replayed() {
    return trustedHead.isPresent() ? List.of() : Planner.applied(graph, applied);
  }

  /**
   * The schema: the applied head's snapshot when it stands in for the replay and can be read,
   * else the replay.
   *
   * @return the schema the applied revisions build
   * @throws dev.retort.runtime.RetortException as {@link Planner#modelOf} when replaying
   */
  public SchemaModel model() {
    if (trustedHead.isPresent()) {
      Optional<SchemaModel> snapshot = read(trustedHead.get());
      if (snapshot.isPresent()) {
        return snapshot.get();
      }
    }
    return Planner.modelOf(graph, applied);
  }

  private Optional<SchemaModel> read(LoadedRevision head) {
    String resource = head.info().snapshotResource();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        LOG.debug("Replaying the applied revisions: the snapshot {} of revision {} is not on the class path",
            resource, head.label());
        return Optional.empty();
      }
      return Optional.of(SnapshotCodec.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource));
    } catch (IOException | SnapshotFormatException | SchemaException | IllegalArgumentException e) {
      LOG.debug("Replaying the applied revisions: cannot read the snapshot {} of revision {}: {}", resource,
          head.label(), e.getMessage());
      return Optional.empty();
    }
  }
}
