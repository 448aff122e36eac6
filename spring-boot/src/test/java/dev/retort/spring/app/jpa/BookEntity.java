package dev.retort.spring.app.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The books table as JPA maps it; Hibernate's {@code ddl-auto=validate} checks it against the migrated schema. */
@Entity
@Table(name = "books")
public class BookEntity {

  @Id
  private Long id;

  private String title;

  private Integer published;

  /** For JPA. */
  protected BookEntity() {}

  /**
   * Creates a book.
   *
   * @param id the key
   * @param title the title
   * @param published the year, or {@code null}
   */
  public BookEntity(long id, String title, Integer published) {
    this.id = id;
    this.title = title;
    this.published = published;
  }

  /** The title. */
  public String title() {
    return title;
  }

  /** The year of publication, or {@code null}. */
  public Integer published() {
    return published;
  }
}
