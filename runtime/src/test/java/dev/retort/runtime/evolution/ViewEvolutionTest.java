package dev.retort.runtime.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.Retort;
import dev.retort.runtime.testdb.TestDatabase;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Views declared with {@code @View}, end to end: the real processor writes the migrations, the
 * runtime applies them, {@code check()} finds the database as the entities declare it, and the
 * view shows its rows. A second build widens a column the view reads, which PostgreSQL refuses
 * under a view: the generated migration drops the view before and creates it after, on every
 * database, and its downgrade does the same back.
 */
class ViewEvolutionTest {

  private static final Instant CLOCK = Instant.parse("2026-11-21T15:30:00Z");
  private static final String DIR = Entities.PACKAGE.replace('.', '/') + "/";
  private static final String VIEW = """
      package com.example.shop;

      import dev.retort.View;

      @View(\"""
          SELECT id, total
          FROM orders
          WHERE total > 100\""")
      public record BigOrder(long id, long total) {}
      """;

  @TempDir Path root;

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aColumnUnderAViewIsRetypedAndTheViewKeepsWorkingBothWays(TestDatabase.Kind kind)
      throws IOException, SQLException {
    Project project = new Project(root);
    project.writeEntities(Map.of(DIR + "Order.java", order("int"), DIR + "BigOrder.java", VIEW));
    Project.Build first = project.build(CLOCK);
    assertThat(first.succeeded()).as(first.log()).isTrue();

    try (TestDatabase db = TestDatabase.create(kind)) {
      try (URLClassLoader loader = first.classLoader()) {
        Retort retort = retort(db, loader);
        assertThat(retort.upgrade().runs()).hasSize(1);
        assertThat(retort.check().differences()).as("check() after the upgrade").isEmpty();
      }
      execute(db, "INSERT INTO orders (id, total) VALUES (1, 50)", "INSERT INTO orders (id, total) VALUES (2, 150)");
      assertThat(totals(db)).containsExactly(150L);

      project.writeEntities(Map.of(DIR + "Order.java", order("long"), DIR + "BigOrder.java", VIEW));
      Project.Build second = project.build(CLOCK.plusSeconds(60));
      assertThat(second.succeeded()).as(second.log()).isTrue();
      try (URLClassLoader loader = second.classLoader()) {
        Retort retort = retort(db, loader);
        assertThat(retort.upgrade().runs()).hasSize(1);
        assertThat(retort.check().differences()).as("check() after the second upgrade").isEmpty();
        execute(db, "INSERT INTO orders (id, total) VALUES (3, 3000000000)");
        assertThat(totals(db)).containsExactly(150L, 3_000_000_000L);

        execute(db, "DELETE FROM orders WHERE id = 3");
        retort.downgrade("-1");
        assertThat(retort.current().revisions()).hasSize(1);
      }
      assertThat(totals(db)).as("the view after the downgrade").containsExactly(150L);
      try (URLClassLoader loader = first.classLoader()) {
        assertThat(retort(db, loader).check().differences()).as("check() of the first build after the downgrade")
            .isEmpty();
      }
    }
  }

  private static String order(String totalType) {
    return """
        package com.example.shop;

        import dev.retort.*;

        @Table(name = "orders")
        public record Order(@Id long id, %s total) {}
        """.formatted(totalType);
  }

  private static List<Long> totals(TestDatabase db) throws SQLException {
    List<Long> totals = new ArrayList<>();
    try (Connection connection = connect(db); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT total FROM big_order ORDER BY total")) {
      while (result.next()) {
        totals.add(result.getLong(1));
      }
    }
    return totals;
  }

  private static void execute(TestDatabase db, String... statements) throws SQLException {
    try (Connection connection = connect(db); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private static Retort retort(TestDatabase db, ClassLoader loader) {
    return Retort.builder().url(url(db), db.user(), db.password()).classLoader(loader).build();
  }

  /** The database's URL; on H2 with bare names in lower case, as the guide sets it up, for the view's SQL. */
  private static String url(TestDatabase db) {
    return db.kind() == TestDatabase.Kind.H2 ? db.url() + ";DATABASE_TO_LOWER=TRUE" : db.url();
  }

  private static Connection connect(TestDatabase db) throws SQLException {
    return DriverManager.getConnection(url(db), db.user(), db.password());
  }
}
