/**
 * The revision graph, the targets commands take, and the migrations' checksums.
 *
 * <p>Not API: may change in any release.
 */
package dev.retort.runtime.internal.graph;
