package dev.retort.spring.docs;

import dev.retort.runtime.Current;
import dev.retort.runtime.MigrationRun;
import dev.retort.runtime.Retort;
import dev.retort.spring.RetortBuilderCustomizer;
import dev.retort.spring.RetortDataSource;
import dev.retort.spring.RetortMigrationStrategy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The configurations that docs/spring-boot.md quotes, run by RetortAutoConfigurationTest. */
public final class StartUpStrategies {

  private StartUpStrategies() {}

  /** The deployment pipeline migrates; the application only refuses to start on a database behind it. */
  // tag::verify-only[]
  @Configuration
  public static class VerifyOnly {

    @Bean
    RetortMigrationStrategy verifyOnly() {
      return retort -> {
        Current current = retort.current();
        if (!current.atHead()) {
          throw new IllegalStateException("The database is at " + current.revisions() + ", not at "
              + current.head() + ": run the deployment's migration step before starting the application");
        }
      };
    }
  }
  // end::verify-only[]

  /** A schema per tenant: the tenants' schemas are migrated one by one instead of the connection's own. */
  // tag::every-tenant[]
  @Configuration
  public static class EveryTenant {

    @Bean
    RetortMigrationStrategy everyTenant(Environment environment) {
      return retort -> {
        for (String tenant : environment.getRequiredProperty("app.tenants", String[].class)) {
          retort.withCurrentSchema(tenant).upgrade();
        }
      };
    }
  }
  // end::every-tenant[]

  /** Keeps what each migration did, for the application's health page. */
  // tag::customizer[]
  @Configuration
  public static class KeepProgress {

    static final List<MigrationRun> RUNS = new CopyOnWriteArrayList<>();

    @Bean
    RetortBuilderCustomizer keepProgress() {
      return builder -> builder.progress(RUNS::add);
    }
  }
  // end::customizer[]

  /**
   * Migrates through a data source of the application's own making, beside the auto-configured
   * one that the application uses.
   */
  // tag::retort-data-source[]
  @Configuration
  public static class MigrationDataSource {

    @Bean(defaultCandidate = false)
    @RetortDataSource
    DataSource migrationDataSource(Environment environment) {
      return DataSourceBuilder.create().type(SimpleDriverDataSource.class)
          .url(environment.getRequiredProperty("app.migration.url"))
          .username(environment.getRequiredProperty("app.migration.user"))
          .password(environment.getProperty("app.migration.password", ""))
          .build();
    }
  }
  // end::retort-data-source[]

  /** A bean that reads the database through the DataSource itself while it is created. */
  // tag::depends-on[]
  @DependsOnDatabaseInitialization
  public static class TitleCache {

    private final List<String> titles = new ArrayList<>();

    public TitleCache(DataSource dataSource) throws SQLException {
      try (Connection connection = dataSource.getConnection();
          ResultSet rows = connection.createStatement().executeQuery("SELECT title FROM books")) {
        while (rows.next()) {
          titles.add(rows.getString(1));
        }
      }
    }

    public List<String> titles() {
      return List.copyOf(titles);
    }
  }
  // end::depends-on[]

  /** What {@link KeepProgress} kept. */
  public static List<MigrationRun> runs() {
    return List.copyOf(KeepProgress.RUNS);
  }
}
