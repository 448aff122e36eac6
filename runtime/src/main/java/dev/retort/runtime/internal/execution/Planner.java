package dev.retort.runtime.internal.execution;

import dev.retort.model.SchemaEvolution;
import dev.retort.model.SchemaException;
import dev.retort.model.SchemaModel;
import dev.retort.operation.Operation;
import dev.retort.runtime.Direction;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Step;
import dev.retort.runtime.internal.Advice;
import dev.retort.runtime.internal.VendorNames;
import dev.retort.runtime.internal.graph.LoadedRevision;
import dev.retort.runtime.internal.graph.RevisionGraph;
import dev.retort.runtime.internal.graph.Target;
import dev.retort.snapshot.SnapshotFormatException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides which revisions a command runs and renders them. Every statement of the whole plan
 * is rendered before the first one runs, so an irreversible downgrade, an operation that does
 * not fit the schema, or one the database cannot do fails the command with nothing run.
 *
 * <p>Each operation is rendered on its own first, so that one that does not fit or that the
 * database cannot do is named in the refusal; consecutive operations that the dialect does by
 * rebuilding one table then become one rebuild ({@link MergedRebuilds}).
 *
 * <p>The schema each operation is rendered against comes from applying the operations of the
 * revisions before it to the schema the applied revisions build ({@link AppliedSchema}: their
 * replay, or the snapshot that provably equals it), never from reading the database.
 */
public final class Planner {

  private Planner() {}

  /**
   * The revisions an upgrade to a target applies, in revision order.
   *
   * @param target where to go
   * @param graph the history
   * @param applied the applied revision ids
   * @param advice writes the command a refusal advises
   * @return the revisions to apply; empty if the target is already applied
   * @throws RetortException {@link ErrorCode#INVALID_TARGET} for {@code base} and {@code -N},
   *     {@link ErrorCode#TARGET_OUT_OF_RANGE} for {@code +N} beyond head
   */
  public static List<LoadedRevision> upgrades(
      Target target, RevisionGraph graph, Set<String> applied, Advice advice) {
    List<LoadedRevision> pending = new ArrayList<>();
    for (LoadedRevision revision : graph.revisions()) {
      if (!applied.contains(revision.id())) {
        pending.add(revision);
      }
    }
    if (target instanceof Target.Head) {
      return pending;
    }
    if (target instanceof Target.Base) {
      throw new RetortException(ErrorCode.INVALID_TARGET,
          "Cannot upgrade to base: base is before every revision. Use " + advice.downgrade("base")
              + " to undo them all.");
    }
    if (target instanceof Target.Relative relative) {
      if (relative.steps() < 0) {
        throw new RetortException(ErrorCode.INVALID_TARGET,
            "Cannot upgrade by " + relative + ": upgrade moves forward. Use " + advice.downgrade(relative.toString())
                + ".");
      }
      if (relative.steps() > pending.size()) {
        throw new RetortException(ErrorCode.TARGET_OUT_OF_RANGE,
            "Cannot upgrade by " + relative + ": only " + pending.size() + " revision"
                + (pending.size() == 1 ? " is" : "s are") + " pending"
                + (pending.isEmpty() ? " (the database is at head)" : ": " + ids(pending))
                + ". Use " + advice.upgrade("head") + " to apply all of them.");
      }
      return pending.subList(0, relative.steps());
    }
    Set<String> wanted = graph.ancestorsOrSelf(((Target.Exact) target).revision());
    return pending.stream().filter(r -> wanted.contains(r.id())).toList();
  }

  /**
   * The revisions a downgrade to a target undoes, newest first.
   *
   * @param target where to go
   * @param graph the history
   * @param applied the applied revision ids
   * @param advice writes the command a refusal advises
   * @return the revisions to undo; empty if the database is already there
   * @throws RetortException {@link ErrorCode#INVALID_TARGET} for {@code head}, {@code +N} and a
   *     revision not applied, {@link ErrorCode#TARGET_OUT_OF_RANGE} for {@code -N} past base
   */
  public static List<LoadedRevision> downgrades(
      Target target, RevisionGraph graph, Set<String> applied, Advice advice) {
    List<LoadedRevision> undo = new ArrayList<>(
        graph.revisions().stream().filter(r -> applied.contains(r.id())).toList());
    Collections.reverse(undo);
    if (target instanceof Target.Base) {
      return undo;
    }
    if (target instanceof Target.Head) {
      throw new RetortException(ErrorCode.INVALID_TARGET,
          "Cannot downgrade to head: head is the newest revision. Use " + advice.upgrade("head") + ".");
    }
    if (target instanceof Target.Relative relative) {
      if (relative.steps() > 0) {
        throw new RetortException(ErrorCode.INVALID_TARGET,
            "Cannot downgrade by " + relative + ": downgrade moves back. Use " + advice.upgrade(relative.toString())
                + ", or " + advice.downgrade("-" + relative.steps()) + " to undo revisions.");
      }
      int steps = -relative.steps();
      if (steps > undo.size()) {
        throw new RetortException(ErrorCode.TARGET_OUT_OF_RANGE,
            "Cannot downgrade by " + relative + ": that goes past base, because only " + undo.size() + " revision"
                + (undo.size() == 1 ? " is" : "s are") + " applied"
                + (undo.isEmpty() ? "" : " (" + ids(undo) + ")")
                + ". Use " + advice.downgrade("base") + " to undo all of them.");
      }
      return undo.subList(0, steps);
    }
    String revision = ((Target.Exact) target).revision();
    if (!applied.contains(revision)) {
      throw new RetortException(ErrorCode.INVALID_TARGET,
          "Cannot downgrade to " + revision + ": it is not applied to this database, so it is not behind the"
              + " current state. Use " + advice.upgrade(revision) + " to go forward to it.");
    }
    Set<String> keep = graph.ancestorsOrSelf(revision);
    return undo.stream().filter(r -> !keep.contains(r.id())).toList();
  }

