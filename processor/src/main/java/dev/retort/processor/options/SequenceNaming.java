package dev.retort.processor.options;

import java.util.Locale;
import java.util.Optional;

/**
 * How Hibernate names the sequence of a JPA key generated without a {@code @SequenceGenerator}
 * that names one: Hibernate's {@code hibernate.id.db_structure_naming_strategy} (Spring Boot's
 * {@code spring.jpa.properties.hibernate.id.db_structure_naming_strategy}), which Retort cannot read
 * from the application's configuration at compile time and takes from the option {@value
 * ProcessorOptions#JPA_SEQUENCE_NAMING} instead.
 */
public enum SequenceNaming {
  /**
   * Hibernate 6 and 7's default ({@code StandardNamingStrategy}): a sequence per entity, {@code
   * <table>_SEQ}, with an increment of 50.
   */
  STANDARD,
  /**
   * Hibernate 5's names ({@code LegacyNamingStrategy}): one {@code hibernate_sequence} for every
   * entity, with an increment of 1.
   */
  LEGACY,
  /**
   * One sequence for all ({@code SingleNamingStrategy}): {@code hibernate_sequence}, with an
   * increment of 1.
   */
  SINGLE;

  /** The sequence Hibernate shares among the entities with {@link #LEGACY} and {@link #SINGLE}. */
  public static final String SHARED_SEQUENCE = "hibernate_sequence";

  /** The option value naming this strategy, as Hibernate's setting names it, such as {@code legacy}. */
  public String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The sequence of a key without a generator that names one.
   *
   * @param table the entity's physical table name
   * @return {@code <table>_seq}, or {@value #SHARED_SEQUENCE}
   */
  public String implicitSequence(String table) {
    return this == STANDARD ? table + "_seq" : SHARED_SEQUENCE;
  }

  /**
   * The increment Hibernate gives a sequence that no {@code @SequenceGenerator} declares: JPA's
   * allocation size of 50, or with the legacy and single strategies Hibernate 5's 1.
   */
  public int implicitIncrement() {
    return this == STANDARD ? 50 : 1;
  }

  /**
   * Reads an option value.
   *
   * @param value {@code standard}, {@code legacy} or {@code single}, in any case
   * @return the strategy, or empty for any other value
   */
  public static Optional<SequenceNaming> fromOptionValue(String value) {
    for (SequenceNaming naming : values()) {
      if (naming.optionValue().equalsIgnoreCase(value.strip())) {
        return Optional.of(naming);
      }
    }
    return Optional.empty();
  }
}
