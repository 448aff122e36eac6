package dev.retort.runtime;

import java.util.List;

/**
 * The revisions without children: what {@link Retort#heads()} returns. A valid history has
 * exactly one; more are reported as an error when the history is loaded.
 *
 * @param revisions the head revision ids
 */
public record Heads(List<String> revisions) {

  /** Copies the ids. */
  public Heads {
    revisions = List.copyOf(revisions);
  }
}
