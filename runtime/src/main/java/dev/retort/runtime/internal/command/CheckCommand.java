package dev.retort.runtime.internal.command;

import dev.retort.model.SchemaModel;
import dev.retort.runtime.CheckResult;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.inspect.Difference;
import dev.retort.runtime.dialect.inspect.SchemaInspector;
import dev.retort.runtime.internal.execution.Planner;
import dev.retort.runtime.internal.graph.LoadedRevision;
import dev.retort.runtime.internal.graph.ModuleAccess;
import dev.retort.runtime.internal.graph.RevisionGraph;
import dev.retort.runtime.internal.history.VersionTable;
import dev.retort.runtime.internal.lock.MigrationLocks;
import dev.retort.snapshot.SnapshotCodec;
import dev.retort.snapshot.SnapshotFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code check}: compares the live database with the schema its current revision should have.
 * The expected schema is the current revision's snapshot, shipped beside the migrations, when
 * the database is exactly at one revision and the snapshot is on the class path; otherwise the
 * schema the applied migrations' operations build. Reads only; takes no lock.
 */
public final class CheckCommand {

  /** The baseline named when the expected schema comes from the migrations. */
  static final String FROM_MIGRATIONS = "migrations";

  private CheckCommand() {}

  /**
   * Runs the command.
   *
   * @param context the settings
   * @return the differences
   */
  public static CheckResult run(Context context) {
    RevisionGraph graph = context.graph();
    try (Session session = Session.open(context)) {
      DatabaseState state = session.readState().orElseGet(DatabaseState::empty);
      state.verifyKnown(graph, session.versionTable(), session.advice());
      state.verifyChecksums(graph, session.advice());
      List<String> current = state.current(graph);
      Optional<String> snapshot = snapshotOf(graph, current, state.applied());
      SchemaModel expected = snapshot.isPresent()
          ? readSnapshot(context.classLoader(), snapshot.get(), graph.get(current.get(0)))
          : Planner.modelOf(graph, state.applied());
      List<String> differences = compare(session.connection(), session.dialect(), expected, session.versionTable());
      return new CheckResult(current, snapshot.orElse(FROM_MIGRATIONS), differences);
    }
  }

  /** The snapshot resource of the one current revision, if the database is exactly there and the resource exists. */
  private static Optional<String> snapshotOf(RevisionGraph graph, List<String> current, Set<String> applied) {
    if (current.size() != 1) {
      return Optional.empty();
    }
    LoadedRevision revision = graph.get(current.get(0));
    String resource = revision.info().snapshotResource();
    if (resource.isBlank() || !graph.ancestorsOrSelf(revision.id()).equals(applied)) {
      return Optional.empty();
    }
    return Optional.of(resource);
  }

  private static SchemaModel readSnapshot(ClassLoader loader, String resource, LoadedRevision revision) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        Optional<String> closed = closedPackage(loader, revision);
        if (closed.isPresent()) {
          throw new RetortException(ErrorCode.INVALID_SNAPSHOT, "Cannot read the schema snapshot " + resource
              + " of revision " + revision.label() + ": " + closed.get() + ".");
        }
        throw new RetortException(ErrorCode.INVALID_SNAPSHOT,
            "The schema snapshot " + resource + " named by the revision index is not on the class path. Rebuild the"
                + " project so that the snapshot is packaged with the migrations.");
      }
      return SnapshotCodec.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
    } catch (IOException e) {
      throw new RetortException(ErrorCode.INVALID_SNAPSHOT, "Could not read the schema snapshot " + resource + ": "
          + e.getMessage(), e);
    } catch (SnapshotFormatException e) {
      throw new RetortException(ErrorCode.INVALID_SNAPSHOT, "The schema snapshot is broken: " + e.getMessage()
          + ". Restore it from source control, or rebuild so that the processor writes it again.", e);
    }
  }

  /** Why a modular application hides the revision's snapshot, if it does. */
  private static Optional<String> closedPackage(ClassLoader loader, LoadedRevision revision) {
    try {
      return ModuleAccess.closedPackage(Class.forName(revision.migrationClass(), false, loader));
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }

  /** The differences, without those about Retort's own tables, which no migration creates. */
  private static List<String> compare(
      Connection connection, Dialect dialect, SchemaModel expected, VersionTable table) {
    String lockTable = MigrationLocks.h2LockTable(table.name());
    String qualifiedLockTable = table.schema().isEmpty() ? lockTable : table.schema() + "." + lockTable;
    try {
      return SchemaInspector.differences(connection, dialect, expected, table.name()).stream()
          .filter(difference -> !difference.table().equals(lockTable) && !difference.table().equals(qualifiedLockTable))
          .map(Difference::description)
          .toList();
    } catch (SQLException e) {
      throw new RetortException(ErrorCode.DATABASE_ERROR,
          "Could not read the live schema to compare it with the model: " + e.getMessage(), e);
    }
  }
}
