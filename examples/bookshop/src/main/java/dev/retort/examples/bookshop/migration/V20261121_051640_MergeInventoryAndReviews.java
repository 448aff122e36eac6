package dev.retort.examples.bookshop.migration;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.dsl.Schema;

/**
 * Merges the inventory branch (books.stock) and the reviews branch (the reviews table). Both
 * followed the Anonymous author revision. Written by hand when the build reported two
 * heads; the branches touch different tables, so there is nothing to reconcile.
 */
// tag::merge[]
@Revision(id = "20261121_051640", parent = {"20261121_051613", "20261121_051628"})
public final class V20261121_051640_MergeInventoryAndReviews implements Migration {

  @Override
  public void upgrade(Schema schema) {
    // Nothing to do: applying both parents is the whole change.
  }

  @Override
  public void downgrade(Schema schema) {
    // Nothing to undo.
  }
}
// end::merge[]
