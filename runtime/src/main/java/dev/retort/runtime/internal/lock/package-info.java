/**
 * The migration lock of each database, released by the database when the holder's connection dies.
 *
 * <p>Not API: may change in any release.
 */
package dev.retort.runtime.internal.lock;
