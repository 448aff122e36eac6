package dev.retort.runtime.internal.command;

import dev.retort.operation.Vendor;
import dev.retort.runtime.AppliedRevision;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.StampResult;
import dev.retort.runtime.internal.Advice;
import dev.retort.runtime.internal.execution.Planner;
import dev.retort.runtime.internal.graph.LoadedRevision;
import dev.retort.runtime.internal.graph.RevisionGraph;
import dev.retort.runtime.internal.graph.Target;
import dev.retort.runtime.internal.history.VersionTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code stamp}: make the version table record exactly the targets and their ancestors, without
 * running any migration. It adopts an existing database, and it is the deliberate way out of a
 * checksum mismatch or an edited version table: the rows it keeps get the migrations' current
 * checksums and source checksums.
 */
public final class StampCommand {

  private static final Logger LOG = LoggerFactory.getLogger(StampCommand.class);

  private StampCommand() {}

  /**
   * Runs the command.
   *
   * @param context the settings
   * @param targetTexts the targets as given: one target, or several revisions (ids, prefixes or
   *     {@code head}), whose union is recorded
   * @return what changed in the version table
   */
  public static StampResult run(Context context, List<String> targetTexts) {
    RevisionGraph graph = context.graph();
    List<Target> targets = new ArrayList<>(targetTexts.size());
    for (String text : targetTexts) {
      targets.add(Target.parse(text, graph, context.advice()));
    }
    if (targets.size() > 1) {
      for (Target target : targets) {
        if (target instanceof Target.Base || target instanceof Target.Relative) {
          throw new RetortException(ErrorCode.INVALID_TARGET,
              "Cannot stamp " + target + " together with other targets: several targets are revisions (ids or"
                  + " unique prefixes, or head), whose union is recorded. Stamp " + target + " alone, with "
                  + context.advice().stamp(List.of(target.toString())) + ".");
        }
      }
    }
    try (Session session = Session.open(context)) {
      return session.underLock(() -> stamp(session, context, graph, targets, true),
          () -> stamp(session, context, graph, targets, false).orElseThrow());
    }
  }

  /**
   * Reads, verifies and records, holding the lock; or only looks, without it.
   *
   * @param look whether to stop before the first change: the result is then empty if the stamp would change
   *     something
   */
  private static Optional<StampResult> stamp(
      Session session, Context context, RevisionGraph graph, List<Target> targets, boolean look) {
    VersionTable table = session.versionTable();
    Optional<DatabaseState> read = session.readState();
    DatabaseState state = read.orElseGet(DatabaseState::empty);
    state.verifyNotAhead(graph, table, session.advice());
    if (targets.get(0) instanceof Target.Relative) {
      // +N and -N count from what is recorded, which means nothing while a parent is missing; a
      // stamp of revisions is the way out.
      state.verifyWhole(graph, table, session.advice());
    }
    Set<String> applied = state.applied();
    // Before the table is created, so that a target out of range leaves a new database as it was.
    Set<String> wanted = new HashSet<>();
    for (Target target : targets) {
      wanted.addAll(wanted(target, graph, applied, session.advice()));
    }
    List<String> recorded = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<String> updated = new ArrayList<>();
    for (LoadedRevision revision : graph.revisions()) {
      String id = revision.id();
      if (wanted.contains(id) && !applied.contains(id)) {
        recorded.add(id);
      } else if (!wanted.contains(id) && applied.contains(id)) {
        removed.add(0, id);
      } else if (wanted.contains(id) && recordsAnother(state.rows().get(id), revision)) {
        updated.add(id);
      }
    }
    if (look && (read.isEmpty() || !recorded.isEmpty() || !removed.isEmpty() || !updated.isEmpty())) {
      return Optional.empty();
    }
    if (read.isEmpty()) {
      table.create(session.connection());
    }
    write(session, table, graph, recorded, removed, updated);
    List<String> after = DatabaseState.current(graph, wanted);
    log(context, "Stamped {}: version table now at {}; recorded {}, removed {}, checksums updated {}",
        targets.stream().map(Target::toString).collect(Collectors.joining(", ")),
        after.isEmpty() ? "base" : String.join(", ", after), recorded, removed, updated);
    return Optional.of(new StampResult(state.current(graph), after, recorded, removed, updated));
  }

