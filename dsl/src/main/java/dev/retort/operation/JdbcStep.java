package dev.retort.operation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * A data migration written in Java: the runtime calls it with the migration's connection,
 * inside the migration's transaction where the database has transactional DDL. It does not
 * change the schema model. The checksum covers only its description, so describe what it
 * does.
 *
 * @param description what the step does, such as {@code backfill users.plan with 'free'}
 * @param body the code to run
 */
public record JdbcStep(String description, Body body) implements Operation {

  /** Validates the components. */
  public JdbcStep {
    Objects.requireNonNull(description, "description == null");
    if (description.isBlank()) {
      throw new IllegalArgumentException("a JDBC step needs a description of what it does");
    }
    Objects.requireNonNull(body, "body == null");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.jdbcStep(this);
  }

  @Override
  public String summary() {
    return "run " + description;
  }

  /** The code of a {@link JdbcStep}. */
  @FunctionalInterface
  public interface Body {
    /**
     * Runs the step.
     *
     * @param connection the migration's connection; do not close or commit it
     * @throws SQLException to fail the migration
     */
    void run(Connection connection) throws SQLException;
  }
}
