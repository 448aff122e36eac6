package dev.retort.processor.revision;

import java.util.List;
import java.util.Objects;

/** Something that makes a set of revisions unusable as a history. */
public sealed interface GraphProblem {

  /**
   * Several revisions share an id.
   *
   * @param id the id
   * @param revisions the revisions using it, two or more
   */
  record DuplicateId(String id, List<RevisionNode> revisions) implements GraphProblem {
    /** Validates and copies the components. */
    public DuplicateId {
      Objects.requireNonNull(id, "id == null");
      revisions = List.copyOf(revisions);
    }
  }

  /**
   * A revision follows an id no revision has.
   *
   * @param revision the revision
   * @param parent the unknown parent id
   */
  record MissingParent(RevisionNode revision, String parent) implements GraphProblem {
    /** Validates the components. */
    public MissingParent {
      Objects.requireNonNull(revision, "revision == null");
      Objects.requireNonNull(parent, "parent == null");
    }
  }

  /**
   * Revisions follow each other in a circle.
   *
   * @param revisions the revisions of the cycle, each followed by its parent, the last
   *     followed by the first
   */
  record Cycle(List<RevisionNode> revisions) implements GraphProblem {
    /** Validates and copies the components. */
    public Cycle {
      revisions = List.copyOf(revisions);
      if (revisions.isEmpty()) {
        throw new IllegalArgumentException("a cycle has at least one revision");
      }
    }
  }

  /**
   * The graph has several heads (revisions no revision follows).
   *
   * @param heads the heads, sorted by id
   */
  record MultipleHeads(List<RevisionNode> heads) implements GraphProblem {
    /** Validates and copies the components. */
    public MultipleHeads {
      heads = List.copyOf(heads);
      if (heads.size() < 2) {
        throw new IllegalArgumentException("multiple heads needs two or more heads");
      }
    }
  }
}
