package dev.retort.spring;

import dev.retort.runtime.Retort;
import dev.retort.runtime.internal.connect.SchemaSelection;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.ClassUtils;

/**
 * Applies the application's migrations to its {@link DataSource} at start-up, before any bean that
 * uses the database: Retort's counterpart of Spring Boot's Flyway auto-configuration.
 *
 * <p>Active when the context has a {@code DataSource} or {@code retort.url} is set, and
 * {@code retort.enabled} is not {@code false}. It defines two beans, each replaced by one of the
 * application's own type:
 *
 * <ul>
 *   <li>a {@link Retort} on the database to migrate, with the revision index found on the
 *       application's class path and the {@code retort.*} properties, then every
 *       {@link RetortBuilderCustomizer}. The database to migrate is, as for Spring Boot's Flyway
 *       support: the {@code DataSource} bean marked {@link RetortDataSource @RetortDataSource};
 *       else {@code retort.url}, with {@code retort.user}, {@code retort.password} and
 *       {@code retort.driver-class-name}; else, with {@code retort.user} set, the application
 *       data source's URL (and driver, and password unless {@code retort.password} is set) as
 *       that user; else the application's data source (several need a primary one). With
 *       {@code retort.url} or {@code retort.user}, Retort's connections are opened for each
 *       command and closed after it, never pooled (a {@code SimpleDriverDataSource});
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
@Conditional(RetortAutoConfiguration.DatabaseCondition.class)
@ConditionalOnBooleanProperty(name = "retort.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RetortProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class RetortAutoConfiguration {

  /** Creates the configuration; Spring Boot does. */
  public RetortAutoConfiguration() {}

  /**
   * The Retort instance on the database to migrate.
   *
   * @param properties the {@code retort.*} properties
   * @param dataSource the application's data source, if it has a unique or primary one
   * @param retortDataSource the data source marked {@link RetortDataSource}, if there is one
   * @param beans names the data sources when none can be chosen
   * @param resourceLoader gives the application's class loader, which finds the revision index
   * @param customizers applied after the properties, in order
   * @return the instance
   */
  @Bean
  @ConditionalOnMissingBean
  public Retort retort(RetortProperties properties, ObjectProvider<DataSource> dataSource,
      @RetortDataSource ObjectProvider<DataSource> retortDataSource, ListableBeanFactory beans,
      ResourceLoader resourceLoader, ObjectProvider<RetortBuilderCustomizer> customizers) {
    ClassLoader classLoader = resourceLoader.getClassLoader();
    DataSource application = dataSource.getIfUnique();
    DataSource migrated = migrationDataSource(properties, retortDataSource.getIfAvailable(), application,
        classLoader);
    if (migrated == null) {
      throw new IllegalStateException("Retort cannot tell which DataSource to migrate: the context has "
          + Arrays.toString(beans.getBeanNamesForType(DataSource.class)) + " and none is @Primary. Mark the one"
          + " to migrate with @RetortDataSource (dev.retort.spring.RetortDataSource) or the application's with"
          + " @Primary, or set retort.url.");
    }
    Retort.Builder builder = Retort.builder()
        .dataSource(migrated)
        .versionTable(properties.getVersionTable())
        .lockTimeout(properties.getLockTimeout())
        .commandSyntax(properties.getCommandSyntax())
        .unmanaged(properties.getUnmanaged().toArray(String[]::new))
        .tableLockRetries(properties.getTableLockRetries())
        .allowDatabaseAhead(properties.isAllowDatabaseAhead())
        .singleTransaction(properties.isSingleTransaction());
    if (properties.getTableLockTimeout() != null) {
      builder.tableLockTimeout(properties.getTableLockTimeout());
    }
    if (properties.getSchema() != null) {
      builder.schema(properties.getSchema());
    }
    currentSchemas(properties).single().ifPresent(builder::currentSchema);
    if (properties.getBaselineOnUpgrade() != null) {
      builder.baselineOnUpgrade(properties.getBaselineOnUpgrade());
    }
    if (classLoader != null) {
      builder.classLoader(classLoader);
    }
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return builder.build();
  }

  /**
   * The data source that Retort migrates through, chosen as Spring Boot's Flyway support chooses
   * Flyway's.
   *
   * @return the data source; {@code null} if there is none to choose
   */
  private static DataSource migrationDataSource(RetortProperties properties, DataSource retortDataSource,
      DataSource application, ClassLoader classLoader) {
    if (retortDataSource != null) {
      return retortDataSource;
    }
    if (properties.getUrl() != null) {
      return connectAs(
          DataSourceBuilder.create(classLoader).type(SimpleDriverDataSource.class).url(properties.getUrl()),
          properties, classLoader);
    }
    if (properties.getUser() != null && application != null) {
      return connectAs(DataSourceBuilder.derivedFrom(application).type(SimpleDriverDataSource.class), properties,
          classLoader);
    }
    return application;
  }

  /** Sets the user, the password (a null one is the derived data source's) and the driver, and builds. */
  private static DataSource connectAs(DataSourceBuilder<SimpleDriverDataSource> builder, RetortProperties properties,
      ClassLoader classLoader) {
    builder.username(properties.getUser()).password(properties.getPassword());
    String driver = properties.getDriverClassName();
    if (driver != null && !driver.isBlank()) {
      if (!ClassUtils.isPresent(driver, classLoader)) {
        throw new IllegalStateException("retort.driver-class-name is " + driver + ", which is not on the class"
            + " path: add the JDBC driver's jar to the application, or correct the name (without the property,"
            + " the driver is found from the URL).");
      }
      builder.driverClassName(driver);
    }
    return builder.build();
  }

  /**
   * The data source whose database Retort migrates, directly or as another user; {@code null}
   * when {@code retort.url} names a database that no data source bean is known to reach.
   */
  private static DataSource managedDataSource(RetortProperties properties, DataSource retortDataSource,
      DataSource application) {
    if (retortDataSource != null) {
      return retortDataSource;
    }
    return properties.getUrl() != null ? null : application;
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
    SchemaSelection schemas = currentSchemas(properties);
    return new RetortMigrationInitializer(retort,
        strategy.getIfAvailable(() -> instance -> instance.upgrade(target)), properties.isCheckOnStart(),
        properties.isAllowDatabaseAhead(), schemas.several() ? schemas.entries() : List.of());
  }

  /**
   * The schemas {@code retort.current-schema} names: one, which the instance makes current, or several names and
   * patterns, which start-up migrates in turn. An empty value is the connection's own schema, as if unset: a profile
   * writes {@code retort.current-schema=} to undo the tenants' pattern that the application's properties give.
   */
  private static SchemaSelection currentSchemas(RetortProperties properties) {
    String value = properties.getCurrentSchema();
    return SchemaSelection.of(value == null || value.isBlank() ? List.of() : List.of(value));
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
   * @param properties the {@code retort.*} properties
   * @param dataSource the application's data source, if it has a unique or primary one
   * @param retortDataSource the data source marked {@link RetortDataSource}, if there is one
   * @return the provider
   */
  @Bean
  public RetortSchemaManagementProvider retortSchemaManagementProvider(RetortProperties properties,
      ObjectProvider<DataSource> dataSource, @RetortDataSource ObjectProvider<DataSource> retortDataSource) {
    return new RetortSchemaManagementProvider(
        managedDataSource(properties, retortDataSource.getIfAvailable(), dataSource.getIfUnique()));
  }

  /** A data source bean, or the URL of a database of Retort's own. */
  static final class DatabaseCondition extends AnyNestedCondition {

    DatabaseCondition() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnBean(DataSource.class)
    static final class DataSourceBean {}

    @ConditionalOnProperty("retort.url")
    static final class RetortUrl {}
  }
}
