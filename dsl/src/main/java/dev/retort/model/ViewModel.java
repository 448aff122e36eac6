package dev.retort.model;

import java.util.Objects;

/**
 * A view: a named query, {@code CREATE VIEW name AS query}.
 *
 * <p>The query is SQL the application owns, kept as written but for the white space around it
 * and run as written on every database. Retort reads it only to find the tables and views it
 * refers to, so that a migration changing one of them drops the view before the change and
 * creates it again after it.
 *
 * @param name the view name
 * @param schema the database schema holding the view; empty for the connection's own
 * @param query the query, without surrounding white space or a closing semicolon
 */
public record ViewModel(String name, String schema, String query) {

  /** Validates the components and strips the query of the white space around it. */
  public ViewModel {
    Names.require("view name", name);
    Objects.requireNonNull(schema, "schema == null");
    Objects.requireNonNull(query, "query == null");
    query = query.strip();
    if (query.isEmpty()) {
      throw new IllegalArgumentException("view " + name + " has an empty query; give it the SELECT it stands for");
    }
    if (query.endsWith(";")) {
      throw new IllegalArgumentException("the query of view " + name
          + " ends with ';'; leave the semicolon out, as CREATE VIEW takes one statement");
    }
  }

  /**
   * A view in the connection's own schema.
   *
   * @param name the view name
   * @param query the query
   * @return the view
   */
  public static ViewModel of(String name, String query) {
    return new ViewModel(name, "", query);
  }
}
