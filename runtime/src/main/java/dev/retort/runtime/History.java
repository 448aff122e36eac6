package dev.retort.runtime;

import java.util.List;

/**
 * Every revision of this build's history, oldest first (revision order), marking those applied
 * to the database: what {@link Retort#history()} returns.
 *
 * @param entries the revisions
 */
public record History(List<HistoryEntry> entries) {

  /** Copies the entries. */
  public History {
    entries = List.copyOf(entries);
  }
}
