package dev.retort.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.CheckResult;
import dev.retort.runtime.Retort;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The big-table pattern of docs/patterns.md on every database, with rows in the table: each release matches the
 * model, PostgreSQL notes the constraints the first leaves NOT VALID, the second checks them and makes the column NOT
 * NULL, and each downgrade undoes its release.
 */
class BigTableTest {

  @ParameterizedTest
  @ValueSource(strings = {"h2", "sqlite", "postgresql", "mariadb"})
  void bothReleasesRunAndGoBackOnEveryDatabase(String database) throws Exception {
    try (DslExamplesRunTest.Scratch scratch = DslExamplesRunTest.Scratch.create(database)) {
      Retort retort = Retort.builder().url(scratch.url(), scratch.user(), "").migrations(BigTable.revisions()).build();
      retort.upgrade("1");
      execute(scratch, "INSERT INTO customers (id) VALUES (1)", "INSERT INTO orders (id, customer_id, total)"
          + " VALUES (1, 1, 10.00)");

      retort.upgrade("2");

      CheckResult first = retort.check();
      assertThat(first.differences()).isEmpty();
      assertThat(first.notes()).hasSize(database.equals("postgresql") ? 3 : 0);
      assertThatThrownBy(() -> execute(scratch, "INSERT INTO orders (id, customer_id, total) VALUES (2, 1, -1)"))
          .isInstanceOf(SQLException.class);

      retort.upgrade();

      CheckResult second = retort.check();
      assertThat(second.differences()).isEmpty();
      assertThat(second.notes()).isEmpty();
      assertThatThrownBy(() -> execute(scratch, "INSERT INTO orders (id, customer_id) VALUES (3, 1)"))
          .isInstanceOf(SQLException.class);

      retort.downgrade("-1");

      assertThat(retort.check().differences()).isEmpty();
      assertThat(retort.check().notes()).hasSize(database.equals("postgresql") ? 1 : 0);

      retort.downgrade("1");

      assertThat(retort.check().differences()).isEmpty();
      execute(scratch, "INSERT INTO orders (id, customer_id) VALUES (4, 99)");
    }
  }

  private static void execute(DslExamplesRunTest.Scratch scratch, String... statements) throws SQLException {
    try (Connection connection = DriverManager.getConnection(scratch.url(), scratch.user(), "");
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }
}
