package dev.retort.examples.bookshop.migration;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.dsl.Schema;
import java.sql.PreparedStatement;

/**
 * Adds the author Anonymous, for books of unknown authorship. A data migration written by
 * hand: it changes no table, so it has no snapshot of its own.
 */
// tag::data-migration[]
@Revision(id = "20261121_051602", parent = "20261121_051546")
public final class V20261121_051602_AddAnonymousAuthor implements Migration {

  /** The name the application looks the author up by. */
  static final String ANONYMOUS = "Anonymous";

  @Override
  public void upgrade(Schema schema) {
    schema.run("insert the author 'Anonymous'", connection -> {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO authors (name) VALUES (?)")) {
        insert.setString(1, ANONYMOUS);
        insert.executeUpdate();
      }
    });
  }

  @Override
  public void downgrade(Schema schema) {
    // Fails on the foreign key from books while a book is filed under Anonymous: refile those
    // books first.
    schema.run("delete the author 'Anonymous'", connection -> {
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM authors WHERE name = ?")) {
        delete.setString(1, ANONYMOUS);
        delete.executeUpdate();
      }
    });
  }
}
// end::data-migration[]
