package dev.retort.processor.history;

import dev.retort.model.SchemaModel;
import dev.retort.processor.revision.RevisionNode;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A merge revision's snapshot that the processor computed because none is committed.
 *
 * @param revision the merge revision
 * @param file where the snapshot belongs in the resource directory
 * @param resource its classpath resource name
 * @param schema the merged schema
 */
public record ComputedSnapshot(RevisionNode revision, Path file, String resource, SchemaModel schema) {
  /** Validates the components. */
  public ComputedSnapshot {
    Objects.requireNonNull(revision, "revision == null");
    Objects.requireNonNull(file, "file == null");
    Objects.requireNonNull(resource, "resource == null");
    Objects.requireNonNull(schema, "schema == null");
  }
}
