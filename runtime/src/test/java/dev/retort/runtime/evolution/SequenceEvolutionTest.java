package dev.retort.runtime.evolution;

import static dev.retort.runtime.Codes.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
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
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sequences declared with {@code @Sequence}, end to end: the real processor writes the migration,
 * the runtime applies it, {@code check()} finds the database as the entities declare it, and
 * {@code nextval} hands out the values the annotation says. A second build changes the increment
 * and drops a sequence; the downgrade brings both back. SQLite, which has no sequences, refuses
 * the migration before anything runs.
 */
class SequenceEvolutionTest {

  private static final Instant CLOCK = Instant.parse("2026-11-21T15:30:00Z");
  private static final String DIR = Entities.PACKAGE.replace('.', '/') + "/";

  @TempDir Path root;

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
  void theGeneratedMigrationCreatesSequencesThatHandOutTheirValues(TestDatabase.Kind kind)
      throws IOException, SQLException {
    Project project = new Project(root);
    project.writeEntities(Map.of(DIR + "Order.java", """
        package com.example.shop;

        import dev.retort.*;

        @Table(name = "orders")
        @Sequence(name = "orders_seq", increment = 50)
        @Sequence(name = "invoice_no", start = 1000)
        public record Order(@Id long id, @Column(nullable = Column.Nullability.NOT_NULL) long position) {}
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
        assertThat(next(statement, kind, "orders_seq")).isEqualTo(1);
        assertThat(next(statement, kind, "orders_seq")).isEqualTo(51);
        assertThat(next(statement, kind, "invoice_no")).isEqualTo(1000);
        assertThat(next(statement, kind, "invoice_no")).isEqualTo(1001);
      }

      project.writeEntities(Map.of(DIR + "Order.java", """
          package com.example.shop;

          import dev.retort.*;

          @Table(name = "orders")
          @Sequence(name = "orders_seq", increment = 1)
          public record Order(@Id long id, @Column(nullable = Column.Nullability.NOT_NULL) long position) {}
          """));
      Project.Build second = project.build(CLOCK.plusSeconds(60));
      assertThat(second.succeeded()).as(second.log()).isTrue();
      try (URLClassLoader loader = second.classLoader()) {
        Retort retort = retort(db, loader);
        assertThat(retort.upgrade().runs()).hasSize(1);
        assertThat(retort.check().differences()).as("check() after the second upgrade").isEmpty();
        try (Connection connection = connect(db); Statement statement = connection.createStatement()) {
          long after = next(statement, kind, "orders_seq");
          assertThat(after).as("the sequence goes on, past what it handed out").isGreaterThan(51);
          assertThat(next(statement, kind, "orders_seq")).as("by the new increment").isEqualTo(after + 1);
        }

        retort.downgrade("-1");
        assertThat(retort.current().revisions()).hasSize(1);
      }
      try (URLClassLoader loader = first.classLoader()) {
        assertThat(retort(db, loader).check().differences()).as("check() of the first build after the downgrade")
            .isEmpty();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = "SQLITE")
  void aDatabaseWithoutSequencesRefusesTheMigrationBeforeItRuns(TestDatabase.Kind kind)
      throws IOException, SQLException {
    Project project = new Project(root);
    project.writeEntities(Map.of(DIR + "Order.java", """
        package com.example.shop;

        import dev.retort.*;

        @Table(name = "orders")
        @Sequence(name = "orders_seq", increment = 50)
        public record Order(@Id long id) {}
        """));
    Project.Build build = project.build(CLOCK);
    assertThat(build.succeeded()).as(build.log()).isTrue();

    try (TestDatabase db = TestDatabase.create(kind); URLClassLoader loader = build.classLoader()) {
      Retort retort = retort(db, loader);
      assertThatThrownBy(retort::upgrade)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.UNSUPPORTED_OPERATION))
          .hasMessageContaining("SQLite has no sequences")
          .hasMessageEndingWith("Nothing was run.");
      assertThat(retort.current().revisions()).isEmpty();
    }
  }

  /** The next value of a sequence. */
  static long next(Statement statement, TestDatabase.Kind kind, String sequence) throws SQLException {
    String sql = kind == TestDatabase.Kind.POSTGRESQL
        ? "SELECT nextval('" + sequence + "')"
        : "SELECT NEXT VALUE FOR " + sequence;
    try (ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static Retort retort(TestDatabase db, ClassLoader loader) {
    return Retort.builder().url(url(db), db.user(), db.password()).classLoader(loader).build();
  }

  /** The database's URL; on H2 with bare names in lower case, as the guide sets it up, for the SQL above. */
  private static String url(TestDatabase db) {
    return db.kind() == TestDatabase.Kind.H2 ? db.url() + ";DATABASE_TO_LOWER=TRUE" : db.url();
  }

  private static Connection connect(TestDatabase db) throws SQLException {
    return DriverManager.getConnection(url(db), db.user(), db.password());
  }
}
