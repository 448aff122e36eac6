package dev.retort.model;

import dev.retort.model.WorkingSchema.Checking;
import dev.retort.operation.Operation;

/**
 * A schema that operations change one at a time, giving the {@link SchemaModel} after each:
 * what a runtime needs to render every operation of a migration against the schema before and
 * after it.
 *
 * <p>It gives the same schemas, and refuses the same operations with the same messages, as
 * calling {@link SchemaModel#apply} for each operation in turn, but in time proportional to
 * what each operation touches plus a copy of the list of tables: {@code apply} validates the
 * whole schema again each time, which makes a first migration creating thousands of tables
 * quadratic.
 *
 * <p>Not thread-safe. After {@link #apply} has thrown, the evolution is in an undefined state
 * and must be dropped.
 */
public final class SchemaEvolution {

  private final WorkingSchema working;
  private final Applier applier;
  private SchemaModel current;

  /**
   * Starts from a schema.
   *
   * @param start the schema before the first operation
   */
  public SchemaEvolution(SchemaModel start) {
    this.working = new WorkingSchema(start, Checking.EACH_CHANGE);
    this.applier = new Applier(working);
    this.current = start;
  }

  /** The schema after the operations applied so far. */
  public SchemaModel current() {
    return current;
  }

  /**
   * Applies the next operation.
   *
   * @param operation the operation
   * @return the schema after it, which {@link #current()} returns from now on; the same schema
   *     if the operation does not change the model
   * @throws SchemaException if the operation does not fit the current schema, naming both
   */
  public SchemaModel apply(Operation operation) {
    applier.apply(operation);
    current = working.toModel();
    return current;
  }
}
