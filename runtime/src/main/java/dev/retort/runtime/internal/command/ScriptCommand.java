package dev.retort.runtime.internal.command;

import dev.retort.operation.Vendor;
import dev.retort.runtime.Direction;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.SqlScript;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Step;
import dev.retort.runtime.internal.Advice;
import dev.retort.runtime.internal.connect.CurrentSchema;
import dev.retort.runtime.internal.execution.AppliedSchema;
import dev.retort.runtime.internal.execution.PlannedMigration;
import dev.retort.runtime.internal.execution.PlannedStep;
import dev.retort.runtime.internal.execution.Planner;
import dev.retort.runtime.internal.execution.SingleTransaction;
import dev.retort.runtime.internal.graph.LoadedRevision;
import dev.retort.runtime.internal.graph.RevisionGraph;
import dev.retort.runtime.internal.graph.Target;
import dev.retort.runtime.internal.history.VersionTable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code sql}: the offline script from one revision to another, for a database administrator
 * to review and run. Nothing connects to a database; the statements are those the runtime
 * would run, plus the version table's, with values written as literals. Where DDL is
 * transactional (PostgreSQL, SQLite) each migration is wrapped in {@code BEGIN}/{@code COMMIT},
 * its version-table row included; with {@link Context#singleTransaction()} the whole script is one transaction
 * instead, from before its guard to after its last migration.
 *
 * <p>Each step is written in its {@linkplain Step#offline() offline form}, which the dialect
 * decides: a statement is itself, a dialect's own Java check is the SQL that does the same
 * (SQLite's table rebuild), and a data step written in Java has none, which stops the script
 * with {@link ErrorCode#OFFLINE_UNSUPPORTED}. What the dialect does to the connection around
 * the migrations is the script's {@linkplain Dialect#scriptOpening() opening} and
 * {@linkplain Dialect#scriptClosing() closing}.
 *
 * <p>A script from a revision other than base starts with a {@linkplain VersionTable#guardStatements
 * guard} that stops it before any change unless the version table records exactly that revision
 * and its ancestors: run on a database at another revision, the script would change it in ways
 * nobody reviewed, and on MariaDB, MySQL and H2 leave that DDL applied when it fails later.
 *
 * <p>The schema at the start revision is found as for {@code upgrade}: its snapshot when every
 * revision up to it is unchanged since it was generated ({@link AppliedSchema}), else the replay.
 */
public final class ScriptCommand {

  private ScriptCommand() {}

  /**
   * Writes the script.
   *
   * @param context the settings
   * @param fromText the revision the database is at: {@code base}, {@code head}, an id or a prefix
   * @param toText the target: {@code head}, {@code base}, an id, a prefix, or {@code +N}/{@code -N}
   *     from {@code fromText}
   * @param vendor the database to write for
   * @return the script
   */
  public static SqlScript run(Context context, String fromText, String toText, Vendor vendor) {
    RevisionGraph graph = context.graph();
    Advice advice = context.advice();
    Set<String> from = revisionsAt(Target.parse(fromText, graph, advice), graph);
    Target to = Target.parse(toText, graph, advice);
    Direction direction = direction(to, from);
    List<LoadedRevision> revisions = direction == Direction.UPGRADE
        ? Planner.upgrades(to, graph, from, advice) : Planner.downgrades(to, graph, from, advice);
    Dialect dialect = context.dialect(vendor);
    boolean single = context.singleTransaction();
    if (single) {
      SingleTransaction.requireTransactionalDdl(dialect);
    }
    List<PlannedMigration> plan =
        Planner.plan(revisions, direction, AppliedSchema.of(graph, from, context.classLoader()), dialect);
    if (single) {
      SingleTransaction.requireInTransaction(plan, dialect, advice);
    }
    VersionTable table = new VersionTable(context.schema(), context.versionTable(), dialect);
    Optional<SqlScript.Block> enter = enterSchema(context, dialect);
    List<SqlScript.Block> blocks = new ArrayList<>();
    if (!plan.isEmpty()) {
      dialect.scriptOpening(single)
          .ifPresent(part -> blocks.add(new SqlScript.Block(part.comment(), part.statements())));
      enter.ifPresent(blocks::add);
    }
    if (single && !plan.isEmpty()) {
      blocks.add(new SqlScript.Block("One transaction for the whole script: every migration below and its version"
          + " table row take effect together, or none does", List.of("BEGIN")));
    }
    List<String> fromCurrent = DatabaseState.current(graph, from);
    if (!from.isEmpty() && !plan.isEmpty()) {
      blocks.add(guard(table, from, fromCurrent, advice));
    }
    if (from.isEmpty() && direction == Direction.UPGRADE && !plan.isEmpty()) {
      blocks.add(new SqlScript.Block("Create the version table " + table.displayName() + " unless a downgrade to base"
          + " left it", table.createIfMissingStatements()));
    }
    Set<String> state = new LinkedHashSet<>(from);
    for (PlannedMigration migration : plan) {
      blocks.add(block(migration, dialect.transactionalDdl() && !single, table, advice));
      if (direction == Direction.UPGRADE) {
        state.add(migration.revision().id());
      } else {
        state.remove(migration.revision().id());
      }
    }
    if (single && !plan.isEmpty()) {
      blocks.add(new SqlScript.Block("Commit the script's transaction", List.of("COMMIT")));
    }
    if (!plan.isEmpty()) {
      dialect.scriptClosing().ifPresent(part -> blocks.add(new SqlScript.Block(part.comment(), part.statements())));
    }
    List<String> toCurrent = DatabaseState.current(graph, state);
    return new SqlScript(vendor, fromCurrent.isEmpty() ? "base" : String.join(", ", fromCurrent),
        toCurrent.isEmpty() ? "base" : String.join(", ", toCurrent), blocks);
  }

  static Set<String> revisionsAt(Target from, RevisionGraph graph) {
    if (from instanceof Target.Base) {
      return Set.of();
    }
    if (from instanceof Target.Head) {
      return graph.ancestorsOrSelf(graph.head().id());
    }
    if (from instanceof Target.Exact exact) {
      return graph.ancestorsOrSelf(exact.revision());
    }
    throw new RetortException(ErrorCode.INVALID_TARGET,
        "The start of an offline script must be base, head, a revision id or a unique prefix, not " + from
            + ": there is no database to count from.");
  }

  /** The statement that makes the {@linkplain Context#currentSchema current schema} the script's, if one is set. */
  static Optional<SqlScript.Block> enterSchema(Context context, Dialect dialect) {
    return context.currentSchema().map(schema -> new SqlScript.Block("Work in " + schema,
        List.of(CurrentSchema.statement(dialect, schema))));
  }

  /**
   * The block that stops the script before it changes anything unless the version table records
   * exactly the revisions at its start: shared with the {@linkplain StampScriptCommand stamp
   * script} that starts from recorded revisions.
   */
  static SqlScript.Block guard(VersionTable table, Set<String> from, List<String> fromCurrent, Advice advice) {
    String at = String.join(", ", fromCurrent);
    return new SqlScript.Block("Stop here, before any change, unless the version table " + table.displayName()
        + " records exactly " + at + (from.size() > 1 ? " and its ancestors" : "") + ", where this script starts: on a"
        + " database at another revision it would make changes nobody reviewed. If it stops, write the script from"
        + " the revision the database is at, which " + advice.current() + " shows",
        table.guardStatements(from, at, advice.current()));
  }

  private static Direction direction(Target to, Set<String> from) {
    if (to instanceof Target.Base) {
      return Direction.DOWNGRADE;
    }
    if (to instanceof Target.Relative relative) {
      return relative.steps() > 0 ? Direction.UPGRADE : Direction.DOWNGRADE;
    }
    if (to instanceof Target.Exact exact) {
      return from.contains(exact.revision()) ? Direction.DOWNGRADE : Direction.UPGRADE;
    }
    return Direction.UPGRADE;
  }

  /**
   * A migration's statements and its version table row, in a transaction of its own when {@code transactional}
   * (where DDL is transactional and the script is not one transaction as a whole).
   */
  private static SqlScript.Block block(
      PlannedMigration migration, boolean transactional, VersionTable table, Advice advice) {
    LoadedRevision revision = migration.revision();
    List<String> statements = new ArrayList<>();
    boolean open = false;
    for (PlannedStep planned : migration.steps()) {
      List<Step.Sql> offline = planned.step().offline().orElseThrow(() -> javaOnly(migration, planned, advice));
      for (Step.Sql sql : offline) {
        if (transactional && sql.outsideTransaction() && open) {
          statements.add("COMMIT");
          open = false;
        } else if (transactional && !sql.outsideTransaction() && !open) {
          statements.add("BEGIN");
          open = true;
        }
        statements.add(sql.sql());
      }
    }
    if (transactional && !open) {
      statements.add("BEGIN");
      open = true;
    }
    statements.add(migration.direction() == Direction.UPGRADE
        ? table.insertLiteral(revision.id(), revision.description(), revision.checksum(), revision.sourceChecksum())
        : table.deleteLiteral(revision.id()));
    if (open) {
      statements.add("COMMIT");
    }
    String comment = (migration.direction() == Direction.UPGRADE ? "Upgrade to " : "Downgrade from ")
        + revision.id() + ": " + revision.description().replaceAll("\\s+", " ") + " (" + revision.migrationClass()
        + ")";
    return new SqlScript.Block(comment, statements);
  }

  private static RetortException javaOnly(PlannedMigration migration, PlannedStep planned, Advice advice) {
    LoadedRevision revision = migration.revision();
    String workaround = migration.direction() == Direction.UPGRADE
        ? "Write the script up to the revision before it, let Retort upgrade to revision " + revision.id()
            + " itself with " + advice.upgrade(revision.id()) + ", then write the script from there"
        : "Write the script down to revision " + revision.id() + ", let Retort downgrade revision " + revision.id()
            + " itself with " + advice.downgrade("-1") + ", then write the script from where that leaves the"
            + " database";
    return new RetortException(ErrorCode.OFFLINE_UNSUPPORTED,
        "Revision " + revision.label() + " cannot be written as an offline script: its "
            + migration.direction().name().toLowerCase(Locale.ROOT) + " runs the " + planned.display()
            + ", which is Java code with no SQL form. " + workaround + "; or, if the step must run offline, write"
            + " it in SQL with schema.execute.");
  }
}
