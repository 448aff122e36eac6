/**
 * The fluent DSL of migrations: {@link dev.retort.dsl.Schema} and the table builders, which only
 * record {@linkplain dev.retort.operation.Operation operations}; nothing here touches a database.
 * Column types come from the static factories of {@link dev.retort.model.ColumnType}, column
 * options from {@link dev.retort.dsl.ColumnOption}.
 */
package dev.retort.dsl;
