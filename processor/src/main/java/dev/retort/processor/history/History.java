package dev.retort.processor.history;

import dev.retort.model.SchemaModel;
import dev.retort.processor.revision.RevisionNode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The committed history as far as the processor needs it: the head revision and its schema,
 * the snapshot resource each revision ships with, and the snapshots of merge revisions that
 * were computed because none is committed.
 *
 * @param head the head revision; empty before the first migration
 * @param headSchema the schema as of the head; empty before the first migration
 * @param snapshotResources revision id → the classpath resource of the snapshot as of that
 *     revision: its own, or, for a revision without one, its nearest ancestor's; an empty
 *     string when the schema as of the revision is empty and no snapshot describes it
 * @param computedSnapshots snapshots of merge revisions computed by a three-way merge, to be
 *     written; in topological order
 */
public record History(
    Optional<RevisionNode> head,
    SchemaModel headSchema,
    Map<String, String> snapshotResources,
    List<ComputedSnapshot> computedSnapshots) {

  /** Validates and copies the components. */
  public History {
    Objects.requireNonNull(head, "head == null");
    Objects.requireNonNull(headSchema, "headSchema == null");
    snapshotResources = Collections.unmodifiableMap(new TreeMap<>(snapshotResources));
    computedSnapshots = List.copyOf(computedSnapshots);
  }
}
