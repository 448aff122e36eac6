package dev.retort.examples.bookshop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.Retort;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rows written under an early revision survive the rest of the history on every database:
 * the renames keep their data, the two-step NOT NULL fills in the missing country, the new
 * NOT NULL column with a default gets it, and the data-only revision adds and removes its row.
 */
class HistoryKeepsDataTest {

  /** Revision 2: customers.phone and the index on books.title exist; nothing is renamed yet. */
  private static final String BEFORE_RENAMES = "20261121_051349";
  /** Revision 7: customers.fax dropped; the author Anonymous not yet added. */
  private static final String BEFORE_ANONYMOUS = "20261121_051546";

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void rowsFromRevisionTwoSurviveToHeadAndTheDataStepsRunBothWays(TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase database = TestDatabase.create(kind)) {
      DatabaseSettings settings = database.settings();
      // tag::data-test[]
      Retort retort = Retort.builder().url(settings.url(), settings.user(), settings.password()).build();
      retort.upgrade(BEFORE_RENAMES);
      try (Connection connection = database.connect()) {
        insertAnOrderUnderRevisionTwo(connection);
      }

      retort.upgrade("head");

      try (Connection connection = database.connect()) {
        assertThat(rows(connection, "SELECT full_name, country, phone FROM customers"))
            .containsExactly(List.of("Ada Lovelace", "GB", "+44 20 7946 0000"));
        assertThat(rows(connection, "SELECT line_no, quantity, unit_price FROM order_items"))
            .containsExactly(List.of("1", "2", "12.5"));
        assertThat(rows(connection, "SELECT title, stock FROM books"))
            .containsExactly(List.of("Notes on the Analytical Engine", "0"));
        assertThat(rows(connection, "SELECT name FROM authors ORDER BY name"))
            .containsExactly(List.of("Ada Lovelace"), List.of("Anonymous"));
      }
      // end::data-test[]

      retort.downgrade(BEFORE_ANONYMOUS);

      try (Connection connection = database.connect()) {
        assertThat(rows(connection, "SELECT name FROM authors")).containsExactly(List.of("Ada Lovelace"));
      }
    }
  }

  private static void insertAnOrderUnderRevisionTwo(Connection connection) throws SQLException {
    update(connection, "INSERT INTO authors (name) VALUES (?)", "Ada Lovelace");
    long author = id(connection, "SELECT id FROM authors WHERE name = ?", "Ada Lovelace");
    update(connection, "INSERT INTO books (isbn, title, author_id, price) VALUES (?, ?, ?, ?)",
        "9780000000001", "Notes on the Analytical Engine", author, new BigDecimal("12.50"));
    long book = id(connection, "SELECT id FROM books WHERE isbn = ?", "9780000000001");
    update(connection, "INSERT INTO customers (email, name, fax, phone) VALUES (?, ?, ?, ?)",
        "ada@example.org", "Ada Lovelace", "+44 20 7946 0001", "+44 20 7946 0000");
    long customer = id(connection, "SELECT id FROM customers WHERE email = ?", "ada@example.org");
    update(connection, "INSERT INTO orders (customer_id, placed_at) VALUES (?, ?)",
        customer, Timestamp.from(Instant.parse("2026-11-20T10:15:30Z")));
    long order = id(connection, "SELECT id FROM orders WHERE customer_id = ?", customer);
    update(connection,
        "INSERT INTO order_lines (order_id, line_no, book_id, quantity, unit_price) VALUES (?, ?, ?, ?, ?)",
        order, 1, book, 2, new BigDecimal("12.50"));
  }

  private static void update(Connection connection, String sql, Object... values) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
    }
  }

  private static long id(Connection connection, String sql, Object value) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, value);
      try (ResultSet result = statement.executeQuery()) {
        assertThat(result.next()).as("a row for %s", sql).isTrue();
        return result.getLong(1);
      }
    }
  }

  /**
   * Every row as its columns' text. Numbers are compared by value: SQLite keeps a decimal's
   * value, not its scale, so 12.50 reads as 12.5 everywhere.
   */
  private static List<List<String>> rows(Connection connection, String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet result = statement.executeQuery()) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          Object value = result.getObject(i);
          row.add(value instanceof Number number
              ? new BigDecimal(number.toString()).stripTrailingZeros().toPlainString()
              : String.valueOf(value));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
