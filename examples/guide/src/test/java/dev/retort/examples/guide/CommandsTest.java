package dev.retort.examples.guide;

import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.dsl.TableElement.column;
import static dev.retort.dsl.TableElement.primaryKey;
import static dev.retort.model.ColumnType.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.Migration;
import dev.retort.dsl.Schema;
import dev.retort.operation.Vendor;
import dev.retort.runtime.CheckResult;
import dev.retort.runtime.Current;
import dev.retort.runtime.HistoryEntry;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.MigrationRun;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.RevisionDetails;
import dev.retort.runtime.SqlScript;
import dev.retort.runtime.StampResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The samples of docs/commands.md and docs/production.md, run against an H2 database with the
 * bookshop's migrations (found through the revision index in the bookshop's jar), each
 * followed by assertions of what the guide says it does.
 */
class CommandsTest {

  /** Revision 3 of the bookshop: the renames. */
  private static final String RENAMES = "20261121_051408";
  /** Revision 5b of the bookshop: customers.country made NOT NULL. */
  private static final String COUNTRY_NOT_NULL = "20261121_051503";
  /** Revision 7 of the bookshop: customers.fax dropped. */
  private static final String FAX_DROPPED = "20261121_051546";
  /** The bookshop's head, the merge revision. */
  private static final String HEAD = "20261121_051640";

  @TempDir Path directory;

  private String url;

  @BeforeEach
  void database() {
    url = "jdbc:h2:file:" + directory.resolve("shop") + ";DATABASE_TO_LOWER=TRUE";
  }

  @Test
  void upgradeAndDowngradeTakeTheirTargets() {
    // tag::builder[]
    Retort retort = Retort.builder()
        .url(url, "sa", "")
        .versionTable("retort_version")
        .lockTimeout(Duration.ofMinutes(2))
        .build();
    // end::builder[]

    // tag::upgrade-relative[]
    MigrationResult twoForward = retort.upgrade("+2");
    // end::upgrade-relative[]
    assertThat(twoForward.runs()).hasSize(2);
    assertThat(twoForward.after()).containsExactly("20261121_051349");

    // tag::upgrade-prefix[]
    retort.upgrade("20261121_05140");
    // end::upgrade-prefix[]
    assertThat(retort.current().revisions()).containsExactly(RENAMES);

    // tag::upgrade-head[]
    MigrationResult result = retort.upgrade();
    for (MigrationRun run : result.runs()) {
      System.out.printf("%s %s in %d ms%n", run.revision(), run.description(), run.duration().toMillis());
    }
    // end::upgrade-head[]
    assertThat(result.after()).containsExactly(HEAD);
    assertThat(retort.upgrade("head").changed()).as("a second upgrade to head").isFalse();

    // tag::downgrade[]
    retort.downgrade("-1");
    retort.downgrade(COUNTRY_NOT_NULL);
    // end::downgrade[]
    assertThat(retort.current().revisions()).containsExactly(COUNTRY_NOT_NULL);

    // tag::downgrade-base[]
    retort.downgrade("base");
    // end::downgrade-base[]
    assertThat(retort.current().atBase()).isTrue();
  }

  @Test
  void currentHistoryHeadsAndShowDescribeTheDatabaseAndTheHistory() {
    Retort retort = Retort.builder().url(url, "sa", "").build();
    retort.upgrade(FAX_DROPPED);

    // tag::current[]
    Current current = retort.current();
    System.out.println("at " + current.revisions() + ", head is " + current.head()
        + ", " + current.pending().size() + " to apply");
    // end::current[]
    assertThat(current.revisions()).containsExactly(FAX_DROPPED);
    assertThat(current.head()).isEqualTo(HEAD);
    assertThat(current.pending()).hasSize(4);

    // tag::history[]
    for (HistoryEntry entry : retort.history().entries()) {
      System.out.println((entry.isApplied() ? "* " : "  ") + entry.revision() + " " + entry.description());
    }
    // end::history[]
    assertThat(retort.history().entries()).hasSize(12).filteredOn(HistoryEntry::isApplied).hasSize(8);

    // tag::heads[]
    List<String> heads = retort.heads().revisions();
    // end::heads[]
    assertThat(heads).containsExactly(HEAD);

    // tag::show[]
    RevisionDetails fax = retort.show(FAX_DROPPED);
    System.out.println(fax.migrationClass() + " after " + fax.parents() + ": " + fax.upgrade());
    // end::show[]
    assertThat(fax.parents()).containsExactly("20261121_051523");
    assertThat(fax.upgrade()).singleElement().satisfies(operation ->
        assertThat(operation.summary()).isEqualTo("drop column customers.fax"));
  }

