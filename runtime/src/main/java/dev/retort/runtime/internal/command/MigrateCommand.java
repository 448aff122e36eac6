package dev.retort.runtime.internal.command;

import dev.retort.operation.Vendor;
import dev.retort.runtime.Baseline;
import dev.retort.runtime.Direction;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.MigrationRun;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.internal.Advice;
import dev.retort.runtime.internal.execution.AppliedSchema;
import dev.retort.runtime.internal.execution.MigrationExecutor;
import dev.retort.runtime.internal.execution.PlannedMigration;
import dev.retort.runtime.internal.execution.Planner;
import dev.retort.runtime.internal.execution.SingleTransaction;
import dev.retort.runtime.internal.execution.TableLocks;
import dev.retort.runtime.internal.graph.DescribeAhead;
import dev.retort.runtime.internal.graph.LoadedRevision;
import dev.retort.runtime.internal.graph.RevisionGraph;
import dev.retort.runtime.internal.graph.Target;
import dev.retort.runtime.internal.history.VersionTable;
import dev.retort.runtime.internal.history.VersionTable.RecordedChecksum;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code upgrade} and {@code downgrade}: take the lock, read the version table again (another
 * process may have migrated while this one waited), verify it, plan, and run.
 *
 * <p>A database that is already where the target says is recognised before the lock is taken,
 * so that the usual start of an application, with nothing to migrate, costs one query (except
 * on SQLite, where the exclusive transaction that is the lock costs no round trip anyway).
 *
 * <p>An upgrade that finds no version table, or one that records nothing, records the configured
 * baseline first if the database's tables match it (see {@link Adoption}), under the same lock.
 *
 * <p>Where taking the lock would create a table (H2's, the first time), the command looks without the lock
 * first, so that one refused before any change leaves no lock table behind; the look's plan serves the run under
 * the lock when the version table still records the same revisions.
 */
public final class MigrateCommand {

  private MigrateCommand() {}

  /**
   * Created with the class, before the first command connects: a start logs at least one line,
   * and SLF4J's initialisation then overlaps with the JDBC driver loading on its own thread.
   */
  private static final Logger LOG = LoggerFactory.getLogger(MigrateCommand.class);

  /**
   * Runs the command.
   *
   * @param context the settings
   * @param direction upgrade or downgrade
   * @param targetText the target as given
   * @return what ran
   */
  public static MigrationResult run(Context context, Direction direction, String targetText) {
    RevisionGraph graph = context.graph();
    Target target = Target.parse(targetText, graph, context.advice());
    try (Session session = Session.open(context)) {
      if (context.singleTransaction()) {
        SingleTransaction.requireTransactionalDdl(session.dialect());
      }
      // SQLite blocks readers while another connection migrates, so looking first would only wait twice.
      if (session.dialect().vendor() != Vendor.SQLITE) {
        Optional<MigrationResult> nothingToDo = nothingToDo(session, context, direction, target, targetText);
        if (nothingToDo.isPresent()) {
          return nothingToDo.get();
        }
      }
      // The look's plan serves the locked run while the version table records the same revisions.
      Map<Set<String>, List<PlannedMigration>> plans = new HashMap<>();
      return session.underLock(() -> migrate(session, context, direction, target, targetText, plans, true),
          () -> migrate(session, context, direction, target, targetText, plans, false).orElseThrow());
    }
  }

  /**
   * Reads, verifies, plans and runs, holding the lock; or only looks, without it.
   *
   * @param plans the plans made before, by the revisions recorded when they were made; the plan made here is added
   * @param look whether to stop before the first change: the result is then empty if the command would change
   *     something
   */
  private static Optional<MigrationResult> migrate(Session session, Context context, Direction direction,
      Target target, String targetText, Map<Set<String>, List<PlannedMigration>> plans, boolean look) {
    RevisionGraph graph = session.graph();
    Optional<DatabaseState> read = session.readState();
    Optional<Baseline> baseline = Optional.empty();
    Optional<String> created = Optional.empty();
    if (direction == Direction.UPGRADE && context.baselineOnUpgrade().isPresent()
        && read.map(DatabaseState::recordsNothing).orElse(true)) {
      boolean hasVersionTable = read.isPresent();
      baseline = Adoption.verify(session, context, context.baselineOnUpgrade().get(), hasVersionTable);
      if (baseline.isPresent()) {
        if (look) {
          return Optional.empty();
        }
        if (!hasVersionTable) {
          session.versionTable().create(session.connection());
          created = Optional.of(session.versionTable().displayName());
          logCreated(context, created.get());
        }
        Adoption.record(session, context, baseline.get(), hasVersionTable);
        read = session.readState();
      }
    }
    DatabaseState state = read.orElseGet(DatabaseState::empty);
    if (toleratedAhead(context, direction, state)) {
      return Optional.of(aheadResult(context, state, targetText));
    }
    state.verifyKnown(graph, session.versionTable(), session.advice());
    state.verifyChecksums(graph, session.advice());
    List<LoadedRevision> selected = select(direction, target, graph, state.applied(), session.advice());
    // Decided from the index alone; a trusted snapshot spares describing the applied revisions at all.
    AppliedSchema start = AppliedSchema.of(graph, state.applied(), context.classLoader());
    List<PlannedMigration> plan = plans.get(state.applied());
    // The look's describer goes on describing for the run under the lock that reuses its plan.
    Optional<Thread> describer = plan != null ? Optional.empty()
        : DescribeAhead.start(start.replayed(), selected, direction);
    if (plan == null) {
      try {
        plan = Planner.plan(selected, direction, start, session.dialect());
      } catch (RuntimeException e) {
        describer.ifPresent(Thread::interrupt);
        throw e;
      }
      plans.put(Set.copyOf(state.applied()), plan);
    }
    if (context.singleTransaction()) {
      SingleTransaction.requireInTransaction(plan, session.dialect(), session.advice());
    }
    boolean createsVersionTable = read.isEmpty() && direction == Direction.UPGRADE;
    if (look && (createsVersionTable || !plan.isEmpty())) {
      return Optional.empty();
    }
    // Only now, so that a plan refused before anything runs leaves no version table behind either;
    // meanwhile the describer goes on with the checksums the first migrations will record.
    if (createsVersionTable) {
      session.versionTable().create(session.connection());
      created = Optional.of(session.versionTable().displayName());
      logCreated(context, created.get());
    }
    Vendor vendor = session.dialect().vendor();
    Optional<TableLocks> tableLocks = context.tableLockTimeout()
        .map(timeout -> new TableLocks(vendor, timeout, context.tableLockRetries()));
    MigrationExecutor executor = new MigrationExecutor(session.connection(), vendor, session.versionTable(),
        MigrationExecutor.modeFor(vendor, session.dialect().transactionalDdl()), target, session.advice(),
        tableLocks, context.currentSchema());
    Set<String> applied = new LinkedHashSet<>(state.applied());
    List<MigrationRun> runs = new ArrayList<>();
    List<String> ran = new ArrayList<>();
    TableLocks.Restore restore = plan.isEmpty() || tableLocks.isEmpty()
        ? () -> {}
        : applyToSession(tableLocks.get(), session);
    try {
      if (!context.singleTransaction()) {
        for (PlannedMigration migration : plan) {
          MigrationRun run = executor.run(migration, () -> DatabaseState.current(graph, applied),
              () -> DatabaseState.current(graph, after(applied, migration)), Collections.unmodifiableList(ran));
          runs.add(recorded(context, vendor, run, applied));
          ran.add(run.revision());
        }
      } else if (!plan.isEmpty()) {
        // Reported once committed: until then none of them is recorded.
        for (MigrationRun run : executor.runTogether(plan, () -> DatabaseState.current(graph, applied))) {
          runs.add(recorded(context, vendor, run, applied));
        }
      }
    } finally {
      try {
        restore.restore();
      } catch (SQLException e) {
        LOG.warn("Could not set the session's lock timeout back to what it was; the connection keeps the table lock"
            + " timeout of the migrations", e);
      }
    }
    List<String> after = DatabaseState.current(graph, applied);
    if (runs.isEmpty()) {
      logNothingToDo(context, vendor, after, direction);
    }
    // A database adopted by its baseline was at base before the command: its state is read after the stamp.
    List<String> before = baseline.isPresent() ? List.of() : state.current(graph);
    return Optional.of(new MigrationResult(direction, targetText, before, after, runs, created, baseline));
  }

  /** Sets the session's table lock timeout for the migrations (H2, MariaDB, MySQL). */
  private static TableLocks.Restore applyToSession(TableLocks locks, Session session) {
    try {
      return locks.applyToSession(session.connection());
    } catch (SQLException e) {
      throw new RetortException(ErrorCode.DATABASE_ERROR, "Could not set the table lock timeout of "
          + locks.shown() + " on the migration connection: " + e.getMessage() + ". Nothing was migrated.", e);
    }
  }

  /**
   * Looks, without the lock, whether the database is already at the target. A failure to read
   * the version table, such as a table that does not exist yet, falls through to the locked
   * path, which looks again; an inconsistent state is reported at once.
   */
  private static Optional<MigrationResult> nothingToDo(
      Session session, Context context, Direction direction, Target target, String targetText) {
    RevisionGraph graph = session.graph();
    VersionTable table = session.versionTable();
    Set<String> applied = new HashSet<>();
    try {
      List<RecordedChecksum> recorded = table.readChecksums(session.connection());
      if (!DatabaseState.consistent(recorded, graph)) {
        DatabaseState seen = DatabaseState.of(table.read(session.connection()), graph);
        if (toleratedAhead(context, direction, seen)) {
          return Optional.of(aheadResult(context, seen, targetText));
        }
        seen.verifyKnown(graph, table, session.advice());
        seen.verifyChecksums(graph, session.advice());
        // Nothing wrong after all: the table changed between the two reads. Look again under the lock.
        return Optional.empty();
      }
      for (RecordedChecksum row : recorded) {
        applied.add(row.revision());
      }
    } catch (RetortException e) {
      if (e.code() != ErrorCode.DATABASE_ERROR) {
        throw e;
      }
      LOG.debug("Could not read the version table without the lock; looking again under the lock", e);
      return Optional.empty();
    }
    if (!select(direction, target, graph, applied, session.advice()).isEmpty()) {
      return Optional.empty();
    }
    List<String> current = DatabaseState.current(graph, applied);
    logNothingToDo(context, session.dialect().vendor(), current, direction);
    return Optional.of(new MigrationResult(direction, targetText, current, current, List.of(), Optional.empty(),
        Optional.empty()));
  }

  /**
   * Whether an upgrade leaves a database that a newer build migrated as it is, as
   * {@link Context#allowDatabaseAhead()} asks: it holds every revision of this build, and more.
   */
  private static boolean toleratedAhead(Context context, Direction direction, DatabaseState state) {
    return direction == Direction.UPGRADE && context.allowDatabaseAhead() && state.aheadOnly(context.graph());
  }

  /** The upgrade that runs nothing on a database ahead of this build, with the warning that says so. */
  private static MigrationResult aheadResult(Context context, DatabaseState state, String targetText) {
    List<String> current = state.current(context.graph());
    LOG.warn("The database is ahead of this code: it records every revision of this build and {} that it does not"
        + " know: {}. A newer version of the application migrated it; nothing to upgrade, and this version runs"
        + " on the newer schema because allowDatabaseAhead is set", state.unknown().size() == 1
            ? "1 more" : state.unknown().size() + " more", state.describeUnknown());
    return new MigrationResult(Direction.UPGRADE, targetText, current, current, List.of(), Optional.empty(),
        Optional.empty());
  }

  /** Reports a migration that has been recorded, and counts it in the applied revisions. */
  private static MigrationRun recorded(Context context, Vendor vendor, MigrationRun run, Set<String> applied) {
    report(context, vendor, run);
    if (run.direction() == Direction.UPGRADE) {
      applied.add(run.revision());
    } else {
      applied.remove(run.revision());
    }
    return run;
  }

  /** The applied revisions once a migration has run. */
  private static Set<String> after(Set<String> applied, PlannedMigration migration) {
    Set<String> after = new HashSet<>(applied);
    if (migration.direction() == Direction.UPGRADE) {
      after.add(migration.revision().id());
    } else {
      after.remove(migration.revision().id());
    }
    return after;
  }

  /**
   * Tells the progress listener of a migration that ran, or logs it without one: a tool that
   * shows the progress itself would otherwise print each migration twice.
   */
  private static void report(Context context, Vendor vendor, MigrationRun run) {
    String line = MigrationLog.ran(run, context.currentSchema(), vendor);
    Optional<Consumer<MigrationRun>> progress = context.progress();
    if (progress.isEmpty()) {
      LOG.info(line);
      return;
    }
    LOG.debug(line);
    progress.get().accept(run);
  }

  /** Logs the version table just created, at DEBUG when a progress listener's tool prints it from the result. */
  private static void logCreated(Context context, String versionTable) {
    if (context.progress().isEmpty()) {
      LOG.info("Created the version table {}", versionTable);
    } else {
      LOG.debug("Created the version table {}", versionTable);
    }
  }

  private static void logNothingToDo(Context context, Vendor vendor, List<String> current, Direction direction) {
    String line = MigrationLog.nothingToDo(current, direction, context.currentSchema(), vendor);
    if (context.progress().isEmpty()) {
      LOG.info(line);
    } else {
      LOG.debug(line);
    }
  }

  private static List<LoadedRevision> select(
      Direction direction, Target target, RevisionGraph graph, Set<String> applied, Advice advice) {
    return direction == Direction.UPGRADE
        ? Planner.upgrades(target, graph, applied, advice)
        : Planner.downgrades(target, graph, applied, advice);
  }
}
