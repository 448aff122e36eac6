package dev.retort.runtime;

import java.util.List;
import java.util.Objects;

/**
 * How the live database compares with the schema its applied revisions should have produced:
 * what {@link Retort#check()} returns.
 *
 * @param revisions the current revisions of the database; empty at base
 * @param baseline what the database was compared with: the snapshot resource of the current
 *     revision, or {@code migrations} when the schema was computed from the migrations'
 *     operations because no snapshot was available
 * @param differences every difference, one line each, such as
 *     {@code users.phone is varchar(30) in the database, varchar(20) in the model}; empty when the
 *     database matches
 * @param notes what matches the model but still asks for a migration, one line each: a foreign key
 *     or check constraint that PostgreSQL holds {@code NOT VALID}, having not checked the rows that
 *     were there when it was added, with the {@code validateConstraint} that checks them. Notes do
 *     not make the database differ: a constraint added not valid stays so, as meant, until the
 *     migration that validates it runs
 */
public record CheckResult(List<String> revisions, String baseline, List<String> differences, List<String> notes) {

  /** Validates and copies the components. */
  public CheckResult {
    revisions = List.copyOf(revisions);
    Objects.requireNonNull(baseline, "baseline == null");
    differences = List.copyOf(differences);
    notes = List.copyOf(notes);
  }

  /**
   * A result without notes.
   *
   * @param revisions the current revisions of the database; empty at base
   * @param baseline what the database was compared with
   * @param differences every difference, one line each
   */
  public CheckResult(List<String> revisions, String baseline, List<String> differences) {
    this(revisions, baseline, differences, List.of());
  }

  /** Whether the live database matches the expected schema. */
  public boolean matches() {
    return differences.isEmpty();
  }
}
