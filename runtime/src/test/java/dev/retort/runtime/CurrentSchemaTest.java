package dev.retort.runtime;

import static dev.retort.runtime.Codes.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.Migration;
import dev.retort.RevisionInfo;
import dev.retort.dsl.Schema;
import dev.retort.operation.Vendor;
import dev.retort.runtime.fixtures.Library;
import dev.retort.runtime.testdb.LendingDataSource;
import dev.retort.runtime.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code currentSchema}: one history applied to many schemas of a database, a schema per tenant. Every command
 * works inside the schema it is given, each schema keeps its own version table and lock, and the connection goes
 * back to the pool as it came.
 */
class CurrentSchemaTest {

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
  void eachSchemaGetsItsOwnTablesAndHistory(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind); Tenants tenants = new Tenants(db, "a", "b")) {
      retort(db, tenants.name("a")).upgrade();
      retort(db, tenants.name("b")).upgrade("002");

      assertThat(Probe.versionRows(db, tenants.qualified("a", "retort_version")))
          .extracting(Probe.Row::revision).containsExactly("001", "002", "003", "004");
      assertThat(Probe.versionRows(db, tenants.qualified("b", "retort_version")))
          .extracting(Probe.Row::revision).containsExactly("001", "002");
      assertThat(Probe.tableExists(db, "retort_version")).isFalse();
      assertThat(Probe.tableExists(db, "authors")).isFalse();
      assertThat(tenants.tables("a")).contains("authors", "books", "retort_version");
      assertThat(tenants.tables("b")).contains("authors", "books", "retort_version");
      assertThat(tenants.columns("a", "authors")).contains("born");
      assertThat(tenants.columns("b", "authors")).doesNotContain("born");

      assertThat(retort(db, tenants.name("a")).current().revisions()).containsExactly("004");
      assertThat(retort(db, tenants.name("b")).current().revisions()).containsExactly("002");
      assertThat(retort(db, tenants.name("a")).check().differences()).isEmpty();
      assertThat(retort(db, tenants.name("b")).check().differences()).isEmpty();

      assertThat(retort(db, tenants.name("a")).downgrade("base").runs()).hasSize(4);
      assertThat(tenants.tables("a")).contains("retort_version").doesNotContain("authors", "books");
      assertThat(tenants.tables("b")).contains("authors", "books");
    }
  }

  /** {@code schemas}: a pattern lists the tenants' schemas that exist, for a loop over them. */
  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
  void aPatternSelectsTheTenantsSchemasForALoopOverThem(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind); Tenants tenants = new Tenants(db, "b", "a", "c")) {
      Retort retort = Retort.builder().url(db.url(), db.user(), db.password()).migrations(Library.revisions())
          .lockTimeout(Duration.ofSeconds(60)).build();
      String pattern = tenants.name("*");

      List<String> selected = retort.schemas(pattern);

      assertThat(selected).containsExactly(tenants.name("a"), tenants.name("b"), tenants.name("c"));
      assertThat(retort.schemas(tenants.name("c"), pattern))
          .containsExactly(tenants.name("c"), tenants.name("a"), tenants.name("b"));
      assertThat(retort.schemas("*")).contains(tenants.name("a"))
          .noneMatch(name -> List.of("information_schema", "pg_catalog", "pg_toast", "mysql", "performance_schema",
              "sys").contains(name.toLowerCase(Locale.ROOT)));
      assertThatThrownBy(() -> retort.schemas(tenants.name("x*")))
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.DATABASE_ERROR))
          .hasMessageStartingWith("No " + (kind == TestDatabase.Kind.MARIADB ? "database" : "schema") + " matches "
              + tenants.name("x*"))
          .hasMessageContaining(tenants.name("a"));

      for (String tenant : selected) {
        retort.withCurrentSchema(tenant).upgrade();
      }
      assertThat(tenants.tables("a")).contains("authors", "books", "retort_version");
      assertThat(tenants.tables("c")).contains("authors", "books", "retort_version");
    }
  }

  @Test
  void sqliteHasNoSchemasForAPatternToMatch() {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = Retort.builder().url(db.url(), db.user(), db.password()).migrations(Library.revisions()).build();

      assertThatThrownBy(() -> retort.schemas("tenant_*"))
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.UNSUPPORTED_DATABASE))
          .hasMessageContaining("give each tenant a database file of its own");
    }
  }

  /** One instance, built once with its settings, serves every tenant: the history is read and described once. */
  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
  void anInstanceServesAnotherSchemaWithItsSettings(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind); Tenants tenants = new Tenants(db, "a", "b")) {
      Retort retort = Retort.builder().url(db.url(), db.user(), db.password()).migrations(Library.revisions())
          .versionTable("schema_history").build();

      retort.withCurrentSchema(tenants.name("a")).upgrade();
      retort.withCurrentSchema(tenants.name("b")).upgrade("002");

      assertThat(Probe.versionRows(db, tenants.qualified("a", "schema_history")))
          .extracting(Probe.Row::revision).containsExactly("001", "002", "003", "004");
      assertThat(Probe.versionRows(db, tenants.qualified("b", "schema_history")))
          .extracting(Probe.Row::revision).containsExactly("001", "002");
      assertThat(Probe.tableExists(db, "schema_history")).isFalse();
      assertThat(retort.withCurrentSchema(tenants.name("b")).check().differences()).isEmpty();
      assertThat(retort.current().revisions()).as("the instance itself keeps the connection's schema").isEmpty();
      assertThat(retort.withCurrentSchema(tenants.name("a")).sql("head", "003", kind.vendor()).statements())
          .anyMatch(statement -> statement.contains(tenants.name("a")) && !statement.contains("retort_version"));
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
  void connectionsGoBackToThePoolInTheSchemaTheyCameIn(TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind); Tenants tenants = new Tenants(db, "a")) {
      String lent;
      try (Connection connection = db.connect()) {
        lent = where(kind, connection);
      }
      Pool pool = new Pool(db);
      Retort retort = Retort.builder().dataSource(pool).migrations(Library.revisions())
          .currentSchema(tenants.name("a")).build();

      retort.upgrade();
      retort.check();
      retort.downgrade("-1");
      assertThatThrownBy(() -> retort.upgrade("999")).isInstanceOf(RetortException.class);

      assertThat(tenants.tables("a")).contains("authors", "books");
      assertThat(pool.givenBack).hasSizeGreaterThanOrEqualTo(3).containsOnly(lent);
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
  void aSchemaThatDoesNotExistIsAnErrorThatChangesNothing(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      String missing = db.name() + "_missing";

      assertThatThrownBy(() -> retort(db, missing).upgrade())
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.DATABASE_ERROR))
          .hasMessageContaining(missing)
          .hasMessageContaining("does not exist")
          .hasMessageContaining(kind == TestDatabase.Kind.MARIADB ? "CREATE DATABASE" : "CREATE SCHEMA");
      assertThat(Probe.tableExists(db, "retort_version")).isFalse();
      assertThat(Probe.tableExists(db, "authors")).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
  void aFailedMigrationNamesTheSchemaItFailedIn(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind); Tenants tenants = new Tenants(db, "a")) {
      Retort retort = Retort.builder().url(db.url(), db.user(), db.password())
          .migrations(Retort.revision("001", List.of(), BreaksOnItsData::new))
          .currentSchema(tenants.name("a")).build();

      assertThatThrownBy(retort::upgrade)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.MIGRATION_FAILED))
          .hasMessageContaining("failed at statement 2 of 2 on " + vendorName(kind)
              + (kind == TestDatabase.Kind.MARIADB ? ", in database " : ", in schema ")
              + tenants.name("a") + ":")
          .hasMessageContaining(kind == TestDatabase.Kind.POSTGRESQL
              ? "Fix the migration, or the data it failed on, and run upgrade(\"head\") again."
              : "statement 1 of revision 001 took effect and stays applied:");
    }
  }

  @Test
  void onH2ASchemaNamedInTheOtherCaseIsPointedOut() {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2)) {
      Probe.execute(db, "CREATE SCHEMA tenant_a");

      assertThatThrownBy(() -> retort(db, "tenant_a").upgrade())
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.DATABASE_ERROR))
          .hasMessageContaining("Schema tenant_a does not exist")
          .hasMessageContaining("TENANT_A");
    }
  }

  @Test
  void sqliteHasNoSchemasToSwitchTo() {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      assertThatThrownBy(() -> retort(db, "tenant_a").upgrade())
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.UNSUPPORTED_DATABASE))
          .hasMessageContaining("SQLite")
          .hasMessageContaining("database file per tenant");
      assertThat(Probe.tableExists(db, "retort_version")).isFalse();
    }
  }

  /** A migration of one schema holds that schema's lock only: another schema migrates meanwhile. */
  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
  void schemasMigrateAtTheSameTime(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind); Tenants tenants = new Tenants(db, "a", "b")) {
      CountDownLatch inside = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      List<RevisionInfo> waiting = new ArrayList<>(Library.revisions());
      waiting.add(Retort.revision("005", List.of("004"), () -> new Waits(inside, release)));
      CompletableFuture<MigrationResult> first = CompletableFuture.supplyAsync(() -> Retort.builder()
          .url(db.url(), db.user(), db.password()).migrations(waiting).currentSchema(tenants.name("a")).build()
          .upgrade());
      try {
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();

        MigrationResult second = Retort.builder().url(db.url(), db.user(), db.password()).migrations(waiting)
            .currentSchema(tenants.name("b")).lockTimeout(Duration.ofSeconds(5)).build().upgrade("004");

        assertThat(second.after()).containsExactly("004");
      } finally {
        release.countDown();
      }
      assertThat(first.get(30, TimeUnit.SECONDS).after()).containsExactly("005");
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
  void theOfflineScriptEntersTheSchemaFirst(TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind); Tenants tenants = new Tenants(db, "a")) {
      SqlScript script = Retort.builder().offline().migrations(Library.revisions())
          .currentSchema(tenants.name("a")).build().sql("base", "head", kind.vendor());

      String enter = switch (kind) {
        case POSTGRESQL -> "SET search_path TO \"" + tenants.name("a") + "\"";
        case MARIADB -> "USE `" + tenants.name("a") + "`";
        default -> "SET SCHEMA \"" + tenants.name("a") + "\"";
      };
      assertThat(script.blocks()).filteredOn(block -> block.statements().contains(enter)).singleElement()
          .extracting(SqlScript.Block::comment).isEqualTo("Work in " + tenants.name("a"));
      assertThat(script.statements().indexOf(enter)).isLessThan(firstChange(script));
      try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
        for (String sql : script.statements()) {
          statement.execute(sql);
        }
      }

      assertThat(tenants.tables("a")).contains("authors", "books", "retort_version");
      assertThat(Probe.tableExists(db, "authors")).isFalse();
      assertThat(retort(db, tenants.name("a")).current().revisions()).containsExactly("004");
      assertThat(retort(db, tenants.name("a")).check().differences()).isEmpty();

      // A script from a revision starts with the guard, which must read the schema's version table.
      SqlScript down = Retort.builder().offline().migrations(Library.revisions())
          .currentSchema(tenants.name("a")).build().sql("head", "002", kind.vendor());
      try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
        for (String sql : down.statements()) {
          statement.execute(sql);
        }
      }
      assertThat(retort(db, tenants.name("a")).current().revisions()).containsExactly("002");
      assertThat(tenants.columns("a", "authors")).doesNotContain("born");
    }
  }

  @Test
  void anOfflineScriptForSqliteIsRefused() {
    Retort retort = Retort.builder().offline().migrations(Library.revisions()).currentSchema("tenant_a").build();

    assertThatThrownBy(() -> retort.sql("base", "head", Vendor.SQLITE))
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.UNSUPPORTED_DATABASE))
        .hasMessageContaining("SQLite");
  }

  /** The index of the script's first statement that creates or alters something. */
  private static int firstChange(SqlScript script) {
    List<String> statements = script.statements();
    for (int i = 0; i < statements.size(); i++) {
      if (statements.get(i).startsWith("CREATE") || statements.get(i).startsWith("ALTER")) {
        return i;
      }
    }
    throw new AssertionError("the script changes nothing: " + statements);
  }

  private static Retort retort(TestDatabase db, String schema) {
    return Retort.builder().url(db.url(), db.user(), db.password()).migrations(Library.revisions())
        .lockTimeout(Duration.ofSeconds(60)).currentSchema(schema).build();
  }

  private static String vendorName(TestDatabase.Kind kind) {
    return switch (kind) {
      case POSTGRESQL -> "PostgreSQL";
      case MARIADB -> "MariaDB";
      default -> "H2";
    };
  }

  /** Creates a table, then fails on a statement that a tenant's data would break. */
  private static final class BreaksOnItsData implements Migration {
    @Override
    public void upgrade(Schema schema) {
      schema.execute("CREATE TABLE customers (id INT NOT NULL)");
      schema.execute("INSERT INTO no_such_table VALUES (1)");
    }

    @Override
    public void downgrade(Schema schema) {}
  }

  /** Where unqualified names go on a connection: the search path, the schema or the database. */
  private static String where(TestDatabase.Kind kind, Connection connection) throws SQLException {
    return switch (kind) {
      case POSTGRESQL -> {
        try (Statement statement = connection.createStatement();
            ResultSet result = statement.executeQuery("SHOW search_path")) {
          result.next();
          yield result.getString(1);
        }
      }
      case MARIADB -> connection.getCatalog();
      default -> connection.getSchema();
    };
  }

  /** Notes where each connection given back points unqualified names. */
  private static final class Pool extends LendingDataSource {
    final List<String> givenBack = new CopyOnWriteArrayList<>();
    private final TestDatabase.Kind kind;

    Pool(TestDatabase db) {
      super(db);
      this.kind = db.kind();
    }

    @Override
    protected void lend(Connection connection) {}

    @Override
    protected void giveBack(Connection connection) throws SQLException {
      givenBack.add(where(kind, connection));
    }
  }

  /** Holds the migration lock until released. */
  private static final class Waits implements Migration {
    private final CountDownLatch inside;
    private final CountDownLatch release;

    Waits(CountDownLatch inside, CountDownLatch release) {
      this.inside = inside;
      this.release = release;
    }

    @Override
    public void upgrade(Schema schema) {
      schema.run("wait for the test", connection -> {
        inside.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }

    @Override
    public void downgrade(Schema schema) {}
  }

  /** Schemas (databases on MariaDB) beside the test database, dropped at the end. */
  private static final class Tenants implements AutoCloseable {
    private final TestDatabase db;
    private final List<String> created = new ArrayList<>();

    Tenants(TestDatabase db, String... tenants) {
      this.db = db;
      for (String tenant : tenants) {
        String name = name(tenant);
        Probe.execute(db, (db.kind() == TestDatabase.Kind.MARIADB ? "CREATE DATABASE " : "CREATE SCHEMA ")
            + Probe.quote(db, name));
        created.add(name);
      }
    }

    /** The schema's name: unique on MariaDB, where it is a database of the server. */
    String name(String tenant) {
      return db.kind() == TestDatabase.Kind.MARIADB ? db.name() + "_" + tenant : "tenant_" + tenant;
    }

    String qualified(String tenant, String table) {
      return Probe.quote(db, name(tenant)) + "." + Probe.quote(db, table);
    }

    List<String> tables(String tenant) {
      return names("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + name(tenant)
          + "' ORDER BY table_name");
    }

    List<String> columns(String tenant, String table) {
      return names("SELECT column_name FROM information_schema.columns WHERE table_schema = '" + name(tenant)
          + "' AND table_name = '" + table + "'");
    }

    private List<String> names(String query) {
      List<String> names = new ArrayList<>();
      try (Connection connection = db.connect(); Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery(query)) {
        while (result.next()) {
          names.add(result.getString(1));
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      return names;
    }

    @Override
    public void close() {
      if (db.kind() == TestDatabase.Kind.MARIADB) {
        for (String name : created) {
          Probe.execute(db, "DROP DATABASE IF EXISTS " + Probe.quote(db, name));
        }
      }
    }
  }
}
