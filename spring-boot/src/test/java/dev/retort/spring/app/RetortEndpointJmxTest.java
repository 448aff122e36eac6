package dev.retort.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The whole application, without a web server, with Actuator's JMX exposure of the
 * {@code retort} endpoint: the answer as an operator's JMX console, or the web endpoint's JSON,
 * gets it.
 */
// retort.target: see RetortAutoConfigurationTest.
@SpringBootTest(properties = {"retort.target=head", "spring.jmx.enabled=true",
    "management.endpoints.jmx.exposure.include=retort"})
class RetortEndpointJmxTest {

  @Autowired MBeanServer mbeans;
  @Autowired ApplicationContext context;

  @Test
  void theEndpointAnswersOverJmx() throws Exception {
    Set<ObjectName> names = mbeans.queryNames(
        new ObjectName("org.springframework.boot:type=Endpoint,name=Retort,*"), null);
    assertThat(names).hasSize(1);
    Object answer = mbeans.invoke(names.iterator().next(), "retortBeans", new Object[0], new String[0]);

    Map<?, ?> contexts = (Map<?, ?>) ((Map<?, ?>) answer).get("contexts");
    Map<?, ?> beans = (Map<?, ?>) ((Map<?, ?>) contexts.get(context.getId())).get("retortBeans");
    Map<?, ?> retort = (Map<?, ?>) beans.get("retort");
    assertThat(retort.get("error")).isNull();
    List<?> revisions = (List<?>) retort.get("revisions");
    assertThat(revisions).hasSize(2);
    Map<?, ?> first = (Map<?, ?>) revisions.get(0);
    assertThat(first.get("revision")).isEqualTo("20261121_190131");
    assertThat(first.get("description")).isEqualTo("Create table books.");
    assertThat(first.get("parents")).isEqualTo(List.of());
    assertThat(first.get("state")).isEqualTo("APPLIED");
    assertThat(Instant.parse((String) first.get("appliedAt"))).isBefore(Instant.now());
    assertThat(first.get("executionTime")).isInstanceOf(Number.class);
    assertThat(((Map<?, ?>) revisions.get(1)).get("parents")).isEqualTo(List.of("20261121_190131"));
  }
}
