/**
 * Schema snapshots: the committed text form of a {@link dev.retort.model.SchemaModel}, written
 * and read by {@link dev.retort.snapshot.SnapshotCodec}, whose Javadoc describes the format.
 */
package dev.retort.snapshot;
