/**
 * Reads a live database's schema and lists how it differs from a schema model: the drift check.
 * {@link dev.retort.runtime.dialect.inspect.SchemaInspector} is the entry point; one
 * {@code Catalog} per database knows how that database shows its schema.
 */
package dev.retort.runtime.dialect.inspect;
