package dev.retort.processor.plan;

import com.palantir.javapoet.ClassName;
import dev.retort.model.RenameHints;
import dev.retort.model.SchemaDiff;
import dev.retort.model.SchemaModel;
import dev.retort.operation.Operation;
import dev.retort.processor.layout.ProjectLayout;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides the next migration: the difference between the head schema and the entities'
 * schema, in both directions, with an id, a class name and the lint findings.
 */
public final class Planner {

  private Planner() {}

  /**
   * The operations that take the head schema to the entities' schema.
   *
   * @param head the schema as of the head revision
   * @param model the schema the entities declare
   * @param hints the renames the entities declare, checked against the head
   * @return the operations; empty when nothing changed
   */
  public static List<Operation> upgrade(SchemaModel head, SchemaModel model, RenameHints hints) {
    return SchemaDiff.diff(head, model, hints);
  }

  /**
   * Plans the migration for a non-empty upgrade.
   *
   * @param head the schema as of the head revision
   * @param model the schema the entities declare
   * @param hints the renames used for {@code upgrade}
   * @param upgrade the result of {@link #upgrade} for these schemas; not empty
   * @param headId the head revision's id, if there is a revision
   * @param existingIds the ids of every existing revision
   * @param layout where the migration and its snapshot will be written
   * @param now the current time, for the id
   * @return the plan
   * @throws IllegalStateException if the differ's operations do not turn {@code head} into
   *     {@code model} and back: a bug, reported rather than written
   */
  public static MigrationPlan plan(
      SchemaModel head,
      SchemaModel model,
      RenameHints hints,
      List<Operation> upgrade,
      Optional<String> headId,
      Set<String> existingIds,
      ProjectLayout layout,
      Instant now) {
    Objects.requireNonNull(layout, "layout == null");
    SchemaModel after = head.applyAll(upgrade);
    if (!after.equals(model)) {
      throw new IllegalStateException(
          "the differ's operations " + upgrade + " do not turn the head schema into the entities' schema");
    }
    List<Operation> downgrade = SchemaDiff.diff(model, head, hints.inverse());
    if (!model.applyAll(downgrade).equals(head)) {
      throw new IllegalStateException(
          "the differ's operations " + downgrade + " do not turn the entities' schema back into the head schema");
    }
    String id = RevisionIds.next(now, existingIds, candidate -> {
      ClassName type = layout.migrationClass(MigrationNames.className(candidate, upgrade));
      return Files.exists(layout.sourceFile(type)) || Files.exists(layout.snapshotFile(type));
    });
    ClassName className = layout.migrationClass(MigrationNames.className(id, upgrade));
    return new MigrationPlan(
        id,
        headId.map(List::of).orElse(List.of()),
        className,
        MigrationNames.description(upgrade),
        upgrade,
        downgrade,
        model,
        Lint.check(upgrade));
  }
}
