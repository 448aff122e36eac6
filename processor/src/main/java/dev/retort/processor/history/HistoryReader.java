package dev.retort.processor.history;

import dev.retort.model.SchemaException;
import dev.retort.model.SchemaModel;
import dev.retort.processor.diagnostics.Diagnostics;
import dev.retort.processor.diagnostics.Message;
import dev.retort.processor.layout.ProjectLayout;
import dev.retort.processor.revision.RevisionGraph;
import dev.retort.processor.revision.RevisionNode;
import dev.retort.processor.revision.Revisions;
import dev.retort.snapshot.SnapshotCodec;
import dev.retort.snapshot.SnapshotFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * Reads the committed snapshots of a revision history from the resource directory.
 *
 * <p>A revision without a snapshot of its own (a hand-written data migration) has the schema
 * of its parent. A merge revision without one gets a schema computed by a three-way merge:
 * the changes each further branch made since the branches' nearest common ancestor are
 * applied to the first branch's schema, and the result must not depend on the order. Only
 * the snapshots needed are parsed: the head's and those a merge needs.
 */
public final class HistoryReader {

  private final Diagnostics diagnostics;

  /**
   * Creates a reader.
   *
   * @param diagnostics where unreadable snapshots and merge conflicts are reported
   */
  public HistoryReader(Diagnostics diagnostics) {
    this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics == null");
  }

  /**
   * Finds the snapshot resource of every revision without reading any snapshot.
   *
   * @param revisions the history
   * @param layout where snapshots live
   * @return revision id → resource, as {@link History#snapshotResources()} describes
   */
  public Map<String, String> snapshotResources(Revisions revisions, ProjectLayout layout) {
    Map<String, String> resources = new HashMap<>();
    for (RevisionNode revision : revisions.graph().topologicalOrder()) {
      String resource;
      if (revision.isMerge() || Files.isRegularFile(layout.snapshotFile(revision.className()))) {
        resource = ProjectLayout.snapshotResource(revision.className());
      } else if (revision.parents().isEmpty()) {
        resource = "";
      } else {
        resource = resources.get(revision.parents().get(0));
      }
      resources.put(revision.id(), resource);
    }
    return resources;
  }

  /**
   * The source checksum that each revision's own snapshot records, for the revision index. Only
   * the first lines of each snapshot are read.
   *
   * @param revisions the history
   * @param layout where snapshots live
   * @return revision id → the recorded checksum; empty for a revision without a snapshot of its
   *     own, or whose snapshot records none or cannot be read (reading the history reports why,
   *     where it needs that snapshot)
   */
  public Map<String, String> snapshotSourceChecksums(Revisions revisions, ProjectLayout layout) {
    Map<String, String> checksums = new HashMap<>();
    for (RevisionNode revision : revisions.graph().topologicalOrder()) {
      checksums.put(revision.id(), recordedSourceChecksum(layout.snapshotFile(revision.className())));
    }
    return checksums;
  }

