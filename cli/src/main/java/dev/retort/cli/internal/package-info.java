/**
 * What the {@code retort} command and the Retort Maven plugin share: the database settings,
 * the data source that finds a JDBC driver on a given class loader, the text of each
 * command's report, and the masking of passwords; {@code authoring} starts new revisions in
 * the source tree. Not API: everything under this package may change in any release.
 */
package dev.retort.cli.internal;
