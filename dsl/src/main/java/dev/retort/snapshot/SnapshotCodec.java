package dev.retort.snapshot;

import dev.retort.model.SchemaModel;

/** Writes a schema as deterministic, line-oriented text and reads it back. */
public final class SnapshotCodec {

  private SnapshotCodec() {}

  /** Writes the schema. */
  public static String write(SchemaModel schema) {
    throw new UnsupportedOperationException("being written");
  }

  /**
   * Reads a snapshot.
   *
   * @param text the snapshot text
   * @param source the file or resource name, for error messages
   * @return the schema
   * @throws SnapshotFormatException naming the source and line of the first problem
   */
  public static SchemaModel read(String text, String source) {
    throw new UnsupportedOperationException("being written");
  }
}
