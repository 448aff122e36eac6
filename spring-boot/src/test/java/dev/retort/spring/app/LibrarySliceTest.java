package dev.retort.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A {@code @JdbcTest} slice gets the migrated schema on the embedded database that replaces the
 * application's, as it does with Flyway. That database's URL is Spring Boot's, without
 * {@code DATABASE_TO_LOWER=TRUE}, so the SQL here quotes Retort's lower-case names.
 */
// retort.target: see RetortAutoConfigurationTest.
@JdbcTest(properties = "retort.target=head")
class LibrarySliceTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void theSliceDatabaseIsMigrated() {
    jdbc.update("INSERT INTO \"books\" (\"id\", \"title\", \"published\") VALUES (1, 'Emma', 1815)");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM \"retort_version\"", Integer.class)).isEqualTo(2);
  }
}
