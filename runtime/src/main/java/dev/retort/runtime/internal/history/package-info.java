/**
 * The version table: its definition and every statement on it.
 *
 * <p>Not API: may change in any release.
 */
package dev.retort.runtime.internal.history;
