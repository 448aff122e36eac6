package dev.retort.spring;

import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.boot.SpringBootVersion;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops a Spring Boot 3 application that has this module on its class path before its context
 * starts, with a message that says what to do.
 *
 * <p>The module plugs into Spring Boot 4's modules ({@code spring-boot-jdbc} and others), which a
 * Spring Boot 3 application's dependency management does not know and so leaves at Boot 4's
 * version, beside Boot 3's own auto-configuration. Without this check the start-up fails on a bean
 * that both define ({@code hikariPoolDataSourceMetadataProvider}), an error that names neither
 * Retort nor the versions. Registered in {@code META-INF/spring.factories}, which Spring Boot 3
 * reads as Spring Boot 4 does; it touches nothing but {@link SpringBootVersion}, which both have.
 */
final class SpringBootVersionCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private final Supplier<String> version;

  /** The check of the Spring Boot on the class path; Spring Boot creates it. */
  SpringBootVersionCheck() {
    this(SpringBootVersion::getVersion);
  }

  /** The check of the version that {@code version} gives, which may be null when it is not known. */
  SpringBootVersionCheck(Supplier<String> version) {
    this.version = Objects.requireNonNull(version, "version == null");
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    String running = version.get();
    if (running != null && major(running) < 4) {
      throw new IllegalStateException("retort-spring-boot needs Spring Boot 4, and this application runs Spring Boot "
          + running + ": upgrade the application to Spring Boot 4, or replace retort-spring-boot with retort-runtime"
          + " and migrate from a configuration class of your own, as the section \"On Spring Boot 3\" of Retort's"
          + " Spring Boot guide (docs/spring-boot.md) shows");
    }
  }

  /**
   * The major version of a version such as {@code 3.5.16}, or {@link Integer#MAX_VALUE} when it does
   * not start with one: a jar that lost its manifest says nothing that should stop the application.
   */
  private static int major(String version) {
    int digits = 0;
    while (digits < version.length() && digits < 9 && Character.isDigit(version.charAt(digits))) {
      digits++;
    }
    return digits == 0 ? Integer.MAX_VALUE : Integer.parseInt(version.substring(0, digits));
  }
}
