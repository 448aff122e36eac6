package dev.retort.runtime.internal.command;

import dev.retort.runtime.History;
import dev.retort.runtime.HistoryEntry;
import dev.retort.runtime.internal.graph.LoadedRevision;
import dev.retort.runtime.internal.graph.RevisionGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code history}: every revision, marking those applied. Reads only; takes no lock. */
public final class HistoryCommand {

  private HistoryCommand() {}

  /**
   * Runs the command.
   *
   * @param context the settings
   * @return the history, oldest first
   */
  public static History run(Context context) {
    RevisionGraph graph = context.graph();
    try (Session session = Session.open(context)) {
      DatabaseState state = session.readState().orElseGet(DatabaseState::empty);
      state.verifyKnown(graph, session.versionTable(), session.advice());
      state.verifyChecksums(graph, session.advice());
      List<HistoryEntry> entries = new ArrayList<>();
      for (LoadedRevision revision : graph.revisions()) {
        entries.add(new HistoryEntry(revision.id(), revision.parents(), revision.description(),
            revision.migrationClass(), revision == graph.head(),
            Optional.ofNullable(state.rows().get(revision.id()))));
      }
      return new History(entries);
    }
  }
}
