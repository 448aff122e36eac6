package dev.retort.spring.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The test application: the entity {@link dev.retort.spring.app.model.Book} and its committed
 * migrations, a bean that reads the table while it is created ({@link BookCatalog}) and a JPA
 * entity of the same table ({@link dev.retort.spring.app.jpa.BookEntity}). It starts only if Retort
 * migrated the database first.
 */
@SpringBootApplication
public class LibraryApplication {

  /**
   * Runs the application.
   *
   * @param args Spring Boot's arguments
   */
  public static void main(String[] args) {
    SpringApplication.run(LibraryApplication.class, args);
  }
}
