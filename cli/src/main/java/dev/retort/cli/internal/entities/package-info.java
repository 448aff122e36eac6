/**
 * Writing {@code @Table} entities from a live database, for {@code retort entities}: reading the
 * schema through the drift check's catalogs, the processor's type mapping and naming run
 * backwards, and the records' source. Not API: everything under this package may change in any
 * release.
 */
package dev.retort.cli.internal.entities;