  /**
   * Logs what the stamp did at INFO, or at DEBUG for a tool that shows the progress itself (it
   * gave {@link Context#progress() a listener}) and prints the stamp from the result: the
   * {@code retort} command line and the Maven plugin would otherwise print it twice.
   */
  private static void log(Context context, String format, Object... arguments) {
    if (context.progress().isPresent()) {
      LOG.debug(format, arguments);
    } else {
      LOG.info(format, arguments);
    }
  }

  /** The revisions that a target records, given those recorded now. */
  static Set<String> wanted(Target target, RevisionGraph graph, Set<String> applied, Advice advice) {
    if (target instanceof Target.Head) {
      Set<String> all = new LinkedHashSet<>();
      graph.revisions().forEach(revision -> all.add(revision.id()));
      return all;
    }
    if (target instanceof Target.Base) {
      return Set.of();
    }
    if (target instanceof Target.Exact exact) {
      return graph.ancestorsOrSelf(exact.revision());
    }
    Set<String> wanted = new HashSet<>(applied);
    Target.Relative relative = (Target.Relative) target;
    // Checked here rather than by the planner, whose message would speak of upgrade and downgrade.
    boolean forward = relative.steps() > 0;
    int available = forward ? graph.revisions().size() - applied.size() : applied.size();
    if (Math.abs(relative.steps()) > available) {
      throw new RetortException(ErrorCode.TARGET_OUT_OF_RANGE,
          "Cannot stamp " + relative + ": only " + available + " revision" + (available == 1 ? " is " : "s are ")
              + (forward ? "pending" : "applied") + ". Use " + advice.stamp(List.of(forward ? "head" : "base"))
              + (forward ? " to record every revision." : " to record none."));
    }
    if (forward) {
      Planner.upgrades(target, graph, applied, advice).forEach(revision -> wanted.add(revision.id()));
    } else {
      Planner.downgrades(target, graph, applied, advice).forEach(revision -> wanted.remove(revision.id()));
    }
    return wanted;
  }

  /**
   * Whether an applied revision's row records another checksum than the migration now gives: its
   * operations changed, or, with the same operations, its source file (the row's source checksum
   * would make every start verify it the slow way).
   */
  private static boolean recordsAnother(AppliedRevision row, LoadedRevision revision) {
    return !row.checksum().equals(revision.checksum())
        || (revision.sourceChecksum().isPresent() && !revision.sourceChecksum().equals(row.sourceChecksum()));
  }

  /** Changes the version table's rows, all or none. */
  static void write(
      Session session, VersionTable table, RevisionGraph graph, List<String> recorded, List<String> removed,
      List<String> updated) {
    if (recorded.isEmpty() && removed.isEmpty() && updated.isEmpty()) {
      return;
    }
    // SQLite's lock is already a transaction, so the rows change in a savepoint inside it; elsewhere in a
    // transaction of their own.
    boolean sqlite = session.dialect().vendor() == Vendor.SQLITE;
    Connection connection = session.connection();
    try {
      if (sqlite) {
        statement(connection, "SAVEPOINT retort_stamp");
      } else {
        connection.setAutoCommit(false);
      }
      for (String id : removed) {
        table.delete(connection, id);
      }
      Instant now = Instant.now();
      for (String id : recorded) {
        LoadedRevision revision = graph.get(id);
        table.insert(connection, new AppliedRevision(id, revision.description(), revision.checksum(), now,
            Optional.empty(), revision.sourceChecksum()));
      }
      for (String id : updated) {
        LoadedRevision revision = graph.get(id);
        table.updateChecksum(connection, id, revision.checksum(), revision.sourceChecksum(), revision.description());
      }
      if (sqlite) {
        statement(connection, "RELEASE SAVEPOINT retort_stamp");
      } else {
        connection.commit();
        connection.setAutoCommit(true);
      }
    } catch (SQLException | RuntimeException e) {
      try {
        if (sqlite) {
          statement(connection, "ROLLBACK TO SAVEPOINT retort_stamp");
          statement(connection, "RELEASE SAVEPOINT retort_stamp");
        } else {
          connection.rollback();
          connection.setAutoCommit(true);
        }
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      throw new RetortException(ErrorCode.DATABASE_ERROR,
          "Could not stamp the version table " + table.displayName() + ": " + e.getMessage()
              + " It was left unchanged.", e);
    }
  }

  private static void statement(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
