package dev.retort.spring;

import dev.retort.runtime.Retort;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;

/**
 * Applies the application's migrations to its {@link DataSource} at start-up, before any bean that
 * uses the database: Retort's counterpart of Spring Boot's Flyway auto-configuration.
 *
 * <p>Active when the context has a {@code DataSource} (several need a primary one) and
 * {@code retort.enabled} is not {@code false}. It defines two beans, each replaced by one of the
 * application's own type:
 *
 * <ul>
 *   <li>a {@link Retort} on the data source, with the revision index found on the application's
 *       class path and the {@code retort.*} properties, then every
 *       {@link RetortBuilderCustomizer};
 *   <li>a {@link RetortMigrationInitializer} that runs the application's
 *       {@link RetortMigrationStrategy}, or else upgrades to {@code retort.target}, once.
 * </ul>
 *
 * <p>The import of Spring Boot's {@code DatabaseInitializationDependencyConfigurer} makes every
 * bean that depends on database initialization wait for the initializer, which
 * {@link RetortDatabaseInitializerDetector} names: JPA's, JDBC's and jOOQ's beans, and the
 * application's beans marked {@code @DependsOnDatabaseInitialization}, even where no other
 * auto-configuration imports it.
 *
 * <p>A {@link RetortSchemaManagementProvider} tells JPA that the schema is managed, so that it
 * does not default to {@code create-drop} on an embedded database.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnBooleanProperty(name = "retort.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RetortProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class RetortAutoConfiguration {

  /** Creates the configuration; Spring Boot does. */
  public RetortAutoConfiguration() {}

  /**
   * The Retort instance on the application's data source.
   *
   * @param dataSource the application's data source
   * @param properties the {@code retort.*} properties
   * @param resourceLoader gives the application's class loader, which finds the revision index
   * @param customizers applied after the properties, in order
   * @return the instance
   */
  @Bean
  @ConditionalOnMissingBean
  public Retort retort(DataSource dataSource, RetortProperties properties, ResourceLoader resourceLoader,
      ObjectProvider<RetortBuilderCustomizer> customizers) {
    Retort.Builder builder = Retort.builder()
        .dataSource(dataSource)
        .versionTable(properties.getVersionTable())
        .lockTimeout(properties.getLockTimeout())
        .commandSyntax(properties.getCommandSyntax());
    if (properties.getSchema() != null) {
      builder.schema(properties.getSchema());
    }
    ClassLoader classLoader = resourceLoader.getClassLoader();
    if (classLoader != null) {
      builder.classLoader(classLoader);
    }
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return builder.build();
  }

  /**
   * Migrates at start-up.
   *
   * @param retort the instance
   * @param properties the {@code retort.*} properties
   * @param strategy the application's strategy, if it has one
   * @return the initializer
   */
  @Bean
  @ConditionalOnMissingBean
  public RetortMigrationInitializer retortMigrationInitializer(Retort retort, RetortProperties properties,
      ObjectProvider<RetortMigrationStrategy> strategy) {
    String target = properties.getTarget();
    return new RetortMigrationInitializer(retort,
        strategy.getIfAvailable(() -> instance -> instance.upgrade(target)), properties.isCheckOnStart());
  }

  /**
   * Keeps the initializer eager under {@code spring.main.lazy-initialization=true}, so that the
   * migrations run, and fail, at start-up rather than when the first request creates a
   * {@code JdbcTemplate}.
   *
   * @return the filter
   */
  @Bean
  public static LazyInitializationExcludeFilter retortEagerInitialization() {
    return LazyInitializationExcludeFilter.forBeanTypes(RetortMigrationInitializer.class);
  }

  /**
   * Tells JPA's auto-configuration that the schema is managed, as Spring Boot's Flyway support
   * does.
   *
   * @param dataSource the application's data source
   * @return the provider
   */
  @Bean
  public RetortSchemaManagementProvider retortSchemaManagementProvider(DataSource dataSource) {
    return new RetortSchemaManagementProvider(dataSource);
  }
}
