package dev.retort.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Without {@code spring.jpa.hibernate.ddl-auto}, Spring Boot lets Hibernate create-drop the
 * schema of an embedded database unless something manages it: Retort says it does, so the
 * migrated tables stay as the migrations made them.
 */
class JpaDefaultDdlAutoTest {

  @Test
  void hibernateLeavesTheMigratedTablesAlone() {
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LibraryApplication.class)
        // Without application.properties, so without ddl-auto, on an in-memory (embedded) H2.
        // retort.target: see RetortAutoConfigurationTest.
        .run("--spring.config.name=none", "--spring.main.banner-mode=off", "--retort.target=head",
            "--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1")) {
      JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
      // Retort's varchar(200); Hibernate would have created varchar(255).
      assertThat(jdbc.queryForObject("SELECT character_maximum_length FROM information_schema.columns"
          + " WHERE table_name = 'books' AND column_name = 'title'", Integer.class)).isEqualTo(200);
    }
  }
}
