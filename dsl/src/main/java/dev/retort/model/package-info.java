/**
 * The schema model: {@link dev.retort.model.SchemaModel} and its immutable tables, columns, keys,
 * indexes and checks. {@link dev.retort.model.SchemaModel#apply} and
 * {@link dev.retort.model.SchemaEvolution} give the schema after operations, refusing with a
 * {@link dev.retort.model.SchemaException} an operation that does not fit;
 * {@link dev.retort.model.SchemaDiff} gives the operations between two schemas.
 */
package dev.retort.model;
