package dev.retort.spring;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that a {@link RetortMigrationInitializer} initializes the database, so that it
 * creates the beans that depend on database initialization (DataSource-based templates, JPA's
 * EntityManagerFactory, jOOQ's DSLContext, beans annotated with
 * {@code @DependsOnDatabaseInitialization}) after it. Registered in {@code META-INF/spring.factories}.
 */
public class RetortDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

  /** Creates the detector; Spring Boot does. */
  public RetortDatabaseInitializerDetector() {}

  @Override
  protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
    return Set.of(RetortMigrationInitializer.class);
  }

  /** After the {@code spring.sql.init} scripts, whose detector has the default order, 0. */
  @Override
  public int getOrder() {
    return 1;
  }
}
