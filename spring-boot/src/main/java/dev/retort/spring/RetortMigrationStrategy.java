package dev.retort.spring;

import dev.retort.runtime.Retort;

/**
 * What start-up does with the database instead of upgrading it to {@code retort.target}: declare a
 * bean of this type to, for example, only verify that a deployment pipeline has already applied
 * every migration.
 */
@FunctionalInterface
public interface RetortMigrationStrategy {

  /**
   * Runs at start-up, before any bean that uses the database is created. An exception stops the
   * application.
   *
   * @param retort the configured instance, on the database to migrate
   */
  void migrate(Retort retort);
}
