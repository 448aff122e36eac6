package dev.retort.spring;

import dev.retort.runtime.CheckResult;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

  private static final Logger LOG = LoggerFactory.getLogger(RetortMigrationInitializer.class);

  private final Retort retort;
  private final RetortMigrationStrategy strategy;
  private final boolean checkOnStart;
  private final boolean allowDatabaseAhead;

  /**
   * Creates the initializer.
   *
   * @param retort the configured instance
   * @param strategy what to run; {@code retort -> retort.upgrade(target)} by default
   * @param checkOnStart whether to fail with a {@link SchemaDriftException} when, afterwards, the
   *     live schema differs from the model
   */
  public RetortMigrationInitializer(Retort retort, RetortMigrationStrategy strategy, boolean checkOnStart) {
    this(retort, strategy, checkOnStart, false);
  }

  /**
   * Creates the initializer for an instance that may start on a database a newer version migrated.
   *
   * @param retort the configured instance
   * @param strategy what to run; {@code retort -> retort.upgrade(target)} by default
   * @param checkOnStart whether to fail with a {@link SchemaDriftException} when, afterwards, the
   *     live schema differs from the model
   * @param allowDatabaseAhead whether the instance allows a database ahead of this build
   *     ({@code retort.allow-database-ahead}): the check on start is then skipped, with a
   *     warning, on such a database, whose schema this build does not know
   */
  public RetortMigrationInitializer(
      Retort retort, RetortMigrationStrategy strategy, boolean checkOnStart, boolean allowDatabaseAhead) {
    this.retort = Objects.requireNonNull(retort, "retort == null");
    this.strategy = Objects.requireNonNull(strategy, "strategy == null");
    this.checkOnStart = checkOnStart;
    this.allowDatabaseAhead = allowDatabaseAhead;
  }

  @Override
  public void afterPropertiesSet() {
    strategy.migrate(retort);
    if (checkOnStart) {
      CheckResult result;
      try {
        result = retort.check();
      } catch (RetortException e) {
        if (allowDatabaseAhead && e.code() == ErrorCode.DATABASE_AHEAD) {
          LOG.warn("Skipped retort.check-on-start: the database is ahead of this version, whose model cannot say"
              + " what its schema should be");
          return;
        }
        throw e;
      }
      if (!result.matches()) {
        throw new SchemaDriftException(result);
      }
      // A constraint PostgreSQL still holds NOT VALID is the state between two releases, not drift.
      result.notes().forEach(note -> LOG.warn("retort.check-on-start: {}", note));
    }
  }
}