  @Test
  void stampAdoptsADatabaseWhoseSchemaIsAlreadyThere() throws SQLException {
    Retort.builder().url(url, "sa", "").build().upgrade(RENAMES);
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE retort_version");
    }

    // tag::stamp[]
    Retort retort = Retort.builder().url(url, "sa", "").build();
    StampResult stamped = retort.stamp(RENAMES);
    // end::stamp[]

    assertThat(stamped.recorded()).hasSize(3);
    assertThat(retort.current().revisions()).containsExactly(RENAMES);
    assertThat(retort.upgrade().runs()).hasSize(9);
  }

  @Test
  void baselineOnUpgradeAdoptsADatabaseWhoseTablesMatch() throws SQLException {
    Retort.builder().url(url, "sa", "").build().upgrade(RENAMES);
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE retort_version");
    }

    // tag::baseline[]
    Retort retort = Retort.builder()
        .url(url, "sa", "")
        .baselineOnUpgrade(RENAMES)
        .build();
    MigrationResult result = retort.upgrade();
    result.baseline().ifPresent(baseline -> System.out.println("Adopted at " + baseline.revisions()));
    // end::baseline[]

    assertThat(result.baseline()).hasValueSatisfying(baseline -> assertThat(baseline.recorded()).hasSize(3));
    assertThat(result.runs()).hasSize(9);
    assertThat(retort.check().matches()).isTrue();
    assertThat(retort.upgrade().baseline()).isEmpty();
  }

  @Test
  void checkFindsWhatWasChangedBehindTheMigrationsBack() throws SQLException {
    Retort retort = Retort.builder().url(url, "sa", "").build();
    retort.upgrade();
    assertThat(retort.check().matches()).isTrue();
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE customers ADD COLUMN nickname VARCHAR(40)");
    }

    // tag::check[]
    CheckResult check = retort.check();
    if (!check.matches()) {
      System.err.println("The database differs from revision " + check.revisions() + ":");
      check.differences().forEach(difference -> System.err.println("  " + difference));
    }
    // end::check[]

    assertThat(check.differences()).singleElement().asString().contains("customers").contains("nickname");
  }

  @Test
  void unmanagedObjectsAreLeftOutOfCheck() throws SQLException {
    Retort.builder().url(url, "sa", "").build().upgrade();
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE QRTZ_LOCKS (SCHED_NAME VARCHAR(120) NOT NULL, LOCK_NAME VARCHAR(40) NOT NULL)");
      statement.execute("CREATE TABLE shedlock (name VARCHAR(64) NOT NULL PRIMARY KEY)");
    }
    assertThat(Retort.builder().url(url, "sa", "").build().check().differences()).hasSize(2);

    // tag::unmanaged[]
    Retort retort = Retort.builder()
        .url(url, "sa", "")
        .unmanaged("qrtz_*", "spring_session*", "shedlock")
        .build();
    // end::unmanaged[]

    assertThat(retort.check().differences()).isEmpty();
  }

  @Test
  void aTableLockTimeoutLetsMigrationsRunAsUsual() {
    // tag::tableLockTimeout[]
    Retort retort = Retort.builder()
        .url(url, "sa", "")
        .tableLockTimeout(Duration.ofSeconds(5))
        .tableLockRetries(10)
        .build();
    // end::tableLockTimeout[]

    assertThat(retort.upgrade().runs()).isNotEmpty();
    assertThat(retort.check().matches()).isTrue();
  }

  @Test
  void aSchemaPerTenantIsMigratedSchemaBySchema() throws SQLException {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    dataSource.setUser("sa");
    List<String> tenants = List.of("tenant_acme", "tenant_globex", "tenant_initech");
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (String tenant : tenants) {
        statement.execute("CREATE SCHEMA " + tenant);
      }
      // A table of globex's own that the first migration cannot create again.
      statement.execute("CREATE TABLE tenant_globex.\"authors\" (id INT)");
    }

    assertThatThrownBy(() -> upgradeEveryTenant(dataSource))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Tenants not migrated: [tenant_globex]")
        .cause().isInstanceOf(RetortException.class).hasMessageContaining("in schema tenant_globex:");

    for (String tenant : List.of("tenant_acme", "tenant_initech")) {
      Retort retort = Retort.builder().dataSource(dataSource).currentSchema(tenant).build();
      assertThat(retort.current().atHead()).isTrue();
      assertThat(retort.check().matches()).isTrue();
    }
    assertThat(Retort.builder().dataSource(dataSource).currentSchema("tenant_globex").build().current().revisions())
        .isEmpty();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM information_schema.tables"
            + " WHERE table_name = 'retort_version'")) {
      result.next();
      assertThat(result.getInt(1)).isEqualTo(tenants.size());
    }
  }

  @Test
  void aSharedSchemaHasAHistoryOfItsOwn() throws SQLException {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    dataSource.setUser("sa");
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA shared");
    }

    // tag::shared-schema[]
    Retort shared = Retort.builder()
        .dataSource(dataSource)
        .currentSchema("shared")
        .migrations(
            Retort.revision("shared_001", List.of(), CreateTenantRegistry::new),
            Retort.revision("shared_002", List.of("shared_001"), AddTenantPlan::new))
        .build();
    shared.upgrade();
    // end::shared-schema[]

    assertThat(shared.current().revisions()).containsExactly("shared_002");
    assertThat(shared.check().matches()).isTrue();
    assertThat(Retort.builder().dataSource(dataSource).build().current().revisions()).isEmpty();
  }

  /** The shared schema's first migration: written by hand, without {@code @Revision}. */
  static final class CreateTenantRegistry implements Migration {
    @Override
    public void upgrade(Schema schema) {
      schema.createTable("tenants",
          column("schema_name", varchar(63), notNull()),
          primaryKey("pk_tenants", "schema_name"));
    }

    @Override
    public void downgrade(Schema schema) {
      schema.dropTable("tenants");
    }
  }

  /** The shared schema's second migration. */
  static final class AddTenantPlan implements Migration {
    @Override
    public void upgrade(Schema schema) {
      schema.alterTable("tenants", t -> t.addColumn("plan", varchar(20)));
    }

    @Override
    public void downgrade(Schema schema) {
      schema.alterTable("tenants", t -> t.dropColumn("plan"));
    }
  }

  /** Upgrades every tenant; one that fails does not stop the others, and the failures are thrown at the end. */
  private static void upgradeEveryTenant(DataSource dataSource) {
    // tag::tenants[]
    Retort retort = Retort.builder().dataSource(dataSource).build();
    Map<String, RetortException> failed = new LinkedHashMap<>();
    for (String tenant : retort.schemas("tenant_*")) { // the schemas that exist, sorted; or a list of names
      try {
        retort.withCurrentSchema(tenant).upgrade();
      } catch (RetortException e) {
        failed.put(tenant, e); // its message names the schema, the revision and the statement
      }
    }
    if (!failed.isEmpty()) {
      throw new IllegalStateException("Tenants not migrated: " + failed.keySet(), failed.values().iterator().next());
    }
    // end::tenants[]
  }

  @Test
  void sqlWritesTheOfflineScriptWithoutTouchingTheDatabase() throws IOException {
    Retort retort = Retort.builder().url(url, "sa", "").build();

    // tag::sql[]
    SqlScript script = retort.sql("base", FAX_DROPPED, Vendor.POSTGRESQL);
    Files.writeString(directory.resolve("upgrade.sql"), script.text());
    // end::sql[]

    assertThat(script.text()).contains("CREATE TABLE \"authors\"").contains("INSERT INTO \"retort_version\"");
    assertThat(Files.exists(directory.resolve("shop.mv.db"))).as("the database was not opened").isFalse();
  }

  @Test
  void stampSqlWritesTheStampAsAScript() throws IOException {
    Retort retort = Retort.builder().url(url, "sa", "").build();

    // tag::stamp-sql[]
    SqlScript script = retort.stampSql(RENAMES, Vendor.MARIADB);
    Files.writeString(directory.resolve("stamp.sql"), script.text());
    // end::stamp-sql[]

    assertThat(script.text()).contains("CREATE TABLE IF NOT EXISTS `retort_version`")
        .contains("VALUES ('" + RENAMES + "'").doesNotContain("CREATE TABLE `authors`");
    assertThat(Files.exists(directory.resolve("shop.mv.db"))).as("the database was not opened").isFalse();
  }

  @Test
  void migrateIsTheOneCallOfAnApplicationStartingUp() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    dataSource.setUser("sa");

    // tag::migrate[]
    Retort.migrate(dataSource);
    // end::migrate[]

    assertThat(Retort.builder().dataSource(dataSource).build().current().atHead()).isTrue();
  }
}
