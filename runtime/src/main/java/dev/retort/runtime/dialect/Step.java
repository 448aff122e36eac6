package dev.retort.runtime.dialect;

import dev.retort.operation.JdbcStep;
import java.util.Objects;

/** One thing to run for an operation: a SQL statement or a Java data step. */
public sealed interface Step permits Step.Sql, Step.Callback {

  /**
   * A SQL statement.
   *
   * @param sql the statement, without a trailing semicolon
   * @param outsideTransaction whether it must run outside a transaction (PostgreSQL's
   *     {@code CREATE INDEX CONCURRENTLY}); the runtime commits before it and runs it in
   *     auto-commit mode
   */
  record Sql(String sql, boolean outsideTransaction) implements Step {
    /** Validates the statement. */
    public Sql {
      Objects.requireNonNull(sql, "sql == null");
      if (sql.isBlank()) {
        throw new IllegalArgumentException("blank statement");
      }
    }

    /** A statement that runs in the migration's transaction. */
    public static Sql of(String sql) {
      return new Sql(sql, false);
    }
  }

  /**
   * A Java data step.
   *
   * @param step the operation holding the code
   */
  record Callback(JdbcStep step) implements Step {
    /** Validates the step. */
    public Callback {
      Objects.requireNonNull(step, "step == null");
    }
  }
}
