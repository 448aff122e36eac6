/**
 * Starting revisions in a project's source tree, shared by {@code retort revision} and
 * {@code retort merge} and the Maven plugin's {@code retort:revision} and {@code retort:merge}:
 * reading the {@code @Revision} classes from the sources with javac's parser, the schema as of
 * each revision from the committed snapshots, and writing the new migration and its snapshot
 * with the processor's code generator. Not API: everything under this package may change in any
 * release.
 */
package dev.retort.cli.internal.authoring;
