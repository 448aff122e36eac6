package dev.retort.spring.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.Retort;
import dev.retort.spring.RetortAutoConfiguration;
import dev.retort.spring.endpoint.RetortEndpoint.ContextRetortBeansDescriptor;
import dev.retort.spring.endpoint.RetortEndpoint.RetortDescriptor;
import dev.retort.spring.endpoint.RetortEndpoint.RevisionDescriptor;
import dev.retort.spring.endpoint.RetortEndpoint.State;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The {@code retort} endpoint: when it is defined, and what it tells of each {@code Retort}
 * bean's history, on H2 with the test application's two revisions.
 */
class RetortEndpointTest {

  private static final String FIRST = "20261121_190131";
  private static final String HEAD = "20261121_190158";

  private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, RetortAutoConfiguration.class,
          RetortEndpointAutoConfiguration.class))
      .withPropertyValues("spring.datasource.url=" + url, "retort.target=head",
          "management.endpoints.web.exposure.include=retort");

  @Test
  void listsEveryRevisionWithWhetherAndWhenItWasApplied() {
    Instant before = Instant.now().minusSeconds(1);
    runner.withPropertyValues("retort.target=" + FIRST).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(RetortEndpoint.class);
      List<RevisionDescriptor> revisions = revisions(context, "retort");
      assertThat(revisions).extracting(RevisionDescriptor::revision).containsExactly(FIRST, HEAD);
      assertThat(revisions).extracting(RevisionDescriptor::state).containsExactly(State.APPLIED, State.PENDING);
      assertThat(revisions).extracting(RevisionDescriptor::parents).containsExactly(List.of(), List.of(FIRST));
      assertThat(revisions).extracting(RevisionDescriptor::description)
          .containsExactly(context.getBean(Retort.class).show(FIRST).description(),
              context.getBean(Retort.class).show(HEAD).description());

      RevisionDescriptor applied = revisions.get(0);
      assertThat(applied.appliedAt()).isBetween(before, Instant.now());
      assertThat(applied.executionTime()).isNotNull().isBetween(0L, Duration.ofMinutes(1).toMillis());
      RevisionDescriptor pending = revisions.get(1);
      assertThat(pending.appliedAt()).isNull();
      assertThat(pending.executionTime()).isNull();
    });
  }

  @Test
  void aStampedRevisionHasNoExecutionTime() {
    runner.withPropertyValues("retort.target=" + FIRST).run(context -> {
      context.getBean(Retort.class).stamp(HEAD);
      List<RevisionDescriptor> revisions = revisions(context, "retort");
      assertThat(revisions).extracting(RevisionDescriptor::state).containsExactly(State.APPLIED, State.APPLIED);
      assertThat(revisions.get(0).executionTime()).isNotNull();
      assertThat(revisions.get(1).appliedAt()).isNotNull();
      assertThat(revisions.get(1).executionTime()).isNull();
    });
  }

  @Test
  void describesEachRetortBeanOnItsOwnDatabaseState() {
    runner.withUserConfiguration(TwoRetorts.class).run(context -> {
      assertThat(context).hasNotFailed();
      ContextRetortBeansDescriptor beans = context.getBean(RetortEndpoint.class).retortBeans().contexts()
          .get(context.getId());
      assertThat(beans.retortBeans()).containsOnlyKeys("reportingRetort", "retort");
      assertThat(beans.retortBeans().get("retort").revisions()).extracting(RevisionDescriptor::state)
          .containsExactly(State.APPLIED, State.APPLIED);
      assertThat(beans.retortBeans().get("reportingRetort").revisions()).extracting(RevisionDescriptor::state)
          .containsExactly(State.PENDING, State.PENDING);
    });
  }

  @Test
  void aBeanWhoseHistoryFailsShowsTheErrorAndTheOthersStillAnswer() {
    runner.withUserConfiguration(TwoRetorts.class).run(context -> {
      new JdbcTemplate(context.getBean(DataSource.class)).update("DELETE FROM retort_version WHERE revision = ?",
          FIRST);
      ContextRetortBeansDescriptor beans = context.getBean(RetortEndpoint.class).retortBeans().contexts()
          .get(context.getId());
      RetortDescriptor broken = beans.retortBeans().get("retort");
      assertThat(broken.revisions()).isEmpty();
      assertThat(broken.error().code()).isEqualTo("INCONSISTENT_VERSION_TABLE");
      assertThat(broken.error().message()).contains(HEAD + " without its parent " + FIRST);
      assertThat(beans.retortBeans().get("reportingRetort").error()).isNull();
      assertThat(beans.retortBeans().get("reportingRetort").revisions()).hasSize(2);
    });
  }

  /**
   * With retort.current-schema=tenant_*, start-up migrates the tenants and not the connection's own schema, whose
   * history would show every revision pending: the bean shows each tenant's instead, a tenant created since included.
   */
  @Test
  void aPatternOfTenantsShowsEachTenantsHistory() {
    new JdbcTemplate(new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", ""))
        .execute("CREATE SCHEMA tenant_b; CREATE SCHEMA tenant_a");
    runner.withPropertyValues("retort.current-schema=tenant_*", "retort.target=" + FIRST).run(context -> {
      assertThat(context).hasNotFailed();
      context.getBean(Retort.class).withCurrentSchema("tenant_b").upgrade();
      new JdbcTemplate(context.getBean(DataSource.class)).execute("CREATE SCHEMA tenant_c");

      RetortDescriptor retort = context.getBean(RetortEndpoint.class).retortBeans().contexts().get(context.getId())
          .retortBeans().get("retort");
      assertThat(retort.revisions()).as("the connection's own schema, which no one migrates").isEmpty();
      assertThat(retort.schemas()).containsOnlyKeys("tenant_a", "tenant_b", "tenant_c");
      assertThat(retort.schemas().keySet()).containsExactly("tenant_a", "tenant_b", "tenant_c");
      assertThat(retort.schemas().get("tenant_a").revisions()).extracting(RevisionDescriptor::state)
          .containsExactly(State.APPLIED, State.PENDING);
      assertThat(retort.schemas().get("tenant_b").revisions()).extracting(RevisionDescriptor::state)
          .containsExactly(State.APPLIED, State.APPLIED);
      assertThat(retort.schemas().get("tenant_c").revisions()).extracting(RevisionDescriptor::state)
          .containsExactly(State.PENDING, State.PENDING);
    });
  }

  @Test
  void aSingleSchemaHasNoSchemas() {
    runner.run(context -> assertThat(context.getBean(RetortEndpoint.class).retortBeans().contexts()
        .get(context.getId()).retortBeans().get("retort").schemas()).isEmpty());
  }

  @Test
  void includesTheParentContextsBeans() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, RetortAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=" + url, "retort.target=head")
        .run(parent -> new ApplicationContextRunner()
        .withParent(parent)
        .withConfiguration(AutoConfigurations.of(RetortEndpointAutoConfiguration.class))
        .withPropertyValues("management.endpoints.web.exposure.include=retort")
        .run(child -> {
          assertThat(child).hasNotFailed();
          Map<String, ContextRetortBeansDescriptor> contexts = child.getBean(RetortEndpoint.class).retortBeans()
              .contexts();
          assertThat(contexts).containsOnlyKeys(child.getId(), parent.getId());
          assertThat(contexts.get(child.getId()).retortBeans()).isEmpty();
          assertThat(contexts.get(child.getId()).parentId()).isEqualTo(parent.getId());
          assertThat(contexts.get(parent.getId()).parentId()).isNull();
          assertThat(contexts.get(parent.getId()).retortBeans()).containsOnlyKeys("retort");
        }));
  }

  @Test
  void notDefinedWithoutActuator() {
    runner.withClassLoader(new FilteredClassLoader(ConditionalOnAvailableEndpoint.class))
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(Retort.class)
            .doesNotHaveBean(RetortEndpoint.class));
  }

  @Test
  void notDefinedWhileNotExposed() {
    runner.withPropertyValues("management.endpoints.web.exposure.include=health")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RetortEndpoint.class));
  }

  @Test
  void notDefinedWithAccessNone() {
    runner.withPropertyValues("management.endpoint.retort.access=NONE")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RetortEndpoint.class));
  }

  @Test
  void notDefinedWithoutRetort() {
    runner.withPropertyValues("retort.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RetortEndpoint.class));
  }

  /** The migrated instance and one on another version table, which nothing migrates. */
  @Configuration
  static class TwoRetorts {

    @Bean
    @Primary
    Retort retort(DataSource dataSource) {
      return Retort.builder().dataSource(dataSource).build();
    }

    @Bean
    Retort reportingRetort(DataSource dataSource) {
      return Retort.builder().dataSource(dataSource).versionTable("reporting_version").build();
    }
  }

  private static List<RevisionDescriptor> revisions(ApplicationContext context, String bean) {
    return context.getBean(RetortEndpoint.class).retortBeans().contexts().get(context.getId()).retortBeans()
        .get(bean).revisions();
  }
}
