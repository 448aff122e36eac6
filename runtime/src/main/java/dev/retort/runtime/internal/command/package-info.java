/**
 * One class per command of {@link dev.retort.runtime.Retort}, and the connection and version-table
 * state they share.
 *
 * <p>Not API: may change in any release.
 */
package dev.retort.runtime.internal.command;
