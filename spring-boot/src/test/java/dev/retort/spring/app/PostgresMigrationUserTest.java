package dev.retort.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application on PostgreSQL with {@code retort.user}: Retort migrates the application's
 * database as a role of its own, which owns the tables it created, and keeps no connection of that
 * role open once started. The role is created here and dropped after. Skipped without the server,
 * unless {@code CI=true}.
 */
class PostgresMigrationUserTest {

  private static final String ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres";

  @Test
  void migratesAsRetortUserWhileTheApplicationConnectsAsItsOwn() throws SQLException {
    String role = "retort_migrator_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    TestDatabase database = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
    try {
      admin("CREATE ROLE " + role + " LOGIN PASSWORD 'migrator-secret'");
      // The database's owner may create tables in its public schema (PostgreSQL 15 and later
      // allow no one else by default).
      admin("ALTER DATABASE " + database.name() + " OWNER TO " + role);

      try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LibraryApplication.class)
          // retort.target: see RetortAutoConfigurationTest.
          .run("--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
              "--spring.datasource.password=" + database.password(), "--spring.main.banner-mode=off",
              "--retort.user=" + role, "--retort.password=migrator-secret", "--retort.check-on-start=true",
              "--retort.target=head")) {
        assertThat(context.getBean(BookCatalog.class).booksAtStart()).isZero();
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(database.user());
        assertThat(jdbc.queryForList("SELECT tableowner FROM pg_tables WHERE schemaname = 'public'"
            + " AND tablename IN ('books', 'retort_version')", String.class)).containsExactly(role, role);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_stat_activity WHERE usename = ?", Integer.class,
            role)).isZero();
      }
    } finally {
      // The role owns the database: it goes after it.
      database.close();
      admin("DROP ROLE IF EXISTS " + role);
    }
  }

  private static void admin(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(ADMIN, "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
