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
 * JPA entities end to end: the real processor reads a small JPA domain with
 * {@code -Aretort.entities=jpa} (a mapped superclass, an embeddable, a many-to-one, a one-to-one, a
 * many-to-many, an index, a unique constraint, enums and an entity that is a view), writes the
 * migration, the runtime applies it, and {@code check()} finds the database as the entities declare
 * it; the database enforces the keys, and the view shows the rows. Keys from
 * sequences get the sequences Hibernate takes them from, where the database has sequences; SQLite
 * refuses them before anything runs.
 */
class JpaEntitiesTest {

  private static final Instant CLOCK = Instant.parse("2026-11-21T15:30:00Z");
  @TempDir Path root;

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void theMigrationOfJpaEntitiesAppliesAndChecksClean(TestDatabase.Kind kind) throws IOException, SQLException {
    Project project = new Project(root);
    project.writeEntities(JpaDomain.SOURCES);
    Project.Build build = project.build(CLOCK, "-Aretort.entities=jpa");
    assertThat(build.succeeded()).as(build.log()).isTrue();
    assertThat(snapshot(project)).contains("""
        table purchase_order
          column id bigint not null identity
          column created_at timestamp with time zone not null
          column customer_id bigint not null
          column paid_with_id bigint null
          column placed_on date null
          column status smallint null
          column total decimal(12,2) null
          column version integer not null
          primary key pk_purchase_order (id)
          unique uq_purchase_order_paid_with_id (paid_with_id)
          index ix_orders_placed (placed_on, status)
          foreign key fk_purchase_order_customer_id (customer_id) references customers (id) on delete no action on update no action
          foreign key fk_purchase_order_paid_with_id (paid_with_id) references card (id) on delete no action on update no action
        """).contains("""
        table coupon comment 'discount codes'
          column id bigint not null identity
          column created_at timestamp with time zone not null
          column code varchar(20) null comment 'as printed'
          column discount integer null
          primary key pk_coupon (id)
          check ck_coupon 'discount between 1 and 100'
          check ck_coupon_code_length 'length(code) >= 4'
        """).contains("""
        table card
          column id bigint not null identity
          column created_at timestamp with time zone not null
          column number varchar(19) not null
          column activated_at timestamp(0) null
          column cutoff time(0) null
          primary key pk_card (id)
        """).contains("""
        view customer_totals as 'SELECT customer_id, count(*) AS orders FROM purchase_order GROUP BY customer_id'
        """).doesNotContain("table customer_total");

    try (TestDatabase db = TestDatabase.create(kind)) {
      try (URLClassLoader loader = build.classLoader()) {
        Retort retort = Retort.builder().url(url(db), db.user(), db.password()).classLoader(loader).build();
        assertThat(retort.upgrade().runs()).hasSize(1);
        assertThat(retort.check().differences()).as("check() after the upgrade").isEmpty();
      }
      try (Connection connection = connect(db); Statement statement = connection.createStatement()) {
        statement.execute("INSERT INTO customers (created_at, email, street, ship_street, tier)"
            + " VALUES (CURRENT_TIMESTAMP, 'a@example.com', 'Main St 1', 'Dock 4', 'GOLD')");
        statement.execute("INSERT INTO card (created_at, number) VALUES (CURRENT_TIMESTAMP, '4111')");
        statement.execute("INSERT INTO purchase_order (created_at, customer_id, paid_with_id, status, version)"
            + " VALUES (CURRENT_TIMESTAMP, 1, 1, 0, 0)");
        try (ResultSet totals = statement.executeQuery("SELECT customer_id, orders FROM customer_totals")) {
          assertThat(totals.next()).as("the view of the @Entity @View has the customer's row").isTrue();
          assertThat(totals.getLong(1)).isEqualTo(1);
          assertThat(totals.getLong(2)).isEqualTo(1);
        }
        assertThatThrownBy(() -> statement.execute("INSERT INTO customers (created_at, email)"
            + " VALUES (CURRENT_TIMESTAMP, 'a@example.com')"))
            .as("a second customer of one email").isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> statement.execute("INSERT INTO purchase_order (created_at, customer_id, version)"
            + " VALUES (CURRENT_TIMESTAMP, 9, 0)"))
            .as("an order of a customer that does not exist").isInstanceOf(SQLException.class);
        statement.execute("INSERT INTO coupon (created_at, code) VALUES (CURRENT_TIMESTAMP, 'SPRING')");
        assertThatThrownBy(() -> statement.execute("INSERT INTO coupon (created_at, code, discount)"
            + " VALUES (CURRENT_TIMESTAMP, 'SUMMER', 0)"))
            .as("a coupon outside @Table(check)").isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> statement.execute("INSERT INTO coupon (created_at, code) VALUES (CURRENT_TIMESTAMP,"
            + " 'AB')")).as("a coupon outside @Column(check)").isInstanceOf(SQLException.class);
        statement.execute("INSERT INTO card_coupons (cards_id, coupons_id) VALUES (1, 1)");
        assertThatThrownBy(() -> statement.execute("INSERT INTO card_coupons (cards_id, coupons_id) VALUES (1, 1)"))
            .as("a coupon twice on one card").isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> statement.execute("INSERT INTO purchase_order (created_at, customer_id, paid_with_id,"
            + " version) VALUES (CURRENT_TIMESTAMP, 1, 1, 0)"))
            .as("a second order paid with one card").isInstanceOf(SQLException.class);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
  void keysFromSequencesGetTheSequencesHibernateUses(TestDatabase.Kind kind) throws IOException, SQLException {
    Project project = new Project(root);
    project.writeEntities(JpaDomain.allSources());
    Project.Build build = project.build(CLOCK, "-Aretort.entities=jpa");
    assertThat(build.succeeded()).as(build.log()).isTrue();
    assertThat(snapshot(project)).contains("""
        table invoice
          column id bigint not null
          column number varchar(20) not null
          primary key pk_invoice (id)
        """).contains("""
        sequence billing_ids start 500 increment 5
        sequence document_ids start 1000 increment 10
        sequence invoice_seq start 1 increment 50
        sequence shipment_ids start 1 increment 1
        sequence vouchers_seq start 1 increment 50
        """);

    try (TestDatabase db = TestDatabase.create(kind)) {
      try (URLClassLoader loader = build.classLoader()) {
        Retort retort = Retort.builder().url(url(db), db.user(), db.password()).classLoader(loader).build();
        assertThat(retort.upgrade().runs()).hasSize(1);
        assertThat(retort.check().differences()).as("check() after the upgrade").isEmpty();
      }
      try (Connection connection = connect(db); Statement statement = connection.createStatement()) {
        assertThat(SequenceEvolutionTest.next(statement, kind, "invoice_seq")).isEqualTo(1);
        assertThat(SequenceEvolutionTest.next(statement, kind, "invoice_seq")).isEqualTo(51);
        assertThat(SequenceEvolutionTest.next(statement, kind, "document_ids")).isEqualTo(1000);
        assertThat(SequenceEvolutionTest.next(statement, kind, "document_ids")).isEqualTo(1010);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = "SQLITE")
  void sqliteRefusesTheSequencesOfJpaKeysBeforeAnythingRuns(TestDatabase.Kind kind) throws IOException {
    Project project = new Project(root);
    project.writeEntities(JpaDomain.allSources());
    Project.Build build = project.build(CLOCK, "-Aretort.entities=jpa");
    assertThat(build.succeeded()).as(build.log()).isTrue();

    try (TestDatabase db = TestDatabase.create(kind); URLClassLoader loader = build.classLoader()) {
      Retort retort = Retort.builder().url(url(db), db.user(), db.password()).classLoader(loader).build();
      assertThatThrownBy(retort::upgrade)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.UNSUPPORTED_OPERATION))
          .hasMessageContaining("SQLite has no sequences")
          .hasMessageEndingWith("Nothing was run.");
      assertThat(retort.current().revisions()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void hibernatesColumnDefaultFillsANotNullColumnAddedToATableWithRows(TestDatabase.Kind kind)
      throws IOException, SQLException {
    Project project = new Project(root);
    project.writeEntities(Map.of(COLUMN_DEFAULT_PATH, COLUMN_DEFAULT, JpaDomain.PACKAGE.replace('.', '/') + "/Subscriber.java", """
        package com.example.shop;
        import jakarta.persistence.*;
        @Entity
        public class Subscriber { @Id long id; String name; }
        """));
    Project.Build first = project.build(CLOCK, "-Aretort.entities=jpa");
    assertThat(first.succeeded()).as(first.log()).isTrue();
    try (TestDatabase db = TestDatabase.create(kind)) {
      try (URLClassLoader loader = first.classLoader()) {
        Retort.builder().url(url(db), db.user(), db.password()).classLoader(loader).build().upgrade();
      }
      try (Connection connection = connect(db); Statement statement = connection.createStatement()) {
        statement.execute("INSERT INTO subscriber (id, name) VALUES (1, 'Ann')");
      }
      project.writeEntities(Map.of(COLUMN_DEFAULT_PATH, COLUMN_DEFAULT, JpaDomain.PACKAGE.replace('.', '/') + "/Subscriber.java", """
          package com.example.shop;
          import jakarta.persistence.*;
          import org.hibernate.annotations.ColumnDefault;
          @Entity
          public class Subscriber {
            @Id long id;
            String name;
            @ColumnDefault("false") @Column(nullable = false) boolean newsletter;
            @ColumnDefault("'it''s new'") @Column(nullable = false, length = 20) String state;
            @ColumnDefault("CURRENT_TIMESTAMP") java.time.Instant joinedAt;
          }
          """));
      Project.Build second = project.build(CLOCK.plusSeconds(60), "-Aretort.entities=jpa");
      assertThat(second.succeeded()).as(second.log()).isTrue();
      assertThat(second.log()).doesNotContain("fails-on-data");
      try (URLClassLoader loader = second.classLoader()) {
        Retort retort = Retort.builder().url(url(db), db.user(), db.password()).classLoader(loader).build();
        assertThat(retort.upgrade().runs()).hasSize(1);
        assertThat(retort.check().differences()).as("check() after the upgrade").isEmpty();
      }
      try (Connection connection = connect(db); Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery("SELECT newsletter, state, joined_at FROM subscriber")) {
        assertThat(row.next()).isTrue();
        assertThat(row.getBoolean(1)).isFalse();
        assertThat(row.getString(2)).isEqualTo("it's new");
        assertThat(row.getObject(3)).as("the expression default filled the row").isNotNull();
      }
    }
  }

  private static final String COLUMN_DEFAULT_PATH = "org/hibernate/annotations/ColumnDefault.java";

  /** Hibernate's {@code @ColumnDefault}, as hibernate-core declares it. */
  private static final String COLUMN_DEFAULT = """
      package org.hibernate.annotations;
      import java.lang.annotation.*;
      @Target({ElementType.FIELD, ElementType.METHOD})
      @Retention(RetentionPolicy.RUNTIME)
      public @interface ColumnDefault { String value(); }
      """;

  private static String snapshot(Project project) throws IOException {
    return project.tree().entrySet().stream()
        .filter(file -> file.getKey().toString().endsWith(".schema"))
        .map(Map.Entry::getValue)
        .findFirst().orElseThrow();
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
}
