/**
 * SQL for schema changes, one dialect per database, and nothing else produces it.
 *
 * <p>{@link dev.retort.runtime.dialect.Dialect} is the contract the migration engine uses:
 * {@code render(operation, schemaBefore)} gives the {@link dev.retort.runtime.dialect.Step}s that
 * carry out one operation. {@link dev.retort.runtime.dialect.Dialects} finds the dialect for a
 * vendor or a connection. Each database has its class, whose Javadoc holds its type mapping and
 * what it does differently: {@link dev.retort.runtime.dialect.H2Dialect},
 * {@link dev.retort.runtime.dialect.SqliteDialect} (with the table rebuild of
 * {@code SqliteTableRebuild}), {@link dev.retort.runtime.dialect.PostgresDialect} and
 * {@link dev.retort.runtime.dialect.MySqlDialect} (MySQL and MariaDB). What they share is in
 * {@code SqlDialect}; differences that are only a keyword are named in {@code Capabilities}.
 *
 * <p>The {@link dev.retort.runtime.dialect.inspect} package reads a live schema back and compares
 * it with the model.
 */
package dev.retort.runtime.dialect;
