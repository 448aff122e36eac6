/**
 * What MariaDB and MySQL hold: what they (InnoDB, {@code utf8mb4}) count against their key
 * length and row size limits, and their largest decimal scales, for the processor's checks of
 * entities and the runtime's MySQL dialects: one place for the limits, with the messages left to
 * each of them.
 *
 * <p>Not API: public only so that the processor and the runtime can use it; may change in any
 * release.
 */
package dev.retort.internal.limits;
