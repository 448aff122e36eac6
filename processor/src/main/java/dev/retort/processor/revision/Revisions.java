package dev.retort.processor.revision;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.lang.model.element.TypeElement;

/**
 * The revision history of a compilation with the classes declaring it, so that later phases
 * can report on them.
 *
 * @param graph the valid history
 * @param elements revision id → its {@code @Revision} class, for every revision of the graph
 */
public record Revisions(RevisionGraph graph, Map<String, TypeElement> elements) {

  /** Validates and copies the components. */
  public Revisions {
    Objects.requireNonNull(graph, "graph == null");
    elements = Collections.unmodifiableMap(new TreeMap<>(elements));
    if (!elements.keySet().equals(graph.ids())) {
      throw new IllegalArgumentException("elements " + elements.keySet() + " do not match the revisions " + graph.ids());
    }
  }

  /** The {@code @Revision} class of the head, if there is a revision. */
  public Optional<TypeElement> headElement() {
    return graph.head().map(head -> elements.get(head.id()));
  }
}
