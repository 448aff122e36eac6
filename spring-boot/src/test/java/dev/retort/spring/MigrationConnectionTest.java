package dev.retort.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.Retort;
import dev.retort.spring.docs.StartUpStrategies;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Which database Retort migrates, and as whom: {@code retort.url}, {@code retort.user},
 * {@code retort.password}, {@code retort.driver-class-name} and {@code @RetortDataSource}, as
 * Spring Boot's Flyway support has them. Two H2 in-memory databases, the application's and another,
 * tell which one got the tables.
 */
class MigrationConnectionTest {

  private static final List<String> MIGRATED = List.of("books", "retort_version", "retort_version_lock");

  private final String applicationUrl = memory("application");
  private final String migrationUrl = memory("migration");
  private final String thirdUrl = memory("third");

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, RetortAutoConfiguration.class))
      .withPropertyValues("spring.datasource.url=" + applicationUrl, "retort.target=head");

  /** Creates the three databases, with sa as their administrator. */
  @BeforeEach
  void createDatabases() throws SQLException {
    for (String url : List.of(applicationUrl, migrationUrl, thirdUrl)) {
      sql(url, "SELECT 1");
    }
  }

  @AfterEach
  void dropDatabases() throws SQLException {
    for (String url : List.of(applicationUrl, migrationUrl, thirdUrl)) {
      sql(url, "SHUTDOWN");
    }
  }

  @Test
  void retortUrlMigratesThatDatabaseInsteadOfTheApplications() throws SQLException {
    runner.withPropertyValues("retort.url=" + migrationUrl, "retort.user=sa").run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(Retort.class);
      assertThat(tables(migrationUrl)).isEqualTo(MIGRATED);
      assertThat(tables(applicationUrl)).isEmpty();
      // No pool: the connections that migrated are closed once start-up is over.
      assertThat(sessions(migrationUrl)).isEqualTo(1);
      assertThat(context.getBean(RetortSchemaManagementProvider.class)
          .getSchemaManagement(context.getBean(DataSource.class))).isEqualTo(SchemaManagement.UNMANAGED);
    });
  }

  @Test
  void retortUrlNeedsNoApplicationDataSource() throws SQLException {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(RetortAutoConfiguration.class))
        .withPropertyValues("retort.url=" + migrationUrl, "retort.user=sa", "retort.target=head")
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(Retort.class).doesNotHaveBean(DataSource.class);
          assertThat(tables(migrationUrl)).isEqualTo(MIGRATED);
        });
  }

  @Test
  void retortUrlConnectsAsRetortUserWithRetortPassword() throws SQLException {
    sql(migrationUrl, "CREATE USER migrator PASSWORD 'secret' ADMIN");

    runner.withPropertyValues("retort.url=" + migrationUrl, "retort.user=migrator", "retort.password=wrong")
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageContaining("Wrong user name or password"));
    assertThat(tables(migrationUrl)).isEmpty();

    runner.withPropertyValues("retort.url=" + migrationUrl, "retort.user=migrator", "retort.password=secret")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(tables(migrationUrl)).isEqualTo(MIGRATED);
        });
  }

  @Test
  void retortUserAloneConnectsToTheApplicationsDatabaseAsThatUser() throws SQLException {
    sql(applicationUrl, "CREATE USER migrator PASSWORD 'secret' ADMIN");

    runner.withPropertyValues("retort.user=migrator", "retort.password=wrong")
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageContaining("Wrong user name or password"));
    assertThat(tables(applicationUrl)).isEmpty();

    runner.withPropertyValues("retort.user=migrator", "retort.password=secret").run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(tables(applicationUrl)).isEqualTo(MIGRATED);
      // Retort's own connections, not the application's pool, and none left open.
      assertThat(sessionsOf(applicationUrl, "MIGRATOR")).isZero();
      // The same database: JPA must not default to create-drop on it.
      assertThat(context.getBean(RetortSchemaManagementProvider.class)
          .getSchemaManagement(context.getBean(DataSource.class))).isEqualTo(SchemaManagement.MANAGED);
    });
  }

  @Test
  void retortUserWithoutRetortPasswordHasTheApplicationsPassword() throws SQLException {
    sql(applicationUrl, "CREATE USER migrator PASSWORD 'other' ADMIN");
    sql(applicationUrl, "ALTER USER sa SET PASSWORD 'shared'");
    ApplicationContextRunner sharedPassword = runner.withPropertyValues("spring.datasource.username=sa",
        "spring.datasource.password=shared", "retort.user=migrator");

    sharedPassword.run(context -> assertThat(context).hasFailed().getFailure().rootCause()
        .hasMessageContaining("Wrong user name or password"));
    sql(applicationUrl, "ALTER USER migrator SET PASSWORD 'shared'");
    sharedPassword.run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(tables(applicationUrl)).isEqualTo(MIGRATED);
    });
  }

  @Test
  void retortPasswordAloneChangesNothing() throws SQLException {
    runner.withPropertyValues("retort.password=ignored").run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(tables(applicationUrl)).isEqualTo(MIGRATED);
    });
  }

  @Test
  void retortDriverClassNameLoadsThatDriver() throws SQLException {
    runner.withPropertyValues("retort.url=" + migrationUrl, "retort.user=sa",
            "retort.driver-class-name=com.example.NoSuchDriver")
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageStartingWith("retort.driver-class-name is com.example.NoSuchDriver, which is not on the"
                + " class path"));

    runner.withPropertyValues("retort.url=" + migrationUrl, "retort.user=sa", "retort.driver-class-name=org.h2.Driver")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(tables(migrationUrl)).isEqualTo(MIGRATED);
        });
  }

  @Test
  void aDataSourceMarkedRetortDataSourceIsTheOneMigrated() throws SQLException {
    runner.withUserConfiguration(StartUpStrategies.MigrationDataSource.class)
        .withPropertyValues("app.migration.url=" + migrationUrl, "app.migration.user=sa")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(tables(migrationUrl)).isEqualTo(MIGRATED);
          assertThat(tables(applicationUrl)).isEmpty();
          // The auto-configured DataSource stays the application's.
          assertThat(context.getBean(DataSource.class)).isNotInstanceOf(SimpleDriverDataSource.class);
          RetortSchemaManagementProvider provider = context.getBean(RetortSchemaManagementProvider.class);
          assertThat(provider.getSchemaManagement(context.getBean(DataSource.class)))
              .isEqualTo(SchemaManagement.UNMANAGED);
          assertThat(provider.getSchemaManagement(context.getBean("migrationDataSource", DataSource.class)))
              .isEqualTo(SchemaManagement.MANAGED);
        });
  }

  @Test
  void retortDataSourceWinsOverRetortUrl() throws SQLException {
    runner.withUserConfiguration(TwoDataSources.class)
        .withPropertyValues("test.application-url=" + applicationUrl, "test.migration-url=" + migrationUrl,
            "retort.url=" + thirdUrl)
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(tables(migrationUrl)).isEqualTo(MIGRATED);
          assertThat(tables(thirdUrl)).isEmpty();
          assertThat(tables(applicationUrl)).isEmpty();
        });
  }

  @Test
  void severalDataSourcesWithoutPrimaryOrRetortDataSourceStopStartUp() {
    runner.withUserConfiguration(UnmarkedDataSources.class)
        .withPropertyValues("test.application-url=" + applicationUrl, "test.migration-url=" + migrationUrl)
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("Retort cannot tell which DataSource to migrate")
            .hasMessageContaining("first")
            .hasMessageContaining("second")
            .hasMessageContaining("@RetortDataSource"));
  }

  /** The application's data source, primary, and Retort's, both of the application's making. */
  @Configuration
  static class TwoDataSources {

    @Bean
    @Primary
    DataSource applicationDataSource(org.springframework.core.env.Environment environment) {
      return new SimpleDriverDataSource(new org.h2.Driver(), environment.getRequiredProperty("test.application-url"),
          "sa", "");
    }

    @Bean
    @RetortDataSource
    DataSource retortDataSource(org.springframework.core.env.Environment environment) {
      return new SimpleDriverDataSource(new org.h2.Driver(), environment.getRequiredProperty("test.migration-url"),
          "sa", "");
    }
  }

  /** Two data sources, neither primary. */
  @Configuration
  static class UnmarkedDataSources {

    @Bean
    DataSource first(org.springframework.core.env.Environment environment) {
      return new SimpleDriverDataSource(new org.h2.Driver(), environment.getRequiredProperty("test.application-url"),
          "sa", "");
    }

    @Bean
    DataSource second(org.springframework.core.env.Environment environment) {
      return new SimpleDriverDataSource(new org.h2.Driver(), environment.getRequiredProperty("test.migration-url"),
          "sa", "");
    }
  }

  private static String memory(String name) {
    return "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
  }

  /** Runs a statement as sa, who created the database and is its administrator. */
  private static void sql(String url, String statement) throws SQLException {
    try (Connection connection = connect(url);
        Statement sql = connection.createStatement()) {
      sql.execute(statement);
    }
  }

  /** The tables of the public schema, by name. */
  private static List<String> tables(String url) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection connection = connect(url);
        ResultSet rows = connection.createStatement().executeQuery("SELECT table_name FROM information_schema.tables"
            + " WHERE table_schema = 'public' ORDER BY table_name")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    return tables;
  }

  /** How many sessions the database has, this one's included. */
  private static int sessions(String url) throws SQLException {
    try (Connection connection = connect(url);
        ResultSet rows = connection.createStatement()
            .executeQuery("SELECT COUNT(*) FROM information_schema.sessions")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /** How many sessions a user has open. */
  private static int sessionsOf(String url, String user) throws SQLException {
    try (Connection connection = connect(url);
        ResultSet rows = connection.createStatement().executeQuery(
            "SELECT COUNT(*) FROM information_schema.sessions WHERE UPPER(user_name) = '" + user + "'")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static Connection connect(String url) throws SQLException {
    try {
      return DriverManager.getConnection(url, "sa", "");
    } catch (SQLException wrongPassword) {
      // After retortUserWithoutRetortPasswordHasTheApplicationsPassword changed it.
      return DriverManager.getConnection(url, "sa", "shared");
    }
  }
}
