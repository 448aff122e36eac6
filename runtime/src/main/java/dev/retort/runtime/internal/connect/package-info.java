/** Where the runtime's connections come from: a data source, a JDBC URL or a JDBI instance. */
package dev.retort.runtime.internal.connect;
