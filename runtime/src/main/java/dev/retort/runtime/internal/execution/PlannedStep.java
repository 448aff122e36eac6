package dev.retort.runtime.internal.execution;

import dev.retort.operation.Operation;
import dev.retort.runtime.dialect.Step;
import java.util.Objects;

/**
 * One rendered step and the operation it comes from.
 *
 * @param step the statement or Java step
 * @param operation the operation it was rendered from
 */
public record PlannedStep(Step step, Operation operation) {

  /** Validates the components. */
  public PlannedStep {
    Objects.requireNonNull(step, "step == null");
    Objects.requireNonNull(operation, "operation == null");
  }

  /** The step as messages show it: the SQL, or the Java step's description. */
  public String display() {
    if (step instanceof Step.Sql sql) {
      return sql.sql();
    }
    return "Java step '" + ((Step.Callback) step).step().description() + "'";
  }

  /** Whether the step must run outside a transaction. */
  public boolean outsideTransaction() {
    return step instanceof Step.Sql sql && sql.outsideTransaction();
  }
}
