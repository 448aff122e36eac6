package dev.retort.runtime.dialect;

import dev.retort.dsl.Schema;
import dev.retort.model.SchemaModel;
import dev.retort.operation.Operation;
import dev.retort.runtime.dialect.inspect.Difference;
import dev.retort.runtime.dialect.inspect.SchemaInspector;
import dev.retort.runtime.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Applies migrations to a test database the way the engine does, so that the dialects are
 * tested on their own: the connection prepared by the dialect, each migration in one
 * transaction, statements marked for it run outside the transaction, and the schema model kept
 * in step with what was applied.
 */
final class Migrator implements AutoCloseable {

  /** The version table name the inspector is told to ignore. */
  static final String VERSION_TABLE = "retort_version";

  private final Connection connection;
  private final Dialect dialect;
  private SchemaModel model = SchemaModel.empty();

  private Migrator(Connection connection, Dialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
  }

  /**
   * Opens a connection to the database; on SQLite with foreign keys enforced, as an
   * application that relies on them would have it.
   */
  static Migrator open(TestDatabase database) throws SQLException {
    Connection connection = database.connect();
    if (database.kind() == TestDatabase.Kind.SQLITE) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA foreign_keys = ON");
      }
    }
    return new Migrator(connection, Dialects.detect(connection));
  }

  Connection connection() {
    return connection;
  }

  Dialect dialect() {
    return dialect;
  }

  /** The schema the applied migrations produce. */
  SchemaModel model() {
    return model;
  }

  /** Applies the operations of one migration, in one transaction. */
  void apply(Schema migration) throws SQLException {
    apply(migration.operations());
  }

  /** Applies operations as one migration, in one transaction; on failure rolls back and keeps the model. */
  void apply(List<Operation> operations) throws SQLException {
    try (Dialect.SessionRestore restore = dialect.prepareConnection(connection)) {
      connection.setAutoCommit(false);
      try {
        SchemaModel next = model;
        for (Operation operation : operations) {
          for (Step step : dialect.render(operation, next)) {
            run(step);
          }
          next = next.apply(operation);
        }
        connection.commit();
        model = next;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  /** The differences between the database and the model of the applied migrations. */
  List<Difference> differences() throws SQLException {
    return SchemaInspector.differences(connection, dialect, model, VERSION_TABLE);
  }

  /** Runs a statement outside any migration, in auto-commit mode. */
  void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private void run(Step step) throws SQLException {
    if (step instanceof Step.Sql sql) {
      if (sql.outsideTransaction()) {
        connection.commit();
        connection.setAutoCommit(true);
        execute(sql.sql());
        connection.setAutoCommit(false);
      } else {
        try (Statement statement = connection.createStatement()) {
          statement.execute(sql.sql());
        }
      }
    } else {
      ((Step.Callback) step).step().body().run(connection);
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
