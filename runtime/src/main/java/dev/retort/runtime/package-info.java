/**
 * The Retort runtime: {@link dev.retort.runtime.Retort} applies an application's migrations to
 * a database and answers questions about its state; each command returns one of the immutable
 * results of this package, and every failure is a {@link dev.retort.runtime.RetortException}
 * carrying an {@link dev.retort.runtime.ErrorCode}.
 */
package dev.retort.runtime;
