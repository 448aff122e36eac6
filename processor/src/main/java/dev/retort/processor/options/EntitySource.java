package dev.retort.processor.options;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which annotations declare the entities the processor reads: Retort's own {@code @Table}, or
 * JPA's {@code @Entity}. One build reads one of them: a schema has one declaration, and a class
 * annotated both ways would have two that could disagree.
 */
public enum EntitySource {
  /** Classes and records annotated {@code @dev.retort.Table} (the default). */
  RETORT(List.of("dev.retort.Table")),
  /**
   * Classes annotated {@code @jakarta.persistence.Entity} or {@code @javax.persistence.Entity},
   * read by name: the processor does not depend on JPA.
   */
  JPA(List.of("jakarta.persistence.Entity", "javax.persistence.Entity"));

  private final List<String> annotations;

  EntitySource(List<String> annotations) {
    this.annotations = annotations;
  }

  /** The qualified names of the annotations that mark an entity. */
  public List<String> annotations() {
    return annotations;
  }

  /** The option value naming this source, such as {@code jpa}. */
  public String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads an option value.
   *
   * @param value {@code retort} or {@code jpa}, in any case
   * @return the source, or empty for any other value
   */
  public static Optional<EntitySource> fromOptionValue(String value) {
    for (EntitySource source : values()) {
      if (source.optionValue().equalsIgnoreCase(value.strip())) {
        return Optional.of(source);
      }
    }
    return Optional.empty();
  }
}
