package dev.retort.runtime.internal.execution;

import dev.retort.operation.Operation;
import dev.retort.runtime.dialect.Step;
import java.util.List;
import java.util.Objects;

/**
 * One rendered step and the operations it comes from: one operation, or the consecutive
 * operations that a dialect does in one table rebuild ({@link MergedRebuilds}).
 *
 * @param step the statement or Java step
 * @param operations the operations it was rendered from, in the migration's order
 */
public record PlannedStep(Step step, List<Operation> operations) {

  /** Validates and copies the components. */
  public PlannedStep {
    Objects.requireNonNull(step, "step == null");
    operations = List.copyOf(operations);
    if (operations.isEmpty()) {
      throw new IllegalArgumentException("a step comes from at least one operation");
    }
  }

  /**
   * A step rendered from one operation.
   *
   * @param step the statement or Java step
   * @param operation the operation it was rendered from
   */
  public PlannedStep(Step step, Operation operation) {
    this(step, List.of(Objects.requireNonNull(operation, "operation == null")));
  }

  /** The step as messages show it: the SQL, or the Java step's description. */
  public String display() {
    if (step instanceof Step.Sql sql) {
      return sql.sql();
    }
    return "Java step '" + ((Step.Callback) step).step().description() + "'";
  }

  /**
   * What the step comes from as messages show it: {@code 'alter column items.qty (…)'}, or for a
   * rebuild of several operations, {@code 'alter column items.qty (…)' and 'alter column
   * items.name (…)', done in one table rebuild}.
   */
  public String source() {
    List<String> summaries = operations.stream().map(operation -> "'" + operation.summary() + "'").toList();
    if (summaries.size() == 1) {
      return summaries.get(0);
    }
    return String.join(", ", summaries.subList(0, summaries.size() - 1)) + " and " + summaries.get(summaries.size() - 1) + ", done in one table rebuild";
  }

  /** Whether the step must run outside a transaction. */
  public boolean outsideTransaction() {
    return step instanceof Step.Sql sql && sql.outsideTransaction();
  }
}
