package dev.retort.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.spring.app.jpa.BookEntity;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A {@code @DataJpaTest} slice migrates before Hibernate validates the mapping. It keeps the
 * application's H2 URL, with {@code DATABASE_TO_LOWER=TRUE}, where Hibernate's unquoted names find
 * Retort's lower-case tables; the embedded database the slice would put in its place has not.
 */
// retort.target: see RetortAutoConfigurationTest.
@DataJpaTest(properties = "retort.target=head")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class LibraryJpaSliceTest {

  @Autowired EntityManager entityManager;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theSliceDatabaseIsMigratedBeforeHibernateValidates() {
    entityManager.persist(new BookEntity(1, "Emma", 1815));
    entityManager.flush();
    assertThat(jdbc.queryForObject("SELECT published FROM books WHERE id = 1", Integer.class)).isEqualTo(1815);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM retort_version", Integer.class)).isEqualTo(2);
  }
}