  /** The checksum a snapshot file records, reading up to the line after its format line. */
  private static String recordedSourceChecksum(Path file) {
    if (!Files.isRegularFile(file)) {
      return "";
    }
    StringBuilder head = new StringBuilder();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int significant = 0;
      for (String line = reader.readLine(); line != null && significant < 2; line = reader.readLine()) {
        head.append(line).append('\n');
        String stripped = line.strip();
        if (!stripped.isEmpty() && !stripped.startsWith("#")) {
          significant++;
        }
      }
      return SnapshotCodec.sourceChecksum(head.toString(), file.toString()).orElse("");
    } catch (IOException | UncheckedIOException | SnapshotFormatException e) {
      return "";
    }
  }

  /**
   * The committed text of the snapshot that describes the head, without parsing it: the head's
   * own, or the nearest ancestor's for revisions without one, or the text of the empty schema
   * when no snapshot precedes the head. Lets the common case, entities unchanged since the
   * head, be decided by comparing texts.
   *
   * @param revisions the history
   * @param layout where snapshots live
   * @return the text with {@code \n} line ends; empty when a merge revision lacks its snapshot
   *     (it must be computed) or a snapshot cannot be read (the full reading reports why)
   */
  public Optional<String> committedHeadSnapshot(Revisions revisions, ProjectLayout layout) {
    for (RevisionNode revision : revisions.graph().topologicalOrder()) {
      if (revision.isMerge() && !Files.isRegularFile(layout.snapshotFile(revision.className()))) {
        return Optional.empty();
      }
    }
    Optional<RevisionNode> next = revisions.graph().head();
    while (next.isPresent()) {
      RevisionNode revision = next.get();
      Path file = layout.snapshotFile(revision.className());
      if (Files.isRegularFile(file)) {
        try {
          return Optional.of(Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n"));
        } catch (IOException e) {
          return Optional.empty();
        }
      }
      next = revision.parents().isEmpty() ? Optional.empty() : revisions.graph().find(revision.parents().get(0));
    }
    return Optional.of(SnapshotCodec.write(SchemaModel.empty()));
  }

  /**
   * Reads the history.
   *
   * @param revisions the history
   * @param layout where snapshots live
   * @param computeMerges whether to compute the missing snapshots of merge revisions; when
   *     false (check mode), a missing one is an error
   * @return the history, or empty after reporting why it cannot be read
   */
  public Optional<History> read(Revisions revisions, ProjectLayout layout, boolean computeMerges) {
    Reading reading = new Reading(revisions, layout);
    try {
      List<ComputedSnapshot> computed = new ArrayList<>();
      for (RevisionNode revision : revisions.graph().topologicalOrder()) {
        Path file = layout.snapshotFile(revision.className());
        if (revision.isMerge() && !Files.isRegularFile(file)) {
          if (!computeMerges) {
            diagnostics.report(
                revisions.elements().get(revision.id()), Message.MERGE_SNAPSHOT_MISSING, revision.label(), file);
            throw new Failed();
          }
          SchemaModel merged = reading.schemaOf(revision);
          computed.add(
              new ComputedSnapshot(revision, file, ProjectLayout.snapshotResource(revision.className()), merged));
        }
      }
      Optional<RevisionNode> head = revisions.graph().head();
      SchemaModel headSchema = head.isPresent() ? reading.schemaOf(head.get()) : SchemaModel.empty();
      return Optional.of(new History(head, headSchema, snapshotResources(revisions, layout), computed));
    } catch (Failed e) {
      return Optional.empty();
    }
  }

  /** Thrown after an error is reported, to stop reading. */
  private static final class Failed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failed() {
      super(null, null, false, false);
    }
  }

  /** One read of a history, remembering each schema once computed. */
  private final class Reading {
    private final Revisions revisions;
    private final RevisionGraph graph;
    private final ProjectLayout layout;
    private final Map<String, SchemaModel> schemas = new HashMap<>();

    Reading(Revisions revisions, ProjectLayout layout) {
      this.revisions = revisions;
      this.graph = revisions.graph();
      this.layout = layout;
    }

    SchemaModel schemaOf(RevisionNode revision) {
      SchemaModel known = schemas.get(revision.id());
      if (known != null) {
        return known;
      }
      Path file = layout.snapshotFile(revision.className());
      SchemaModel schema;
      if (Files.isRegularFile(file)) {
        schema = parse(revision, file);
      } else if (revision.parents().isEmpty()) {
        schema = SchemaModel.empty();
      } else if (!revision.isMerge()) {
        schema = schemaOf(node(revision.parents().get(0)));
      } else {
        schema = merge(revision, file);
      }
      schemas.put(revision.id(), schema);
      return schema;
    }

    private SchemaModel parse(RevisionNode revision, Path file) {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        diagnostics.report(element(revision), Message.IO_FAILURE, "read", file, e.getMessage());
        throw new Failed();
      }
      try {
        return SnapshotCodec.read(text, file.toString());
      } catch (SnapshotFormatException | SchemaException | IllegalArgumentException e) {
        diagnostics.report(element(revision), Message.SNAPSHOT_CORRUPT, revision.label(), e.getMessage());
        throw new Failed();
      }
    }

    private SchemaModel merge(RevisionNode revision, Path file) {
      try {
        return BranchMerge.merge(graph, revision, this::schemaOf);
      } catch (BranchMerge.Conflict conflict) {
        diagnostics.report(element(revision), Message.MERGE_CONFLICT, revision.label(), conflict.changedLabel(),
            conflict.baseLabel(), conflict.ontoLabel(), conflict.why(), file);
        throw new Failed();
      }
    }

    private RevisionNode node(String id) {
      return graph.find(id).orElseThrow(() -> new IllegalStateException("revision " + id + " is not in the graph"));
    }

    private TypeElement element(RevisionNode revision) {
      return revisions.elements().get(revision.id());
    }
  }
}
