package dev.retort.runtime.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.Retort;
import dev.retort.runtime.testdb.TestDatabase;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A foreign key of two columns, declared with {@code @ForeignKey} on an entity, end to end: the
 * real processor writes the migration that creates the referenced table and the table with the key,
 * the runtime applies it, {@code check()} finds the database as the entities declare it, and the
 * database refuses a row whose pair of columns references no row. A second build renames the
 * referenced table and a column of the key with {@code @RenamedFrom}: the key stays, still enforced.
 */
class CompositeForeignKeyTest {

  private static final Instant CLOCK = Instant.parse("2026-11-21T15:30:00Z");
  private static final String DIR = Entities.PACKAGE.replace('.', '/') + "/";

  @TempDir Path root;

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void theGeneratedMigrationCreatesAKeyOfTwoColumnsThatTheDatabaseEnforces(TestDatabase.Kind kind)
      throws IOException, SQLException {
    Project project = new Project(root);
    project.writeEntities(Map.of(
        DIR + "OrderItem.java", """
            package com.example.shop;

            import dev.retort.*;

            @Table(name = "order_items")
            public record OrderItem(@Id long orderId, @Id int lineNo, int quantity) {}
            """,
        DIR + "Shipment.java", """
            package com.example.shop;

            import dev.retort.*;

            // tag::foreign-key[]
            @Table(name = "shipments")
            @ForeignKey(columns = {"order_id", "line_no"}, references = OrderItem.class,
                onDelete = ReferentialAction.CASCADE)
            public record Shipment(@Id long id, long orderId, int lineNo) {}
            // end::foreign-key[]
            """));
    Project.Build first = project.build(CLOCK);
    assertThat(first.succeeded()).as(first.log()).isTrue();

    try (TestDatabase db = TestDatabase.create(kind)) {
      try (URLClassLoader loader = first.classLoader()) {
        Retort retort = retort(db, loader);
        assertThat(retort.upgrade().runs()).hasSize(1);
        assertThat(retort.check().differences()).as("check() after the upgrade").isEmpty();
      }
      try (Connection connection = connect(db); Statement statement = connection.createStatement()) {
        statement.execute("INSERT INTO order_items (order_id, line_no, quantity) VALUES (1, 1, 5)");
        statement.execute("INSERT INTO shipments (id, order_id, line_no) VALUES (1, 1, 1)");
        assertThatThrownBy(() -> statement.execute("INSERT INTO shipments (id, order_id, line_no) VALUES (2, 1, 2)"))
            .as("a shipment of an order line that does not exist")
            .isInstanceOf(SQLException.class);
        statement.execute("DELETE FROM order_items");
        assertThat(count(statement, "shipments")).as("shipments left after the cascade").isZero();
      }

      project.writeEntities(Map.of(
          DIR + "OrderLine.java", """
              package com.example.shop;

              import dev.retort.*;

              @Table(name = "order_lines")
              @RenamedFrom("order_items")
              public record OrderLine(@Id long orderId, @Id int lineNo, int quantity) {}
              """,
          DIR + "Shipment.java", """
              package com.example.shop;

              import dev.retort.*;

              @Table(name = "shipments")
              @ForeignKey(name = "fk_shipments_order_id_line_no", columns = {"order_id", "line"},
                  references = OrderLine.class, onDelete = ReferentialAction.CASCADE)
              public record Shipment(@Id long id, long orderId, @RenamedFrom("line_no") int line) {}
              """));
      Project.Build second = project.build(CLOCK.plusSeconds(60));
      assertThat(second.succeeded()).as(second.log()).isTrue();
      try (URLClassLoader loader = second.classLoader()) {
        Retort retort = retort(db, loader);
        assertThat(retort.upgrade().runs()).hasSize(1);
        assertThat(retort.check().differences()).as("check() after the renames").isEmpty();
      }
      try (Connection connection = connect(db); Statement statement = connection.createStatement()) {
        statement.execute("INSERT INTO order_lines (order_id, line_no, quantity) VALUES (2, 1, 5)");
        statement.execute("INSERT INTO shipments (id, order_id, line) VALUES (3, 2, 1)");
        assertThatThrownBy(() -> statement.execute("INSERT INTO shipments (id, order_id, line) VALUES (4, 2, 2)"))
            .as("a shipment of an order line that does not exist, after the renames")
            .isInstanceOf(SQLException.class);
      }
    }
  }

  private static Retort retort(TestDatabase db, ClassLoader loader) {
    return Retort.builder().url(url(db), db.user(), db.password()).classLoader(loader).build();
  }

  /** The database's URL; on H2 with bare names in lower case, as the guide sets it up, for the SQL below. */
  private static String url(TestDatabase db) {
    return db.kind() == TestDatabase.Kind.H2 ? db.url() + ";DATABASE_TO_LOWER=TRUE" : db.url();
  }

  /** A connection of the application's own; on SQLite with foreign keys enforced, which it does per connection. */
  private static Connection connect(TestDatabase db) throws SQLException {
    Connection connection = DriverManager.getConnection(url(db), db.user(), db.password());
    if (db.kind() == TestDatabase.Kind.SQLITE) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA foreign_keys = ON");
      }
    }
    return connection;
  }

  private static int count(Statement statement, String table) throws SQLException {
    try (var result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      result.next();
      return result.getInt(1);
    }
  }
}
