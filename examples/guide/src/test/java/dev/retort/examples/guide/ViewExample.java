package dev.retort.examples.guide;

import dev.retort.View;

/**
 * The {@code @View} example of the entity guide (docs/entities.md), compiled so that the guide
 * quotes code that compiles; this module's sources are not processed.
 */
final class ViewExample {

  private ViewExample() {}

  // tag::view[]
  @View("""
      SELECT id, email
      FROM customers
      WHERE active""")
  public record ActiveCustomer(long id, String email) {}
  // end::view[]
}
