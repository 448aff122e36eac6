package dev.retort.runtime;

import java.util.List;
import java.util.Objects;

/**
 * Where the database stands: what {@link Retort#current()} returns.
 *
 * @param revisions the current revisions: those applied whose children are not (one, unless
 *     a branch is half applied); empty at base
 * @param head the head revision of this build's history
 * @param pending the revisions not yet applied, in the order {@code upgrade} would apply them
 * @param applied the version table's rows, in revision order
 */
public record Current(List<String> revisions, String head, List<String> pending, List<AppliedRevision> applied) {

  /** Validates and copies the components. */
  public Current {
    revisions = List.copyOf(revisions);
    Objects.requireNonNull(head, "head == null");
    pending = List.copyOf(pending);
    applied = List.copyOf(applied);
  }

  /** Whether every revision is applied. */
  public boolean atHead() {
    return pending.isEmpty();
  }

  /** Whether no revision is applied. */
  public boolean atBase() {
    return applied.isEmpty();
  }
}
