package dev.retort.runtime.dialect;

import dev.retort.operation.JdbcStep;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One thing to run for an operation: a SQL statement or a Java step. */
public sealed interface Step permits Step.Sql, Step.Callback {

  /**
   * What this step is in an offline script, which a database administrator runs without
   * Retort: the statements that do the same with the database alone, or empty if the step is
   * Java code that has no SQL form (a data step written with {@code Schema.run}).
   *
   * @return the statements, in order
   */
  Optional<List<Sql>> offline();

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

    /** The statement itself. */
    @Override
    public Optional<List<Sql>> offline() {
      return Optional.of(List.of(this));
    }
  }

  /**
   * A Java step: a data step of the migration, or work that a dialect does in Java (SQLite's
   * table rebuild saves the table's triggers before it, creates them again and checks the
   * views and triggers that depend on the table after it, and checks the foreign keys; after
   * SQLite drops a column, the views and triggers are checked again).
   *
   * @param step the operation holding the code
   * @param offlineSql the statements that do the same in an offline script, failing the script
   *     where the code would fail the migration; empty if the code has no SQL form
   */
  record Callback(JdbcStep step, List<Sql> offlineSql) implements Step {
    /** Validates and copies the components. */
    public Callback {
      Objects.requireNonNull(step, "step == null");
      offlineSql = List.copyOf(offlineSql);
    }

    /**
     * A Java step with no SQL form.
     *
     * @param step the operation holding the code
     */
    public Callback(JdbcStep step) {
      this(step, List.of());
    }

    /** The offline statements, or empty if there are none. */
    @Override
    public Optional<List<Sql>> offline() {
      return offlineSql.isEmpty() ? Optional.empty() : Optional.of(offlineSql);
    }
  }
}
