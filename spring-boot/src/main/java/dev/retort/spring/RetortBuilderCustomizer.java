package dev.retort.spring;

import dev.retort.runtime.Retort;

/**
 * Adjusts the {@link Retort.Builder} that the auto-configuration has set from the
 * {@code retort.*} properties, for what the properties do not cover, such as a
 * {@linkplain Retort.Builder#progress progress listener} or a
 * {@linkplain Retort.Builder#dialect dialect}. Every bean of this type is applied, in their
 * {@code @Order}.
 */
@FunctionalInterface
public interface RetortBuilderCustomizer {

  /**
   * Adjusts the builder before the instance is built.
   *
   * @param builder the builder, with the data source and the properties already set
   */
  void customize(Retort.Builder builder);
}
