/**
 * The operations: one immutable record per kind of schema change, under the sealed
 * {@link dev.retort.operation.Operation}. The processor's differ emits them, its code generator
 * writes them as DSL calls, the DSL records them, and the runtime renders, runs and checksums
 * them. {@link dev.retort.operation.Operation.Visitor} handles every kind.
 */
package dev.retort.operation;
