package dev.retort.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With {@code spring.main.lazy-initialization=true} no bean is created before it is used, yet the
 * migrations still run at start-up, not at the first query.
 */
class LazyInitializationTest {

  @Test
  void migratesAtStartUpEvenWhenBeansAreLazy() throws SQLException {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    // Without JPA, whose EntityManagerFactory is created at start-up even then and would pull the
    // migrations with it. retort.target: see RetortAutoConfigurationTest.
    try (ConfigurableApplicationContext context = SpringApplication.run(LibraryApplication.class,
            "--spring.datasource.url=" + url, "--spring.main.lazy-initialization=true", "--retort.target=head",
            "--spring.autoconfigure.exclude=" + HibernateJpaAutoConfiguration.class.getName());
        Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'retort_version'")) {
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(1);
    }
  }
}
