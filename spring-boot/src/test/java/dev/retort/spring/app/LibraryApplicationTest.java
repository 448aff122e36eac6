package dev.retort.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.spring.app.jpa.BookEntity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole application on an embedded H2: {@link BookCatalog} reads the books table while it is
 * created, and Hibernate validates its mapping ({@code ddl-auto=validate}), so the context starts
 * only because Retort migrated first.
 */
// retort.target: see RetortAutoConfigurationTest.
@SpringBootTest(properties = "retort.target=head")
class LibraryApplicationTest {

  @Autowired BookCatalog catalog;
  @Autowired JdbcTemplate jdbc;
  @Autowired EntityManagerFactory entityManagerFactory;

  @Test
  void migrationsRanBeforeTheBeansThatUseTheDatabase() {
    assertThat(catalog.booksAtStart()).isZero();
    assertThat(jdbc.queryForList("SELECT revision FROM retort_version ORDER BY revision", String.class))
        .containsExactly("20261121_190131", "20261121_190158");
  }

  @Test
  void jpaWorksOnTheMigratedSchema() {
    EntityManager entityManager = entityManagerFactory.createEntityManager();
    try {
      entityManager.getTransaction().begin();
      entityManager.persist(new BookEntity(1, "Middlemarch", 1871));
      entityManager.getTransaction().commit();
      entityManager.clear();
      assertThat(entityManager.find(BookEntity.class, 1L).published()).isEqualTo(1871);
    } finally {
      entityManager.close();
    }
    assertThat(jdbc.queryForObject("SELECT title FROM books WHERE id = 1", String.class)).isEqualTo("Middlemarch");
  }
}
