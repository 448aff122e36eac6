package dev.retort.runtime;

import java.util.List;

/**
 * What {@link Retort#stamp(String)} changed in the version table; no migration ran.
 *
 * @param before the current revisions before
 * @param after the current revisions after
 * @param recorded the revisions newly recorded as applied
 * @param removed the revisions whose rows were deleted
 * @param checksumsUpdated the revisions that stayed applied but whose recorded checksum, or
 *     source checksum, was replaced by the migration's current one
 */
public record StampResult(
    List<String> before, List<String> after, List<String> recorded, List<String> removed,
    List<String> checksumsUpdated) {

  /** Copies the components. */
  public StampResult {
    before = List.copyOf(before);
    after = List.copyOf(after);
    recorded = List.copyOf(recorded);
    removed = List.copyOf(removed);
    checksumsUpdated = List.copyOf(checksumsUpdated);
  }

  /** Whether the version table changed. */
  public boolean changed() {
    return !recorded.isEmpty() || !removed.isEmpty() || !checksumsUpdated.isEmpty();
  }
}
