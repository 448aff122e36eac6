package dev.retort.runtime.internal.command;

import dev.retort.model.SchemaModel;
import dev.retort.runtime.CheckResult;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.dialect.inspect.Difference;
import dev.retort.runtime.dialect.inspect.LiveSchema;
import dev.retort.runtime.dialect.inspect.SchemaInspector;
import dev.retort.runtime.internal.execution.Planner;
import dev.retort.runtime.internal.Unmanaged;
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
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code check}: compares the live database with the schema its current revision should have.
 * The expected schema is the current revision's snapshot, shipped beside the migrations, when
 * the database is exactly at one revision and the snapshot is on the class path; otherwise the
 * schema the applied migrations' operations build. Reads only; takes no lock. Beside the
 * differences it notes the model's foreign keys and checks that PostgreSQL holds {@code NOT VALID}.
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
      Expected expected = expected(context, state.applied());
      List<String> differences = differences(session, context, expected.model()).stream().map(Difference::description).toList();
      return new CheckResult(state.current(graph), expected.baseline(), differences, notes(session, expected.model()));
    }
  }

  /**
   * The schema that a database with these revisions applied should have.
   *
   * @param baseline where it comes from: the current revision's snapshot resource, or
   *     {@value CheckCommand#FROM_MIGRATIONS}
   * @param model the schema
   */
  record Expected(String baseline, SchemaModel model) {}

  /**
   * The schema that a database with these revisions applied should have: the current revision's snapshot when the
   * revisions are exactly one revision and its ancestors and the snapshot is on the class path, otherwise the schema
   * the migrations' operations build.
   */
  static Expected expected(Context context, Set<String> applied) {
    RevisionGraph graph = context.graph();
    List<String> current = DatabaseState.current(graph, applied);
    Optional<String> snapshot = snapshotOf(graph, current, applied);
    return snapshot.isPresent()
        ? new Expected(snapshot.get(), readSnapshot(context.classLoader(), snapshot.get(), graph.get(current.get(0))))
        : new Expected(FROM_MIGRATIONS, Planner.modelOf(graph, applied));
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

  /**
   * The differences between the live database and a schema, without those about Retort's own tables, which no
   * migration creates, nor those about the {@linkplain Context#unmanaged() unmanaged} objects the schema does not
   * declare.
   */
  static List<Difference> differences(Session session, Context context, SchemaModel expected) {
    VersionTable table = session.versionTable();
    String lockTable = MigrationLocks.h2LockTable(table.name());
    String qualifiedLockTable = table.schema().isEmpty() ? lockTable : table.schema() + "." + lockTable;
    try {
      List<Difference> differences =
          SchemaInspector.differences(session.connection(), session.dialect(), expected, table.name()).stream()
              .filter(d -> !d.table().equals(lockTable) && !d.table().equals(qualifiedLockTable))
              .toList();
      Unmanaged unmanaged = context.unmanaged();
      if (unmanaged.isEmpty() || differences.isEmpty()) {
        return differences;
      }
      Set<String> declared = declaredNames(expected);
      String defaultSchema = LiveSchema.of(session.connection(), session.dialect()).defaultSchema();
      return differences.stream().filter(d -> !unmanaged(d.table(), declared, unmanaged, defaultSchema)).toList();
    } catch (SQLException e) {
      throw new RetortException(ErrorCode.DATABASE_ERROR,
          "Could not read the live schema to compare it with the model: " + e.getMessage(), e);
    }
  }

  /**
   * The constraints of the model's tables that the database has not validated (PostgreSQL's {@code NOT VALID}), and
   * the views whose queries could not be compared.
   */
  private static List<String> notes(Session session, SchemaModel expected) {
    try {
      List<String> notes = new ArrayList<>();
      SchemaInspector.unvalidatedConstraints(session.connection(), session.dialect(), expected)
          .forEach(note -> notes.add(note.description()));
      SchemaInspector.viewQueriesNotCompared(session.connection(), session.dialect(), expected).ifPresent(notes::add);
      return notes;
    } catch (SQLException e) {
      throw new RetortException(ErrorCode.DATABASE_ERROR,
          "Could not read which constraints the database has validated: " + e.getMessage(), e);
    }
  }

  /**
   * Whether a difference is about an object that the model does not declare and a pattern matches. The object is
   * named as {@link SchemaInspector} names it: bare in the connection's own schema, else qualified with its schema.
   */
  static boolean unmanaged(String object, Set<String> declared, Unmanaged unmanaged, String defaultSchema) {
    if (declared.contains(object.toLowerCase(Locale.ROOT))) {
      return false;
    }
    int dot = object.indexOf('.');
    return dot < 0
        ? unmanaged.matches(defaultSchema == null ? "" : defaultSchema, object)
        : unmanaged.matches(object.substring(0, dot), object.substring(dot + 1));
  }

  /**
   * The model's tables, sequences and views in lower case, each by its bare and its qualified name: a difference
   * names an object of the connection's own schema bare even when the model gives its schema, and hiding too little
   * is safe.
   */
  static Set<String> declaredNames(SchemaModel model) {
    Set<String> names = new HashSet<>();
    model.tables().forEach(t -> addNames(names, t.schema(), t.name()));
    model.sequences().forEach(s -> addNames(names, s.schema(), s.name()));
    model.views().forEach(v -> addNames(names, v.schema(), v.name()));
    return names;
  }

  private static void addNames(Set<String> names, String schema, String name) {
    names.add(name.toLowerCase(Locale.ROOT));
    if (!schema.isEmpty()) {
      names.add((schema + "." + name).toLowerCase(Locale.ROOT));
    }
  }
}
