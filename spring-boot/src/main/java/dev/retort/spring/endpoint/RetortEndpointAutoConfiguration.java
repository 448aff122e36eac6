package dev.retort.spring.endpoint;

import dev.retort.runtime.Retort;
import dev.retort.spring.RetortAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Defines the {@link RetortEndpoint} when Spring Boot's Actuator is on the class path, the context
 * has a {@link Retort} bean, and the endpoint is available (exposed, and not turned off by
 * {@code management.endpoint.retort.access=none}), as Spring Boot does for its {@code flyway}
 * endpoint. A bean of the application's own type replaces it.
 */
@AutoConfiguration(after = RetortAutoConfiguration.class)
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
@ConditionalOnAvailableEndpoint(RetortEndpoint.class)
public class RetortEndpointAutoConfiguration {

  /** Creates the configuration; Spring Boot does. */
  public RetortEndpointAutoConfiguration() {}

  /**
   * The endpoint.
   *
   * @param context the application context, whose {@code Retort} beans it describes
   * @return the endpoint
   */
  @Bean
  @ConditionalOnBean(Retort.class)
  @ConditionalOnMissingBean
  public RetortEndpoint retortEndpoint(ApplicationContext context) {
    return new RetortEndpoint(context);
  }
}
