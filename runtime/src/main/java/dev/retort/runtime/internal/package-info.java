/**
 * The migration engine behind {@link dev.retort.runtime.Retort}. Not API: everything under
 * this package may change in any release; use {@link dev.retort.runtime.Retort} instead.
 */
package dev.retort.runtime.internal;
