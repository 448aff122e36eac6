package dev.retort.runtime.internal.command;

import dev.retort.runtime.Current;
import dev.retort.runtime.internal.graph.LoadedRevision;
import dev.retort.runtime.internal.graph.RevisionGraph;
import java.util.ArrayList;
import java.util.List;

/** {@code current}: where the database stands. Reads only; takes no lock. */
public final class CurrentCommand {

  private CurrentCommand() {}

  /**
   * Runs the command.
   *
   * @param context the settings
   * @return the database's current revisions and what is pending
   */
  public static Current run(Context context) {
    RevisionGraph graph = context.graph();
    try (Session session = Session.open(context)) {
      DatabaseState state = session.readState().orElseGet(DatabaseState::empty);
      state.verifyKnown(graph, session.versionTable(), session.advice());
      state.verifyChecksums(graph, session.advice());
      return new Current(state.current(graph), graph.head().id(), pending(graph, state),
          new ArrayList<>(state.rows().values()));
    }
  }

  private static List<String> pending(RevisionGraph graph, DatabaseState state) {
    return graph.revisions().stream().map(LoadedRevision::id).filter(id -> !state.applied().contains(id)).toList();
  }
}
