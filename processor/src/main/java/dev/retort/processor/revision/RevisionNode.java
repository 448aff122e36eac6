package dev.retort.processor.revision;

import com.palantir.javapoet.ClassName;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * One revision of the history, as its {@code @Revision} class declares it.
 *
 * @param id the revision id
 * @param parents the ids of the revisions it follows, distinct; none for a first revision
 * @param className the migration class
 * @param description what the revision does: the first sentence of the class's Javadoc, or
 *     the class's simple name when it has none
 */
public record RevisionNode(String id, List<String> parents, ClassName className, String description) {

  /** Validates and copies the components. */
  public RevisionNode {
    Objects.requireNonNull(id, "id == null");
    if (id.isBlank()) {
      throw new IllegalArgumentException("revision id is blank");
    }
    parents = List.copyOf(parents);
    if (new HashSet<>(parents).size() != parents.size()) {
      throw new IllegalArgumentException("revision " + id + " repeats a parent: " + parents);
    }
    Objects.requireNonNull(className, "className == null");
    Objects.requireNonNull(description, "description == null");
  }

  /** Whether this revision merges several branches. */
  public boolean isMerge() {
    return parents.size() > 1;
  }

  /** The class and id, as messages name a revision: {@code V20261121_153000_AddUsersPhone ("20261121_153000")}. */
  public String label() {
    return className.simpleName() + " (\"" + id + "\")";
  }
}
