package dev.retort.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.testdb.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application on PostgreSQL and MariaDB: migrated at start-up before {@link BookCatalog} and
 * Hibernate's validation, and not again at the next start. Skipped without the server, unless
 * {@code CI=true}.
 */
class ServerStartUpTest {

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"POSTGRESQL", "MARIADB"})
  void startsOnAFreshDatabaseAndAgainOnTheMigratedOne(TestDatabase.Kind kind) {
    try (TestDatabase database = TestDatabase.create(kind)) {
      for (int start = 0; start < 2; start++) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LibraryApplication.class)
            // retort.target: see RetortAutoConfigurationTest.
            .run("--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(), "--spring.main.banner-mode=off",
                "--retort.check-on-start=true", "--retort.target=head")) {
          assertThat(context.getBean(BookCatalog.class).booksAtStart()).isEqualTo(start);
          JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
          assertThat(jdbc.queryForList("SELECT revision FROM retort_version ORDER BY revision", String.class))
              .containsExactly("20261121_190131", "20261121_190158");
          jdbc.update("INSERT INTO books (id, title) VALUES (?, 'Persuasion')", start + 1);
        }
      }
    }
  }
}
