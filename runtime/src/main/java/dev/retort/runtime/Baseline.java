package dev.retort.runtime;

import java.util.List;
import java.util.Objects;

/**
 * The baseline that {@link Retort#upgrade} recorded before migrating, as
 * {@link Retort.Builder#baselineOnUpgrade(String) baselineOnUpgrade} asks: the database had
 * tables but no version table, and its tables matched the revision's schema.
 *
 * @param target the baseline as configured, such as a revision id or {@code head}
 * @param revisions the revisions it stands for: the current revisions of what was recorded
 * @param recorded every revision recorded as applied, the baseline's ancestors with it, in
 *     revision order
 * @param tables the tables found, which matched; sorted
 * @param otherToolsTables the history tables of other migration tools that were found, neither
 *     counted nor compared (Flyway's {@code flyway_schema_history}, Liquibase's
 *     {@code databasechangelog} and {@code databasechangeloglock}); sorted
 */
public record Baseline(
    String target, List<String> revisions, List<String> recorded, List<String> tables, List<String> otherToolsTables) {

  /** Validates and copies the components. */
  public Baseline {
    Objects.requireNonNull(target, "target == null");
    revisions = List.copyOf(revisions);
    recorded = List.copyOf(recorded);
    tables = List.copyOf(tables);
    otherToolsTables = List.copyOf(otherToolsTables);
  }
}
