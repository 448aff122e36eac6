package dev.retort.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * A Spring Boot 3 application with the module on its class path stops before its context starts,
 * with a message naming both versions and the way out, instead of failing on a duplicate bean that
 * Boot 4's modules beside Boot 3's auto-configuration define.
 */
class SpringBootVersionCheckTest {

  @Test
  void springBoot3IsRefusedWithTheWayOut() {
    SpringBootVersionCheck check = new SpringBootVersionCheck(() -> "3.5.16");

    assertThatThrownBy(() -> check.initialize(new GenericApplicationContext()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("retort-spring-boot needs Spring Boot 4, and this application runs Spring Boot 3.5.16:"
            + " upgrade the application to Spring Boot 4, or replace retort-spring-boot with retort-runtime and"
            + " migrate from a configuration class of your own, as the section \"On Spring Boot 3\" of Retort's"
            + " Spring Boot guide (docs/spring-boot.md) shows");
  }

  @ParameterizedTest
  @ValueSource(strings = {"4.1.1", "4.0.0-RC1", "5.0.0", "unknown", ""})
  @NullSource
  void springBoot4AndLaterAndAVersionNotKnownStart(String version) {
    SpringBootVersionCheck check = new SpringBootVersionCheck(() -> version);

    assertThatCode(() -> check.initialize(new GenericApplicationContext())).doesNotThrowAnyException();
  }

  @Test
  void everyApplicationRunsTheCheckAndTheRunningSpringBootPassesIt() {
    var initializers = SpringFactoriesLoader.forDefaultResourceLocation().load(ApplicationContextInitializer.class);

    assertThat(initializers).hasAtLeastOneElementOfType(SpringBootVersionCheck.class);
    @SuppressWarnings("unchecked")
    ApplicationContextInitializer<GenericApplicationContext> check = initializers.stream()
        .filter(SpringBootVersionCheck.class::isInstance).findFirst().orElseThrow();
    assertThatCode(() -> check.initialize(new GenericApplicationContext())).doesNotThrowAnyException();
  }
}
