package dev.retort.spring;

import dev.retort.runtime.CheckResult;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates the database when the application context creates this bean: with the
 * {@link RetortMigrationStrategy} if one was given, else by upgrading to the target, then, if
 * asked, checks the live schema against the model.
 *
 * <p>With several schemas ({@code retort.current-schema=tenant_*}, or a list), it migrates (and checks) each in turn
 * with the instance {@linkplain Retort#withCurrentSchema made for it}, goes on past a schema that fails, logging the
 * failure (one with an earlier schema's message in a line naming that schema), and then stops start-up with the first
 * failure, the others suppressed in it.
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
  private final List<String> schemas;

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
    this(retort, strategy, checkOnStart, allowDatabaseAhead, List.of());
  }

  /**
   * Creates the initializer for several schemas, such as every tenant's.
   *
   * @param retort the configured instance, without a current schema
   * @param strategy what to run in each schema; {@code retort -> retort.upgrade(target)} by default
   * @param checkOnStart whether to check each schema after migrating it
   * @param allowDatabaseAhead whether the instance allows a database ahead of this build
   * @param schemas names and patterns of the schemas to migrate, which {@link Retort#schemas} resolves; empty for
   *     the instance's own schema alone
   */
  public RetortMigrationInitializer(Retort retort, RetortMigrationStrategy strategy, boolean checkOnStart,
      boolean allowDatabaseAhead, List<String> schemas) {
    this.retort = Objects.requireNonNull(retort, "retort == null");
    this.strategy = Objects.requireNonNull(strategy, "strategy == null");
    this.checkOnStart = checkOnStart;
    this.allowDatabaseAhead = allowDatabaseAhead;
    this.schemas = List.copyOf(schemas);
  }

  /**
   * The instance that migrates.
   *
   * @return the instance given
   */
  public Retort retort() {
    return retort;
  }

  /**
   * The names and patterns of the schemas migrated in turn, which {@link Retort#schemas} resolves, such as
   * {@code tenant_*}.
   *
   * @return the names and patterns; empty when the instance migrates its own schema
   */
  public List<String> schemas() {
    return schemas;
  }

  @Override
  public void afterPropertiesSet() {
    if (schemas.isEmpty()) {
      migrate(retort);
      return;
    }
    List<String> tenants = retort.schemas(schemas.toArray(String[]::new));
    Map<String, RuntimeException> failed = new LinkedHashMap<>();
    // A failure that names no schema, such as a setting the database refuses, is alike in every tenant: logged once,
    // with the first tenant that had it, and not again, stack trace and all, for each of maybe hundreds of tenants.
    Map<String, String> firstWithMessage = new LinkedHashMap<>();
    for (String tenant : tenants) {
      try {
        migrate(retort.withCurrentSchema(tenant));
      } catch (RuntimeException e) {
        String first = e.getMessage() == null ? null : firstWithMessage.putIfAbsent(e.getMessage(), tenant);
        if (first == null) {
          LOG.error("Migrating schema {} failed; going on with the other schemas", tenant, e);
        } else {
          LOG.error("Migrating schema {} failed as {} did, with the same message (above); going on with the other"
              + " schemas", tenant, first);
        }
        failed.put(tenant, e);
      }
    }
    if (failed.isEmpty()) {
      LOG.info("Migrated {} schemas: {}", tenants.size(), String.join(", ", tenants));
      return;
    }
    String summary = "Migrated " + (tenants.size() - failed.size()) + " of " + tenants.size() + " schemas; "
        + failed.size() + " failed: " + String.join(", ", failed.keySet()) + ".";
    LOG.error("{} Each failure is logged above; the first stops start-up", summary);
    RuntimeException first = stopping(failed.values().iterator().next(), summary);
    failed.values().stream().skip(1).forEach(first::addSuppressed);
    throw first;
  }

  /**
   * The failure that stops start-up: the first tenant's, and for Retort's, with the summary as its last line, so that
   * "APPLICATION FAILED TO START" names every tenant that failed and not the first alone.
   */
  private static RuntimeException stopping(RuntimeException first, String summary) {
    if (first instanceof RetortException e) {
      return new RetortException(e.code(), e.getMessage() + "\n" + summary + " Each failure is logged above.", e);
    }
    return first;
  }

  /** Migrates with the strategy, then checks if asked. */
  private void migrate(Retort retort) {
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
