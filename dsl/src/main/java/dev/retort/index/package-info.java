/**
 * The revision index, {@value dev.retort.index.RevisionIndexFile#RESOURCE}: the class-path
 * resource in which the Retort processor lists the revisions and from which the runtime reads
 * them. {@link dev.retort.index.RevisionIndexFile} writes and reads it.
 */
package dev.retort.index;
