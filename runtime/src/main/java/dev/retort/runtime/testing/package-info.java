/**
 * Help for an application's own tests of its migrations; see
 * {@link dev.retort.runtime.testing.MigrationCycle}.
 */
package dev.retort.runtime.testing;
