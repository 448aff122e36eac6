package dev.retort.processor.plan;

import com.palantir.javapoet.ClassName;
import dev.retort.model.SchemaModel;
import dev.retort.operation.Operation;
import java.util.List;
import java.util.Objects;

/**
 * A new migration, decided but not yet written.
 *
 * @param id the revision id
 * @param parents the ids of the revisions it follows: the head, or none for the first
 * @param className the migration class
 * @param description the first sentence of its Javadoc
 * @param upgrade the operations from the head schema to the entities' schema
 * @param downgrade the operations back
 * @param snapshot the schema after the upgrade: the entities' schema, columns in declaration order,
 *     so that its text is what an unchanged build compares with
 * @param findings what a reviewer must check, in upgrade order
 */
public record MigrationPlan(
    String id,
    List<String> parents,
    ClassName className,
    String description,
    List<Operation> upgrade,
    List<Operation> downgrade,
    SchemaModel snapshot,
    List<Finding> findings) {

  /** Validates and copies the components. */
  public MigrationPlan {
    Objects.requireNonNull(id, "id == null");
    parents = List.copyOf(parents);
    Objects.requireNonNull(className, "className == null");
    Objects.requireNonNull(description, "description == null");
    upgrade = List.copyOf(upgrade);
    downgrade = List.copyOf(downgrade);
    Objects.requireNonNull(snapshot, "snapshot == null");
    findings = List.copyOf(findings);
    if (upgrade.isEmpty()) {
      throw new IllegalArgumentException("migration " + id + " changes nothing");
    }
  }
}
