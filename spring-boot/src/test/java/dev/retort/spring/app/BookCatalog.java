package dev.retort.spring.app;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the books table while the context creates it, as a cache warmed at start-up does. */
@Component
public class BookCatalog {

  private final int booksAtStart;

  /**
   * Counts the books.
   *
   * @param jdbc the application's template
   */
  public BookCatalog(JdbcTemplate jdbc) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM books", Integer.class);
    booksAtStart = count == null ? 0 : count;
  }

  /** How many books there were when the bean was created. */
  public int booksAtStart() {
    return booksAtStart;
  }
}
