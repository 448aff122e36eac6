package dev.retort.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.CommandSyntax;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.MigrationRun;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.spring.app.BookCatalog;
import dev.retort.spring.docs.StartUpStrategies;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The auto-configuration's conditions, properties and replaceable beans, on H2 with the test
 * application's two committed revisions (books, then books.published).
 */
class RetortAutoConfigurationTest {

  private static final String FIRST = "20261121_190131";
  private static final String HEAD = "20261121_190158";

  private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";

  // retort.target=head: a -Dretort.target given to Maven (the Maven goals' target) reaches the tests
  // through Surefire as a system property, which Spring Boot would bind.
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, RetortAutoConfiguration.class))
      .withPropertyValues("spring.datasource.url=" + url, "retort.target=head");

  @Test
  void upgradesTheDataSourceToHeadAtStartUp() {
    runner.run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(Retort.class).hasSingleBean(RetortMigrationInitializer.class);
      assertThat(versions(context.getBean(DataSource.class), "retort_version")).containsExactly(FIRST, HEAD);
      assertThat(columns(context.getBean(DataSource.class), "books")).containsExactly("id", "title", "published");
    });
  }

  @Test
  void beansThatReadTheDatabaseAtCreationComeAfterTheMigrations() {
    // The application's beans are registered before the auto-configured ones, so BookCatalog would
    // be created, and fail, first, were it not for RetortDatabaseInitializerDetector.
    runner.withConfiguration(AutoConfigurations.of(JdbcTemplateAutoConfiguration.class))
        .withUserConfiguration(BookCatalog.class)
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(BookCatalog.class).booksAtStart()).isZero();
        });
  }

  @Test
  void aBeanMarkedDependsOnDatabaseInitializationComesAfterTheMigrations() {
    runner.withUserConfiguration(StartUpStrategies.TitleCache.class).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(StartUpStrategies.TitleCache.class).titles()).isEmpty();
    });
  }

  @Test
  void backsOffWithoutDataSource() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(RetortAutoConfiguration.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Retort.class)
            .doesNotHaveBean(RetortMigrationInitializer.class));
  }

  @Test
  void retortEnabledFalseTurnsItOff() {
    runner.withPropertyValues("retort.enabled=false").run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(Retort.class).doesNotHaveBean(RetortMigrationInitializer.class);
      assertThat(columns(context.getBean(DataSource.class), "books")).isEmpty();
    });
  }

  @Test
  void propertiesSetTargetVersionTableAndSchema() throws SQLException {
    sql("CREATE SCHEMA audit");
    runner.withPropertyValues("retort.target=" + FIRST, "retort.version-table=schema_history", "retort.schema=audit")
        .run(context -> {
          assertThat(context).hasNotFailed();
          DataSource dataSource = context.getBean(DataSource.class);
          assertThat(versions(dataSource, "audit.schema_history")).containsExactly(FIRST);
          assertThat(columns(dataSource, "books")).containsExactly("id", "title");
          assertThat(columns(dataSource, "retort_version")).isEmpty();
        });
  }

  @Test
  void theCurrentSchemaGetsTheTablesAndTheHistoryAndThePoolKeepsItsOwn() throws SQLException {
    sql("CREATE SCHEMA tenant_a");
    runner.withPropertyValues("retort.current-schema=tenant_a").run(context -> {
      assertThat(context).hasNotFailed();
      DataSource dataSource = context.getBean(DataSource.class);
      assertThat(versions(dataSource, "tenant_a.retort_version")).containsExactly(FIRST, HEAD);
      assertThat(new JdbcTemplate(dataSource).queryForList("SELECT table_name FROM information_schema.tables"
          + " WHERE table_schema = 'tenant_a' AND table_name = 'books'", String.class)).containsExactly("books");
      assertThat(columns(dataSource, "books")).isEmpty();
      try (Connection connection = dataSource.getConnection()) {
        assertThat(connection.getSchema()).isEqualTo("public");
      }
    });
  }

  /** A profile undoes a pattern of tenants that the application's properties set, as Spring unsets a property. */
  @Test
  void anEmptyCurrentSchemaIsTheConnectionsOwn() {
    runner.withPropertyValues("retort.current-schema=").run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(versions(context.getBean(DataSource.class), "retort_version")).containsExactly(FIRST, HEAD);
    });
  }

  @Test
  void baselineOnUpgradeAdoptsADatabaseWhoseTablesMatch() throws SQLException {
    sql("CREATE TABLE books (id BIGINT NOT NULL, title VARCHAR(200) NOT NULL, CONSTRAINT pk_books PRIMARY KEY (id))");
    sql("CREATE TABLE flyway_schema_history (installed_rank INTEGER NOT NULL PRIMARY KEY, version VARCHAR(50))");

    runner.run(context -> assertThat(context).hasFailed());
    runner.withPropertyValues("retort.baseline-on-upgrade=" + FIRST).run(context -> {
      assertThat(context).hasNotFailed();
      DataSource dataSource = context.getBean(DataSource.class);
      assertThat(versions(dataSource, "retort_version")).containsExactly(FIRST, HEAD);
      assertThat(columns(dataSource, "books")).containsExactly("id", "title", "published");
      assertThat(context.getBean(Retort.class).check().differences())
          .containsExactly("table flyway_schema_history is in the database but not in the model");
    });
  }

  @Test
  void baselineOnUpgradeStopsStartUpWhenTheTablesDiffer() throws SQLException {
    sql("CREATE TABLE books (id BIGINT NOT NULL, CONSTRAINT pk_books PRIMARY KEY (id))");

    runner.withPropertyValues("retort.baseline-on-upgrade=" + FIRST).run(context -> assertThat(context).hasFailed()
        .getFailure().rootCause().isInstanceOf(RetortException.class)
        .hasMessageContaining("column books.title is missing"));
    DataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", "");
    assertThat(columns(dataSource, "retort_version")).isEmpty();
    assertThat(columns(dataSource, "books")).containsExactly("id");
  }

  @Test
  void lockTimeoutReachesTheBuilder() {
    runner.withPropertyValues("retort.lock-timeout=0s").run(context -> assertThat(context).hasFailed()
        .getFailure().rootCause().hasMessage("lock timeout must be positive: PT0S"));
  }

  @Test
  void defaultsAreTheRuntimes() {
    RetortProperties properties = new RetortProperties();
    assertThat(properties.getVersionTable()).isEqualTo(Retort.DEFAULT_VERSION_TABLE);
    assertThat(properties.getLockTimeout()).isEqualTo(Retort.DEFAULT_LOCK_TIMEOUT);
    assertThat(properties.getCommandSyntax()).isEqualTo(CommandSyntax.JAVA);
    assertThat(properties.getTarget()).isEqualTo("head");
    assertThat(properties.isEnabled()).isTrue();
    assertThat(properties.isCheckOnStart()).isFalse();
    assertThat(properties.getSchema()).isNull();
    assertThat(properties.getBaselineOnUpgrade()).isNull();
  }

  @Test
  void aRetortFailureStopsStartUpWithItsMessageAndTheConfiguredSyntax() throws SQLException {
    runner.run(context -> assertThat(context).hasNotFailed());
    sql("DELETE FROM retort_version WHERE revision = '" + FIRST + "'");

    runner.withPropertyValues("retort.command-syntax=cli").run(context -> {
      assertThat(context).hasFailed();
      Throwable cause = context.getStartupFailure();
      while (!(cause instanceof RetortException) && cause.getCause() != null) {
        cause = cause.getCause();
      }
      assertThat(cause).isInstanceOf(RetortException.class);
      assertThat(((RetortException) cause).code()).isEqualTo(ErrorCode.INCONSISTENT_VERSION_TABLE);
      assertThat(cause.getMessage()).contains(HEAD + " without its parent " + FIRST)
          .contains("retort stamp " + HEAD);
      assertThat(context.getStartupFailure().getMessage()).contains(cause.getMessage());
    });
  }

  @Test
  void checkOnStartStopsStartUpOnDrift() throws SQLException {
    runner.run(context -> assertThat(context).hasNotFailed());
    sql("ALTER TABLE books ADD COLUMN edition INTEGER");

    runner.run(context -> assertThat(context).hasNotFailed());
    runner.withPropertyValues("retort.check-on-start=true").run(context -> {
      assertThat(context).hasFailed().getFailure().rootCause().isInstanceOf(SchemaDriftException.class)
          .hasMessageContaining("The database differs from revision " + HEAD)
          .hasMessageContaining("edition");
    });
  }

  @Test
  void checkOnStartPassesAMatchingDatabase() {
    runner.withPropertyValues("retort.check-on-start=true").run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void checkOnStartLeavesOutTheUnmanagedTablesOfALibrary() throws SQLException {
    runner.run(context -> assertThat(context).hasNotFailed());
    sql("CREATE TABLE QRTZ_LOCKS (SCHED_NAME VARCHAR(120) NOT NULL, LOCK_NAME VARCHAR(40) NOT NULL)");

    runner.withPropertyValues("retort.check-on-start=true").run(context -> {
      assertThat(context).hasFailed().getFailure().rootCause().isInstanceOf(SchemaDriftException.class)
          .hasMessageContaining("table qrtz_locks is in the database but not in the model");
    });
    runner.withPropertyValues("retort.check-on-start=true", "retort.unmanaged=qrtz_*,shedlock")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void thePreviousVersionStartsOnADatabaseItsSuccessorMigratedOnlyWhenAllowed() throws SQLException {
    runner.run(context -> assertThat(context).hasNotFailed());
    // What the next version of the application records when it migrates.
    sql("INSERT INTO retort_version (revision, description, checksum, applied_at, execution_ms) VALUES"
        + " ('20991231_000000', 'Adds books.edition.', '" + "0".repeat(64) + "', CURRENT_TIMESTAMP, 5)");

    runner.run(context -> assertThat(context).hasFailed().getFailure().rootCause()
        .isInstanceOf(RetortException.class).hasMessageContaining("The database is ahead of this code"));
    runner.withPropertyValues("retort.allow-database-ahead=true", "retort.check-on-start=true")
        .run(context -> assertThat(context).hasNotFailed());
  }

  /** The property reaches the instance: H2, whose DDL commits, refuses it before migrating anything. */
  @Test
  void singleTransactionIsTheInstancesAndRefusedOnH2() {
    runner.withPropertyValues("retort.single-transaction=true").run(context -> assertThat(context).hasFailed()
        .getFailure().rootCause().isInstanceOf(RetortException.class)
        .hasMessageContaining("Cannot run the migrations in a single transaction on H2"));
    assertThat(columns(new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", ""), "books")).isEmpty();
    runner.withPropertyValues("retort.single-transaction=false").run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void theApplicationsRetortReplacesTheDefault() {
    runner.withUserConfiguration(OwnRetort.class).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(Retort.class);
      assertThat(versions(context.getBean(DataSource.class), "own_versions")).containsExactly(FIRST, HEAD);
    });
  }

  @Test
  void aStrategyReplacesTheUpgrade() {
    runner.withUserConfiguration(StartUpStrategies.VerifyOnly.class).run(context -> {
      assertThat(context).hasFailed().getFailure().rootCause().isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("The database is at [], not at " + HEAD);
    });
    assertThat(columns(new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", ""), "books")).isEmpty();
    runner.run(context -> assertThat(context).hasNotFailed());
    runner.withUserConfiguration(StartUpStrategies.VerifyOnly.class)
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void aStrategyMigratesEveryTenantsSchema() throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA tenant_acme");
      statement.execute("CREATE SCHEMA tenant_globex");
    }
    runner.withUserConfiguration(StartUpStrategies.EveryTenant.class)
        .withPropertyValues("app.tenants=tenant_acme,tenant_globex", "retort.version-table=schema_history")
        .run(context -> {
          assertThat(context).hasNotFailed();
          DataSource dataSource = context.getBean(DataSource.class);
          // The retort.* properties reach every tenant's instance.
          assertThat(versions(dataSource, "tenant_acme.schema_history")).containsExactly(FIRST, HEAD);
          assertThat(versions(dataSource, "tenant_globex.schema_history")).containsExactly(FIRST, HEAD);
          assertThat(columns(dataSource, "books")).isEmpty();
        });
  }

  /** retort.current-schema with a pattern: each tenant's schema in turn, past one that fails, which stops start-up. */
  @Test
  void aPatternOfSchemasMigratesAndChecksEachTenantGoingOnPastAFailure() throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA tenant_acme");
      statement.execute("CREATE SCHEMA tenant_globex");
      statement.execute("CREATE SCHEMA tenant_broken");
      // Between acme and globex in name order. A table of the first revision's, there before Retort: its migration
      // fails in this tenant.
      statement.execute("CREATE TABLE tenant_broken.\"books\" (\"id\" INTEGER)");
    }
    runner.withPropertyValues("retort.current-schema=tenant_*", "retort.check-on-start=true").run(context -> {
      assertThat(context).hasFailed().getFailure()
          .hasStackTraceContaining(RetortException.class.getName() + ": Upgrade of revision " + FIRST)
          .hasStackTraceContaining("in schema tenant_broken");
      DataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", "");
      assertThat(versions(dataSource, "tenant_acme.retort_version")).containsExactly(FIRST, HEAD);
      assertThat(versions(dataSource, "tenant_globex.retort_version")).containsExactly(FIRST, HEAD);
      assertThat(columns(dataSource, "books")).as("nothing in the connection's own schema").isEmpty();
    });
    runner.withPropertyValues("retort.current-schema=tenant_acme,tenant_globex", "retort.check-on-start=true")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void theStrategyGetsTheRetortBean() {
    AtomicReference<Retort> given = new AtomicReference<>();
    runner.withBean(RetortMigrationStrategy.class, () -> given::set).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(given.get()).isSameAs(context.getBean(Retort.class));
    });
  }

  @Test
  void customizersAdjustTheBuilder() {
    runner.withUserConfiguration(StartUpStrategies.KeepProgress.class).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(StartUpStrategies.runs()).extracting(MigrationRun::revision).containsSubsequence(FIRST, HEAD);
    });
  }

  @Test
  void schemaIsManagedForTheMigratedDataSourceOnly() {
    runner.run(context -> {
      RetortSchemaManagementProvider provider = context.getBean(RetortSchemaManagementProvider.class);
      assertThat(provider.getSchemaManagement(context.getBean(DataSource.class))).isEqualTo(SchemaManagement.MANAGED);
      assertThat(provider.getSchemaManagement(new org.h2.jdbcx.JdbcDataSource())).isEqualTo(SchemaManagement.UNMANAGED);
    });
  }

  @Test
  void theInitializerDetectorIsRegistered() {
    assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(DatabaseInitializerDetector.class))
        .hasAtLeastOneElementOfType(RetortDatabaseInitializerDetector.class);
  }

  @Configuration
  static class OwnRetort {
    @Bean
    Retort ownRetort(DataSource dataSource) {
      return Retort.builder().dataSource(dataSource).versionTable("own_versions").lockTimeout(Duration.ofSeconds(10))
          .build();
    }
  }

  private void sql(String statement) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement sql = connection.createStatement()) {
      sql.execute(statement);
    }
  }

  private static List<String> versions(DataSource dataSource, String table) {
    return new JdbcTemplate(dataSource).queryForList("SELECT revision FROM " + table + " ORDER BY revision", String.class);
  }

  private static List<String> columns(DataSource dataSource, String table) {
    return new JdbcTemplate(dataSource).queryForList("SELECT column_name FROM information_schema.columns"
        + " WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position", String.class, table);
  }
}
