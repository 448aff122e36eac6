package dev.retort.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.RevisionInfo;
import dev.retort.model.SchemaModel;
import dev.retort.runtime.fixtures.Warehouse;
import dev.retort.runtime.internal.execution.Planner;
import dev.retort.runtime.internal.graph.RevisionGraph;
import dev.retort.runtime.testdb.TestDatabase;
import dev.retort.snapshot.SnapshotCodec;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code check} on everything the DSL makes ({@link Warehouse}): no difference on a database
 * exactly as the migrations left it, at every revision and after going down, and every change
 * made by hand behind the migrations' back reported, naming the table and what differs, on each
 * database that keeps what changed. Each revision's snapshot is on the class path, as the
 * processor ships it, so that check compares with it.
 */
class DriftDetectionTest {

  @TempDir
  Path resources;

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aDatabaseAsTheMigrationsMadeItMatchesAtEveryRevision(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = warehouse(db);
      try {
        for (String revision : List.of("1", "2", "3", "4", "5")) {
          retort.upgrade(revision);
          assertMatches(retort, revision);
        }
        retort.downgrade("2");
        assertMatches(retort, "2");
        retort.downgrade("base");
        assertThat(retort.check().differences()).isEmpty();
        retort.upgrade();
        assertMatches(retort, "5");
      } finally {
        dropBilling(db);
      }
    }
  }

  /** The same inside a schema made current ({@code currentSchema}): enums, sequences, identities, comments, keys. */
  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
  void aDatabaseAsTheMigrationsMadeItMatchesInsideACurrentSchema(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      String tenant = db.kind() == TestDatabase.Kind.MARIADB ? db.name() + "_tenant" : "tenant";
      Probe.execute(db, (db.kind() == TestDatabase.Kind.MARIADB ? "CREATE DATABASE " : "CREATE SCHEMA ")
          + Probe.quote(db, tenant));
      Retort retort = warehouse(db, builder -> builder.currentSchema(tenant));
      try {
        for (String revision : List.of("1", "2", "3", "4", "5")) {
          retort.upgrade(revision);
          assertMatches(retort, revision);
        }
        assertThat(Probe.tableExists(db, "retort_version")).isFalse();
        assertThat(Probe.tableExists(db, "kinds")).isFalse();
        retort.downgrade("base");
        assertThat(retort.check().differences()).isEmpty();
      } finally {
        dropBilling(db);
        if (db.kind() == TestDatabase.Kind.MARIADB) {
          Probe.execute(db, "DROP DATABASE IF EXISTS " + Probe.quote(db, tenant));
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void everyChangeMadeByHandIsReportedWithItsTable(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = warehouse(db);
      try {
        retort.upgrade();
        assertThat(retort.check().differences()).isEmpty();

        driftByHand(db);

        assertThat(retort.check().differences()).containsExactlyInAnyOrderElementsOf(drifted(db));
      } finally {
        dropBilling(db);
      }
    }
  }

  /**
   * PostgreSQL keeps a timestamp to the microsecond whether it is declared without a
   * precision, as Retort declares it, or with 6, as Hibernate does: the same type, spelled two
   * ways by {@code format_type}. A precision that is not the default stays a difference.
   */
  @Test
  void onPostgresqlATimestampDeclaredWithPrecision6IsTheSameType() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
      Retort retort = warehouse(db);
      try {
        retort.upgrade();
        Probe.execute(db,
            "ALTER TABLE \"kinds\" ALTER COLUMN \"instant\" TYPE TIMESTAMP(6) WITH TIME ZONE",
            "ALTER TABLE \"kinds\" ALTER COLUMN \"stamp_lit\" TYPE TIMESTAMP(6)");

        assertThat(retort.check().differences()).isEmpty();

        Probe.execute(db, "ALTER TABLE \"kinds\" ALTER COLUMN \"stamp_lit\" TYPE TIMESTAMP(5)");
        assertThat(retort.check().differences())
            .containsExactly("kinds.stamp_lit is timestamp(5) without time zone in the database, timestamp in the model");
      } finally {
        dropBilling(db);
      }
    }
  }

  /** The changes made by hand, in each database's SQL. */
  private static void driftByHand(TestDatabase db) throws SQLException {
    String billing = billingPrefix(db);
    switch (db.kind()) {
      case H2 -> Probe.execute(db,
          "ALTER TABLE \"kinds\" DROP COLUMN \"body\"",
          "ALTER TABLE \"kinds\" ADD \"extra\" VARCHAR(5)",
          "ALTER TABLE \"Customer\" ALTER COLUMN \"select\" SET DATA TYPE VARCHAR(20)",
          "ALTER TABLE \"kinds\" ALTER COLUMN \"price\" SET DATA TYPE DECIMAL(16,4)",
          "ALTER TABLE \"kinds\" ALTER COLUMN \"small\" SET DATA TYPE INTEGER",
          "ALTER TABLE \"kinds\" ALTER COLUMN \"instant\" SET DATA TYPE TIMESTAMP(3) WITH TIME ZONE",
          "ALTER TABLE \"kinds\" ALTER COLUMN \"code\" SET NOT NULL",
          "ALTER TABLE \"kinds\" ALTER COLUMN \"whole\" SET NULL",
          "ALTER TABLE \"kinds\" ALTER COLUMN \"digits\" SET DEFAULT '7'",
          "ALTER TABLE \"kinds\" ALTER COLUMN \"ratio\" SET DEFAULT 0.5",
          "ALTER TABLE \"kinds\" ALTER COLUMN \"label\" DROP DEFAULT",
          "ALTER TABLE \"kinds\" ALTER COLUMN \"noted\" SET DEFAULT 5",
          "ALTER TABLE \"kinds\" ALTER COLUMN \"flag\" SET DEFAULT FALSE",
          "ALTER TABLE \"kinds\" ALTER COLUMN \"stamp_lit\" SET DEFAULT '2024-01-31 12:00:01'",
          "ALTER TABLE \"kinds\" ALTER COLUMN \"key_lit\" SET DEFAULT '123e4567-e89b-12d3-a456-426614174001'",
          "ALTER TABLE \"kinds\" ALTER COLUMN \"mood\" SET DATA TYPE ENUM('happy','calm','sad','angry')",
          "ALTER TABLE \"kinds\" ALTER COLUMN \"id\" DROP IDENTITY",
          "COMMENT ON COLUMN \"kinds\".\"noted\" IS 'changed'",
          "DROP INDEX \"ix_order_user_group\"",
          "DROP INDEX \"IX_Customer_Select\"",
          "CREATE INDEX \"IX_Customer_Select\" ON \"Customer\" (\"GivenName\")",
          "ALTER TABLE \"Customer\" DROP CONSTRAINT \"UQ_Customer_Name\"",
          "DROP INDEX \"ux_order_check\"",
          "CREATE INDEX \"ux_order_check\" ON \"order\" (\"check\")",
          "ALTER TABLE \"actions\" DROP CONSTRAINT \"fk_actions_parent\"",
          "ALTER TABLE \"actions\" DROP CONSTRAINT \"fk_actions_cascade\"",
          "ALTER TABLE \"actions\" ADD CONSTRAINT \"fk_actions_cascade\" FOREIGN KEY (\"c_cascade\")"
              + " REFERENCES \"Customer\" (\"Id\") ON DELETE SET NULL ON UPDATE CASCADE",
          "ALTER TABLE \"order_line\" DROP CONSTRAINT \"ck_line_qty\"",
          "ALTER TABLE \"order_line\" ADD CONSTRAINT \"ck_extra\" CHECK (\"line_no\" > 0)",
          "ALTER TABLE " + billing + "\"invoice\" DROP CONSTRAINT \"pk_invoice\"",
          "CREATE TABLE " + billing + "\"scratch\" (\"id\" INTEGER)");
      case POSTGRESQL -> Probe.execute(db,
          "ALTER TABLE \"kinds\" DROP COLUMN \"body\"",
          "ALTER TABLE \"kinds\" ADD \"extra\" VARCHAR(5)",
          "ALTER TABLE \"Customer\" ALTER COLUMN \"select\" TYPE VARCHAR(20)",
          "ALTER TABLE \"kinds\" ALTER COLUMN \"price\" TYPE DECIMAL(16,4)",
          "ALTER TABLE \"kinds\" ALTER COLUMN \"small\" TYPE INTEGER",
          "ALTER TABLE \"kinds\" ALTER COLUMN \"instant\" TYPE TIMESTAMP(3) WITH TIME ZONE",
          "ALTER TABLE \"kinds\" ALTER COLUMN \"code\" SET NOT NULL",
          "ALTER TABLE \"kinds\" ALTER COLUMN \"whole\" DROP NOT NULL",
          "ALTER TABLE \"kinds\" ALTER COLUMN \"digits\" SET DEFAULT '7'",
          "ALTER TABLE \"kinds\" ALTER COLUMN \"ratio\" SET DEFAULT 0.5",
          "ALTER TABLE \"kinds\" ALTER COLUMN \"label\" DROP DEFAULT",
          "ALTER TABLE \"kinds\" ALTER COLUMN \"noted\" SET DEFAULT 5",
          "ALTER TABLE \"kinds\" ALTER COLUMN \"flag\" SET DEFAULT FALSE",
          "ALTER TABLE \"kinds\" ALTER COLUMN \"stamp_lit\" SET DEFAULT '2024-01-31 12:00:01'",
          "ALTER TABLE \"kinds\" ALTER COLUMN \"key_lit\" SET DEFAULT '123e4567-e89b-12d3-a456-426614174001'",
          "ALTER TYPE \"mood\" ADD VALUE 'angry'",
          "ALTER TABLE \"kinds\" ALTER COLUMN \"id\" DROP IDENTITY",
          "COMMENT ON COLUMN \"kinds\".\"noted\" IS 'changed'",
          "DROP INDEX \"ix_order_user_group\"",
          "DROP INDEX \"IX_Customer_Select\"",
          "CREATE INDEX \"IX_Customer_Select\" ON \"Customer\" (\"GivenName\")",
          "ALTER TABLE \"Customer\" DROP CONSTRAINT \"UQ_Customer_Name\"",
          "DROP INDEX \"ux_order_check\"",
          "CREATE INDEX \"ux_order_check\" ON \"order\" (\"check\")",
          "ALTER TABLE \"actions\" DROP CONSTRAINT \"fk_actions_parent\"",
          "ALTER TABLE \"actions\" DROP CONSTRAINT \"fk_actions_cascade\"",
          "ALTER TABLE \"actions\" ADD CONSTRAINT \"fk_actions_cascade\" FOREIGN KEY (\"c_cascade\")"
              + " REFERENCES \"Customer\" (\"Id\") ON DELETE SET NULL ON UPDATE CASCADE",
          "ALTER TABLE \"order_line\" DROP CONSTRAINT \"ck_line_qty\"",
          "ALTER TABLE \"order_line\" ADD CONSTRAINT \"ck_extra\" CHECK (\"line_no\" > 0)",
          "ALTER TABLE " + billing + "\"invoice\" DROP CONSTRAINT \"pk_invoice\"",
          "CREATE TABLE " + billing + "\"scratch\" (\"id\" INTEGER)");
      case MARIADB -> Probe.execute(db,
          "ALTER TABLE `kinds` DROP COLUMN `body`",
          "ALTER TABLE `kinds` ADD `extra` VARCHAR(5)",
          "ALTER TABLE `Customer` MODIFY `select` VARCHAR(20) NULL",
          "ALTER TABLE `kinds` MODIFY `price` DECIMAL(16,4) NULL DEFAULT 1.50",
          "ALTER TABLE `kinds` MODIFY `small` INT NOT NULL",
          "ALTER TABLE `kinds` MODIFY `instant` TIMESTAMP(3) NULL",
          "ALTER TABLE `kinds` MODIFY `code` CHAR(3) NOT NULL DEFAULT 'abc'",
          "ALTER TABLE `kinds` MODIFY `whole` BIGINT NULL DEFAULT 7",
          "ALTER TABLE `kinds` ALTER COLUMN `digits` SET DEFAULT '7'",
          "ALTER TABLE `kinds` ALTER COLUMN `ratio` SET DEFAULT 0.5",
          "ALTER TABLE `kinds` ALTER COLUMN `label` DROP DEFAULT",
          "ALTER TABLE `kinds` ALTER COLUMN `flag` SET DEFAULT FALSE",
          "ALTER TABLE `kinds` ALTER COLUMN `stamp_lit` SET DEFAULT '2024-01-31 12:00:01'",
          "ALTER TABLE `kinds` ALTER COLUMN `key_lit` SET DEFAULT '123e4567-e89b-12d3-a456-426614174001'",
          "ALTER TABLE `kinds` MODIFY `mood` ENUM('happy','calm','sad','angry') NOT NULL DEFAULT 'happy'",
          "ALTER TABLE `kinds` MODIFY `id` BIGINT NOT NULL",
          "ALTER TABLE `kinds` MODIFY `noted` INT NULL DEFAULT 5 COMMENT 'changed'",
          "ALTER TABLE `kinds` MODIFY `document` LONGTEXT NULL",
          "DROP INDEX `IX_Customer_Select` ON `Customer`",
          "CREATE INDEX `IX_Customer_Select` ON `Customer` (`GivenName`)",
          "ALTER TABLE `Customer` DROP INDEX `UQ_Customer_Name`",
          "DROP INDEX `ux_order_check` ON `order`",
          "CREATE INDEX `ux_order_check` ON `order` (`check`)",
          "ALTER TABLE `actions` DROP FOREIGN KEY `fk_actions_parent`",
          "ALTER TABLE `actions` DROP FOREIGN KEY `fk_actions_cascade`",
          "ALTER TABLE `actions` ADD CONSTRAINT `fk_actions_cascade` FOREIGN KEY (`c_cascade`)"
              + " REFERENCES `Customer` (`Id`) ON DELETE SET NULL ON UPDATE CASCADE",
          "ALTER TABLE `order_line` DROP CONSTRAINT `ck_line_qty`",
          "ALTER TABLE `order_line` ADD CONSTRAINT `ck_extra` CHECK (`line_no` > 0)",
          "ALTER TABLE " + billing + "`invoice` DROP PRIMARY KEY",
          "CREATE TABLE " + billing + "`scratch` (`id` INTEGER)");
      case SQLITE -> {
        Probe.execute(db,
            "ALTER TABLE \"kinds\" DROP COLUMN \"body\"",
            "ALTER TABLE \"kinds\" ADD \"extra\" VARCHAR(5)",
            "DROP INDEX \"ix_order_user_group\"",
            "DROP INDEX \"IX_Customer_Select\"",
            "CREATE INDEX \"IX_Customer_Select\" ON \"Customer\" (\"GivenName\")",
            "DROP INDEX \"ux_order_check\"",
            "CREATE INDEX \"ux_order_check\" ON \"order\" (\"check\")",
            "CREATE TABLE \"scratch\" (\"id\" INTEGER)");
        rebuildSqlite(db, "Customer",
            "\"select\" VARCHAR(10)", "\"select\" VARCHAR(20)",
            "CONSTRAINT \"UQ_Customer_Name\" UNIQUE (\"GivenName\", \"select\"),", "");
        rebuildSqlite(db, "kinds",
            "\"id\" INTEGER NOT NULL CONSTRAINT \"pk_kinds\" PRIMARY KEY AUTOINCREMENT",
            "\"id\" INTEGER NOT NULL CONSTRAINT \"pk_kinds\" PRIMARY KEY",
            "\"price\" DECIMAL(14,4)", "\"price\" DECIMAL(16,4)",
            "\"small\" SMALLINT", "\"small\" INTEGER",
            "\"instant\" TIMESTAMPTZ,", "\"instant\" TIMESTAMPTZ(3),",
            "\"code\" CHAR(3)", "\"code\" CHAR(3) NOT NULL",
            "\"whole\" BIGINT NOT NULL", "\"whole\" BIGINT",
            "\"digits\" TEXT DEFAULT '007'", "\"digits\" TEXT DEFAULT '7'",
            "\"ratio\" REAL DEFAULT 0.25", "\"ratio\" REAL DEFAULT 0.5",
            "\"label\" VARCHAR(80) DEFAULT 'it''s \"quoted\"'", "\"label\" VARCHAR(80)",
            "\"noted\" INTEGER", "\"noted\" INTEGER DEFAULT 5",
            "\"flag\" BOOLEAN NOT NULL DEFAULT 1", "\"flag\" BOOLEAN NOT NULL DEFAULT 0",
            "\"stamp_lit\" TIMESTAMP DEFAULT '2024-01-31T12:00'",
            "\"stamp_lit\" TIMESTAMP DEFAULT '2024-01-31T12:00:01'",
            "DEFAULT '123e4567-e89b-12d3-a456-426614174000'", "DEFAULT '123e4567-e89b-12d3-a456-426614174001'");
        rebuildSqlite(db, "actions",
            "  CONSTRAINT \"fk_actions_parent\" FOREIGN KEY (\"parent_id\") REFERENCES \"actions\" (\"id\"),\n", "",
            "REFERENCES \"Customer\" (\"Id\") ON DELETE CASCADE ON UPDATE CASCADE",
            "REFERENCES \"Customer\" (\"Id\") ON DELETE SET NULL ON UPDATE CASCADE");
        rebuildSqlite(db, "order_line",
            "CONSTRAINT \"ck_line_qty\" CHECK (\"qty\" > 0)", "CONSTRAINT \"ck_extra\" CHECK (\"line_no\" > 0)");
        rebuildSqlite(db, "invoice", "  CONSTRAINT \"pk_invoice\" PRIMARY KEY (\"id\"),\n", "");
      }
      default -> throw new AssertionError(db.kind());
    }
  }

  /** What check reports after {@link #driftByHand}, in each database's spelling of the types. */
  private static List<String> drifted(TestDatabase db) {
    TestDatabase.Kind kind = db.kind();
    String billing = billingPrefix(db).isEmpty() ? "" : billingName(db) + ".";
    boolean comments = kind != TestDatabase.Kind.SQLITE;
    List<String> list = new ArrayList<>();
    list.add("column kinds.body is missing");
    list.add("column kinds.extra is in the database but not in the model");
    list.add("Customer.select is " + type(kind, "VARCHAR(20)", "CHARACTER VARYING(20)", "character varying(20)",
        "varchar(20)") + " in the database, varchar(10) in the model");
    list.add("kinds.price is " + type(kind, "DECIMAL(16,4)", "DECIMAL(16,4)", "numeric(16,4)", "decimal(16,4)")
        + " in the database, decimal(14,4) in the model");
    list.add("kinds.small is " + type(kind, "INTEGER", "INTEGER", "integer", "int(11)")
        + " in the database, smallint in the model");
    list.add("kinds.instant is " + type(kind, "TIMESTAMPTZ(3)", "TIMESTAMP(3) WITH TIME ZONE",
        "timestamp(3) with time zone", "timestamp(3)") + " in the database, timestamp with time zone in the model");
    list.add("kinds.code is NOT NULL in the database, nullable in the model");
    list.add("kinds.whole is nullable in the database, NOT NULL in the model");
    list.add("default of kinds.digits is '7' in the database, '007' in the model");
    list.add("default of kinds.ratio is '0.5' in the database, '0.25' in the model");
    list.add("default of kinds.label is none in the database, 'it''s \"quoted\"' in the model");
    list.add("default of kinds.noted is '5' in the database, none in the model");
    list.add("default of kinds.flag is " + (kind == TestDatabase.Kind.H2 || kind == TestDatabase.Kind.POSTGRESQL
        ? "'false'" : "'0'") + " in the database, 'true' in the model");
    list.add("default of kinds.stamp_lit is '" + switch (kind) {
      case MARIADB -> "2024-01-31 12:00:01.000000";
      case SQLITE -> "2024-01-31T12:00:01";
      default -> "2024-01-31 12:00:01";
    } + "' in the database, '2024-01-31 12:00:00' in the model");
    list.add("default of kinds.key_lit is '123e4567-e89b-12d3-a456-426614174001' in the database,"
        + " '123e4567-e89b-12d3-a456-426614174000' in the model");
    switch (kind) {
      case H2 -> list.add("kinds.mood is ENUM('happy', 'calm', 'sad', 'angry') in the database,"
          + " enum mood('happy','calm','sad') in the model");
      case POSTGRESQL -> list.add("enum kinds.mood has values ('happy', 'calm', 'sad', 'angry') in the database,"
          + " ('happy', 'calm', 'sad') in the model");
      case MARIADB -> list.add("kinds.mood is enum('happy','calm','sad','angry') in the database,"
          + " enum mood('happy','calm','sad') in the model");
      default -> { }
    }
    list.add("kinds.id is not an identity column in the database, but is in the model");
    if (comments) {
      list.add("comment of kinds.noted is 'changed' in the database, 'renamed' in the model");
    }
    if (kind == TestDatabase.Kind.MARIADB) {
      // MariaDB keeps the index a foreign key needs, and the one it made for a dropped key.
      list.add("kinds.document is longtext in the database, json in the model");
      list.add("index fk_actions_parent (parent_id) of actions is in the database but not in the model");
    } else {
      list.add("index ix_order_user_group of order is missing");
    }
    list.add("index IX_Customer_Select of Customer is on (GivenName) in the database, (select) in the model");
    list.add("unique constraint UQ_Customer_Name (GivenName, select) of Customer is missing");
    list.add("index ux_order_check of order is not unique in the database, unique in the model");
    list.add("foreign key fk_actions_parent of actions is missing");
    list.add("foreign key fk_actions_cascade of actions has ON DELETE SET NULL in the database, CASCADE in the model");
    list.add("check constraint ck_line_qty of order_line is missing");
    list.add("check constraint ck_extra of order_line is in the database but not in the model");
    list.add("primary key pk_invoice of " + billing + "invoice is missing");
    list.add("table " + billing + "scratch is in the database but not in the model");
    return list;
  }

  private static String type(TestDatabase.Kind kind, String sqlite, String h2, String postgres, String mariadb) {
    return switch (kind) {
      case SQLITE -> sqlite;
      case H2 -> h2;
      case POSTGRESQL -> postgres;
      case MARIADB -> mariadb;
    };
  }

  /**
   * Changes a table on SQLite as sqlite.org prescribes for what {@code ALTER TABLE} cannot do:
   * a new table from the old one's {@code CREATE TABLE} with each {@code from} text replaced by
   * the {@code to} text after it, the old table dropped and the new one renamed, its indexes
   * created again. The tables hold no rows.
   */
  private static void rebuildSqlite(TestDatabase db, String table, String... edits) throws SQLException {
    try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
      String create = sqliteSql(connection, "table", table).get(0);
      for (int i = 0; i < edits.length; i += 2) {
        assertThat(create).as("the CREATE TABLE of %s", table).contains(edits[i]);
        create = create.replace(edits[i], edits[i + 1]);
      }
      List<String> indexes = sqliteSql(connection, "index", table);
      statement.execute("PRAGMA foreign_keys = OFF");
      statement.execute(create.replaceFirst("CREATE TABLE \"" + table + "\"", "CREATE TABLE \"rebuilt\""));
      statement.execute("DROP TABLE \"" + table + "\"");
      statement.execute("ALTER TABLE \"rebuilt\" RENAME TO \"" + table + "\"");
      for (String index : indexes) {
        statement.execute(index);
      }
    }
  }

  /** The SQL of a table's {@code CREATE TABLE} or of its explicit {@code CREATE INDEX} statements. */
  private static List<String> sqliteSql(Connection connection, String type, String table) throws SQLException {
    List<String> sql = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT \"sql\" FROM \"sqlite_master\" WHERE \"type\" = ? AND \"tbl_name\" = ? AND \"sql\" IS NOT NULL")) {
      statement.setString(1, type);
      statement.setString(2, table);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          sql.add(rows.getString(1));
        }
      }
    }
    return sql;
  }

  private static void assertMatches(Retort retort, String revision) {
    CheckResult check = retort.check();
    assertThat(check.differences()).as("differences at revision %s", revision).isEmpty();
    assertThat(check.baseline()).isEqualTo(snapshot(revision));
  }

  /**
   * The warehouse on the database, each revision with its snapshot: revision 5's tables in a
   * schema of their own (a database on MariaDB) except on SQLite, where a schema is a database
   * attached to each connection.
   */
  private Retort warehouse(TestDatabase db) throws IOException {
    return warehouse(db, builder -> builder);
  }

  private Retort warehouse(TestDatabase db, UnaryOperator<Retort.Builder> settings) throws IOException {
    String billing = "";
    if (db.kind() != TestDatabase.Kind.SQLITE) {
      billing = billingName(db);
      Probe.execute(db, (db.kind() == TestDatabase.Kind.MARIADB ? "CREATE DATABASE " : "CREATE SCHEMA ")
          + Probe.quote(db, billing));
    }
    List<RevisionInfo> given = Warehouse.revisions(billing, db.kind() != TestDatabase.Kind.MARIADB);
    RevisionGraph graph = RevisionGraph.of(given);
    List<RevisionInfo> revisions = new ArrayList<>();
    for (RevisionInfo revision : given) {
      SchemaModel model = Planner.modelOf(graph, graph.ancestorsOrSelf(revision.id()));
      Path file = resources.resolve(snapshot(revision.id()));
      Files.createDirectories(file.getParent());
      Files.writeString(file, SnapshotCodec.write(model));
      revisions.add(new RevisionInfo(revision.id(), revision.parents(), "", snapshot(revision.id()),
          revision.migration()));
    }
    URLClassLoader loader = new URLClassLoader(new URL[] {resources.toUri().toURL()}, getClass().getClassLoader());
    return settings.apply(Retort.builder().url(db.url(), db.user(), db.password()).migrations(revisions)
        .classLoader(loader).lockTimeout(Duration.ofSeconds(30))).build();
  }

  private static String snapshot(String revision) {
    return "db/warehouse/" + revision + ".schema";
  }

  private static String billingName(TestDatabase db) {
    return db.kind() == TestDatabase.Kind.MARIADB ? db.name() + "_billing" : "billing";
  }

  /** The billing schema as a prefix of a table name in SQL; empty on SQLite. */
  private static String billingPrefix(TestDatabase db) {
    return db.kind() == TestDatabase.Kind.SQLITE ? "" : Probe.quote(db, billingName(db)) + ".";
  }

  /** Drops MariaDB's second database, which dropping the test database leaves. */
  private static void dropBilling(TestDatabase db) {
    if (db.kind() == TestDatabase.Kind.MARIADB) {
      Probe.execute(db, "DROP DATABASE IF EXISTS " + Probe.quote(db, billingName(db)));
    }
  }
}
