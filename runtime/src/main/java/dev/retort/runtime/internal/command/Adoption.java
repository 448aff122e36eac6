package dev.retort.runtime.internal.command;

import dev.retort.model.SchemaModel;
import dev.retort.model.TableModel;
import dev.retort.runtime.Baseline;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.dialect.inspect.Difference;
import dev.retort.runtime.dialect.inspect.LiveSchema;
import dev.retort.runtime.internal.OtherToolsTables;
import dev.retort.runtime.internal.Unmanaged;
import dev.retort.runtime.internal.graph.LoadedRevision;
import dev.retort.runtime.internal.graph.RevisionGraph;
import dev.retort.runtime.internal.graph.Target;
import dev.retort.runtime.internal.history.VersionTable;
import dev.retort.runtime.internal.lock.MigrationLocks;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The baseline of {@code upgrade}: on a database with tables but no version table, record the configured revision
 * as {@code stamp} would, once its tables are found to match the revision's schema as {@code check} compares them.
 * A version table that records nothing counts as none: a first upgrade that failed on the existing tables leaves
 * one behind. Runs under the migration lock, before the upgrade plans anything.
 */
final class Adoption {

  private static final Logger LOG = LoggerFactory.getLogger(Adoption.class);

  private Adoption() {}

  /**
   * Finds whether the database has tables, and if so, that they match the baseline. Changes nothing.
   *
   * @param session the session, holding the lock, on a database whose version table records nothing
   * @param context the settings
   * @param target the baseline
   * @param hasVersionTable whether the version table exists (empty, as a failed first upgrade leaves it)
   * @return the baseline to record; empty when the database has no tables, which an upgrade from base creates
   * @throws RetortException {@link ErrorCode#BASELINE_MISMATCH} if the tables differ from the baseline's schema
   */
  static Optional<Baseline> verify(Session session, Context context, Target target, boolean hasVersionTable) {
    RevisionGraph graph = context.graph();
    Set<String> wanted = StampCommand.wanted(target, graph, Set.of(), session.advice());
    CheckCommand.Expected expected = CheckCommand.expected(context, wanted);
    List<String> tables = new ArrayList<>();
    List<String> otherTools = new ArrayList<>();
    readTables(session, context.unmanaged(), expected.model(), tables, otherTools);
    if (tables.isEmpty()) {
      return Optional.empty();
    }
    List<String> revisions = DatabaseState.current(graph, wanted);
    if (!otherTools.isEmpty()) {
      log(context, "Left {} out of the baseline: other migration tools' history tables are no part of the schema;"
          + " drop them once they are no longer needed", String.join(", ", otherTools));
    }
    List<String> differences = CheckCommand.differences(session, context, expected.model()).stream()
        .filter(difference -> !OtherToolsTables.contains(difference.table()))
        .map(Difference::description)
        .toList();
    if (!differences.isEmpty()) {
      throw mismatch(session, target, revisions, tables, hasVersionTable, expected, differences);
    }
    List<String> recorded = graph.revisions().stream().map(LoadedRevision::id).filter(wanted::contains).toList();
    return Optional.of(new Baseline(target.toString(), revisions, recorded, tables, otherTools));
  }

  /**
   * Records a verified baseline in the version table, which exists and records nothing, as {@code stamp} would.
   *
   * @param session the session, holding the lock
   * @param context the settings
   * @param baseline the baseline that {@link #verify} found
   * @param hadVersionTable whether the version table was there before, for the log
   */
  static void record(Session session, Context context, Baseline baseline, boolean hadVersionTable) {
    StampCommand.write(session, session.versionTable(), context.graph(), baseline.recorded(), List.of(), List.of());
    String named = String.join(", ", baseline.revisions());
    int tables = baseline.tables().size();
    log(context, "Found {} table{} and {}; they match revision {}; stamped {}{}", tables, tables == 1 ? "" : "s",
        hadVersionTable ? "an empty version table" : "no version table", named, named,
        baseline.recorded().size() > baseline.revisions().size() ? " (and its ancestors)" : "");
  }

  /**
   * Sorts the tables of the connection's schema, and of the schemas the model names, into those that count and the
   * other tools' history tables; Retort's own tables (the version table, H2's lock table) are neither, nor are the
   * unmanaged tables that the model does not declare.
   */
  private static void readTables(
      Session session, Unmanaged unmanaged, SchemaModel model, List<String> tables, List<String> otherTools) {
    VersionTable table = session.versionTable();
    Set<String> own = Set.of(table.name(), MigrationLocks.h2LockTable(table.name()));
    try {
      LiveSchema live = LiveSchema.of(session.connection(), session.dialect());
      String defaultSchema = live.defaultSchema();
      Set<String> schemas = new TreeSet<>();
      model.tables().stream().map(TableModel::schema).filter(schema -> !schema.isEmpty()).forEach(schemas::add);
      schemas.remove(defaultSchema);
      Set<String> declared = CheckCommand.declaredNames(model);
      for (String name : live.tableNames(defaultSchema)) {
        if (CheckCommand.unmanaged(name, declared, unmanaged, defaultSchema)) {
          continue;
        }
        if (OtherToolsTables.contains(name)) {
          otherTools.add(name);
        } else if (!own.contains(name)) {
          tables.add(name);
        }
      }
      for (String schema : schemas) {
        for (String name : live.tableNames(schema)) {
          if (!own.contains(name) && !CheckCommand.unmanaged(schema + "." + name, declared, unmanaged, defaultSchema)) {
            tables.add(schema + "." + name);
          }
        }
      }
    } catch (SQLException e) {
      throw new RetortException(ErrorCode.DATABASE_ERROR,
          "Could not read the database's tables to compare them with the baseline: " + e.getMessage(), e);
    }
  }

  private static RetortException mismatch(Session session, Target target, List<String> revisions,
      List<String> tables, boolean hasVersionTable, CheckCommand.Expected expected, List<String> differences) {
    String named = String.join(", ", revisions);
    String schema = expected.baseline().equals(CheckCommand.FROM_MIGRATIONS)
        ? "the schema its migrations build"
        : "its snapshot " + expected.baseline();
    String found = (hasVersionTable ? "a version table that records no revision" : "no version table") + " and "
        + tables.size() + (tables.size() == 1 ? " table" : " tables");
    StringBuilder message = new StringBuilder("Cannot record the baseline " + target + ": the database has " + found
        + ", which differ from revision " + named + " (compared with " + schema + "):");
    for (String difference : differences) {
      message.append("\n  - ").append(difference);
    }
    message.append("\nNothing was changed. Change the database so that it matches revision ").append(named)
        .append(" and upgrade again, or, if the differences are accepted, record the revision by hand with ")
        .append(session.advice().stamp(revisions)).append(" and upgrade again.");
    return new RetortException(ErrorCode.BASELINE_MISMATCH, message.toString());
  }

  /** Logs at INFO, or at DEBUG for a tool that prints the baseline from the result (see {@link Context#progress()}). */
  private static void log(Context context, String format, Object... arguments) {
    if (context.progress().isPresent()) {
      LOG.debug(format, arguments);
    } else {
      LOG.info(format, arguments);
    }
  }
}
