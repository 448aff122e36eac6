package dev.retort.spring;

import dev.retort.runtime.CheckResult;
import dev.retort.runtime.Retort;
import java.util.Objects;
import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates the database when the application context creates this bean: with the
 * {@link RetortMigrationStrategy} if one was given, else by upgrading to the target, then, if
 * asked, checks the live schema against the model.
 *
 * <p>Spring Boot creates every bean that uses the database after this one
 * ({@link RetortDatabaseInitializerDetector} names it as a database initializer), so JPA's
 * schema validation, a {@code JdbcTemplate} and jOOQ see the migrated schema.
 */
public class RetortMigrationInitializer implements InitializingBean {

  private final Retort retort;
  private final RetortMigrationStrategy strategy;
  private final boolean checkOnStart;

  /**
   * Creates the initializer.
   *
   * @param retort the configured instance
   * @param strategy what to run; {@code retort -> retort.upgrade(target)} by default
   * @param checkOnStart whether to fail with a {@link SchemaDriftException} when, afterwards, the
   *     live schema differs from the model
   */
  public RetortMigrationInitializer(Retort retort, RetortMigrationStrategy strategy, boolean checkOnStart) {
    this.retort = Objects.requireNonNull(retort, "retort == null");
    this.strategy = Objects.requireNonNull(strategy, "strategy == null");
    this.checkOnStart = checkOnStart;
  }

  @Override
  public void afterPropertiesSet() {
    strategy.migrate(retort);
    if (checkOnStart) {
      CheckResult result = retort.check();
      if (!result.matches()) {
        throw new SchemaDriftException(result);
      }
    }
  }
}
