/**
 * Spring Boot auto-configuration for Retort: the application's migrations are applied to its
 * {@code DataSource} at start-up, before the beans that use the database, configured by the
 * {@code retort.*} properties ({@link dev.retort.spring.RetortProperties}). See
 * {@link dev.retort.spring.RetortAutoConfiguration}.
 */
package dev.retort.spring;