  /**
   * Renders the revisions to run.
   *
   * @param revisions the revisions, in the order they run
   * @param direction upgrade or downgrade
   * @param applied the schema of the applied revisions before the command
   * @param dialect the database's dialect
   * @return the plan
   * @throws RetortException {@link ErrorCode#IRREVERSIBLE_MIGRATION},
   *     {@link ErrorCode#INVALID_MIGRATION} or {@link ErrorCode#UNSUPPORTED_OPERATION}, before
   *     anything runs
   */
  public static List<PlannedMigration> plan(
      List<LoadedRevision> revisions, Direction direction, AppliedSchema applied, Dialect dialect) {
    if (revisions.isEmpty()) {
      return List.of();
    }
    if (direction == Direction.DOWNGRADE) {
      revisions.forEach(LoadedRevision::requireDowngrade);
    }
    try {
      return plan(revisions, direction, applied.model(), dialect);
    } catch (SnapshotFormatException e) {
      // A table the plan looked at cannot be read from the lazily read snapshot; nothing has run.
      return plan(revisions, direction, applied.replay(e), dialect);
    }
  }

  private static List<PlannedMigration> plan(
      List<LoadedRevision> revisions, Direction direction, SchemaModel start, Dialect dialect) {
    SchemaEvolution schema = new SchemaEvolution(start);
    List<PlannedMigration> plan = new ArrayList<>(revisions.size());
    for (LoadedRevision revision : revisions) {
      List<Operation> operations = direction == Direction.UPGRADE
          ? revision.upgradeOperations() : revision.requireDowngrade();
      MergedRebuilds steps = new MergedRebuilds(dialect);
      for (Operation operation : operations) {
        SchemaModel before = schema.current();
        SchemaModel after = apply(schema, operation, revision, direction);
        steps.add(operation, before, after, render(dialect, operation, before, after, revision, direction));
      }
      plan.add(new PlannedMigration(revision, direction, steps.steps()));
    }
    return plan;
  }

  /**
   * The schema that the applied revisions produce, by replaying their upgrades.
   *
   * @param graph the history
   * @param applied the applied revision ids
   * @return the schema model
   */
  public static SchemaModel modelOf(RevisionGraph graph, Set<String> applied) {
    SchemaEvolution schema = new SchemaEvolution(SchemaModel.empty());
    for (LoadedRevision revision : applied(graph, applied)) {
      for (Operation operation : revision.upgradeOperations()) {
        apply(schema, operation, revision, Direction.UPGRADE);
      }
    }
    return schema.current();
  }

  /**
   * The applied revisions in the order {@link #modelOf} applies their upgrades.
   *
   * @param graph the history
   * @param applied the applied revision ids
   * @return the revisions, in the history's order
   */
  public static List<LoadedRevision> applied(RevisionGraph graph, Set<String> applied) {
    List<LoadedRevision> revisions = new ArrayList<>(applied.size());
    for (LoadedRevision revision : graph.revisions()) {
      if (applied.contains(revision.id())) {
        revisions.add(revision);
      }
    }
    return revisions;
  }

  private static List<Step> render(
      Dialect dialect, Operation operation, SchemaModel before, SchemaModel after, LoadedRevision revision,
      Direction direction) {
    try {
      return dialect.render(operation, before, after);
    } catch (UnsupportedOperationException e) {
      // A dialect's reason is a sentence, with or without its full stop.
      String reason = String.valueOf(e.getMessage()).strip();
      throw new RetortException(ErrorCode.UNSUPPORTED_OPERATION,
          "Revision " + revision.label() + " cannot run on " + VendorNames.of(dialect.vendor()) + ": its "
              + direction.name().toLowerCase(Locale.ROOT) + " does '" + operation.summary() + "', and "
              + reason + (reason.endsWith(".") ? "" : ".") + " Nothing was run.", e);
    }
  }

  private static SchemaModel apply(
      SchemaEvolution schema, Operation operation, LoadedRevision revision, Direction direction) {
    try {
      return schema.apply(operation);
    } catch (SchemaException | IllegalArgumentException e) {
      throw new RetortException(ErrorCode.INVALID_MIGRATION,
          "The " + direction.name().toLowerCase(Locale.ROOT) + " of revision " + revision.label()
              + " does '" + operation.summary() + "', which does not fit the schema the revisions before it build: "
              + e.getMessage() + ". Fix the migration; nothing was run.", e);
    }
  }

  private static String ids(List<LoadedRevision> revisions) {
    return String.join(", ", revisions.stream().map(LoadedRevision::id).toList());
  }
}
