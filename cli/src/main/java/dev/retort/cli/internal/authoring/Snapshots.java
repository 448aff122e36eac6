package dev.retort.cli.internal.authoring;

import dev.retort.model.SchemaException;
import dev.retort.model.SchemaModel;
import dev.retort.processor.history.BranchMerge;
import dev.retort.processor.layout.ProjectLayout;
import dev.retort.processor.revision.RevisionGraph;
import dev.retort.processor.revision.RevisionNode;
import dev.retort.snapshot.SnapshotCodec;
import dev.retort.snapshot.SnapshotFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The schema as of each revision, read from the committed snapshots the way the processor
 * reads them: a revision's own snapshot; else, for a revision with one parent, its parent's
 * schema; else, for a merge revision, the three-way merge of its parents' schemas (each further
 * branch's changes since the nearest common ancestor applied to the first parent's schema, in
 * either order with the same result).
 */
final class Snapshots {

  private final RevisionGraph graph;
  private final Path resourceDir;
  private final Map<String, SchemaModel> schemas = new HashMap<>();

  Snapshots(RevisionGraph graph, Path resourceDir) {
    this.graph = Objects.requireNonNull(graph, "graph == null");
    this.resourceDir = Objects.requireNonNull(resourceDir, "resourceDir == null");
  }

  /** The snapshot file of a revision, whether or not it exists. */
  Path file(RevisionNode revision) {
    return resourceDir.resolve(ProjectLayout.snapshotResource(revision.className()));
  }

  /**
   * Whether the schema as of a revision is described by snapshots: its own, or, without one,
   * those of all its parents. A history written by hand may have none, and then the runtime
   * computes the schema from the migrations instead.
   */
  boolean described(RevisionNode revision) {
    if (Files.isRegularFile(file(revision))) {
      return true;
    }
    if (revision.parents().isEmpty()) {
      return false;
    }
    for (String parent : revision.parents()) {
      if (!described(node(parent))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The schema as of a revision.
   *
   * @throws AuthoringException if a snapshot cannot be read or a merge's branches conflict
   */
  SchemaModel schemaOf(RevisionNode revision) throws AuthoringException {
    SchemaModel known = schemas.get(revision.id());
    if (known != null) {
      return known;
    }
    Path file = file(revision);
    SchemaModel schema;
    if (Files.isRegularFile(file)) {
      schema = parse(revision, file);
    } else if (revision.parents().isEmpty()) {
      schema = SchemaModel.empty();
    } else if (!revision.isMerge()) {
      schema = schemaOf(node(revision.parents().get(0)));
    } else {
      schema = merge(revision);
    }
    schemas.put(revision.id(), schema);
    return schema;
  }

  private SchemaModel parse(RevisionNode revision, Path file) throws AuthoringException {
    try {
      return SnapshotCodec.read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new AuthoringException("Cannot read the snapshot of " + revision.label() + ", " + file + ": " + e, e);
    } catch (SnapshotFormatException | SchemaException | IllegalArgumentException e) {
      throw new AuthoringException("The snapshot of " + revision.label() + " is corrupt: " + e.getMessage()
          + "; fix the file or restore it from version control.", e);
    }
  }

  private SchemaModel merge(RevisionNode revision) throws AuthoringException {
    try {
      return BranchMerge.merge(graph, revision, this::schemaOf);
    } catch (BranchMerge.Conflict conflict) {
      throw new AuthoringException("The branches that " + revision.label() + " merges conflict: applying the changes"
          + " of " + conflict.changedLabel() + " to " + conflict.ontoLabel() + " fails: " + conflict.why()
          + ". Change one branch so that they no longer conflict, or write the merged snapshot " + file(revision)
          + " by hand.", conflict);
    }
  }

  private RevisionNode node(String id) {
    return graph.find(id).orElseThrow(() -> new IllegalStateException("revision " + id + " is not in the graph"));
  }
}
