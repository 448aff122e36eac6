/**
 * Planning (rendering every statement against the schema model before anything runs) and running
 * migrations in the transactions each database allows.
 *
 * <p>Not API: may change in any release.
 */
package dev.retort.runtime.internal.execution;
