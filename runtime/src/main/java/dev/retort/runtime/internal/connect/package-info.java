/**
 * Where the runtime's connections come from: a data source, a JDBC URL or a JDBI instance.
 *
 * <p>Not API: may change in any release.
 */
package dev.retort.runtime.internal.connect;
