/**
 * What application code uses from Retort at compile time: the entity annotations read by the
 * Retort processor ({@link dev.retort.Table}, {@link dev.retort.Column}, {@link dev.retort.Id},
 * {@link dev.retort.Index}, {@link dev.retort.Check}, {@link dev.retort.References},
 * {@link dev.retort.ForeignKey}, {@link dev.retort.RenamedFrom}, {@link dev.retort.Transient}), and the migration contract:
 * {@link dev.retort.Migration} classes annotated {@link dev.retort.Revision}.
 *
 * <p>The DSL that migrations describe their changes with is in {@link dev.retort.dsl}; the
 * operations it records, in {@link dev.retort.operation}; the schema model they change, in
 * {@link dev.retort.model}.
 */
package dev.retort;
