package dev.retort.runtime.internal.command;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Heads;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.RevisionDetails;
import dev.retort.runtime.internal.graph.LoadedRevision;
import dev.retort.runtime.internal.graph.RevisionGraph;
import dev.retort.runtime.internal.graph.Target;
import java.util.List;

/** {@code show} and {@code heads}: what the history holds. Neither touches the database. */
public final class ShowCommand {

  private ShowCommand() {}

  /**
   * Describes one revision.
   *
   * @param context the settings
   * @param revisionText {@code head}, a revision id or a unique prefix
   * @return the revision's details
   */
  public static RevisionDetails show(Context context, String revisionText) {
    RevisionGraph graph = context.graph();
    Target target = Target.parse(revisionText, graph, context.advice());
    LoadedRevision revision;
    if (target instanceof Target.Head) {
      revision = graph.head();
    } else if (target instanceof Target.Exact exact) {
      revision = graph.get(exact.revision());
    } else {
      throw new RetortException(ErrorCode.INVALID_TARGET,
          "show needs one revision: head, a revision id or a unique prefix, not " + target + ".");
    }
    return new RevisionDetails(revision.id(), revision.parents(), graph.children(revision.id()),
        revision.description(), revision.migrationClass(), revision.checksum(), revision.upgradeOperations(),
        revision.downgradeOperations(), revision.info().snapshotResource());
  }

  /**
   * Lists the heads.
   *
   * @param context the settings
   * @return the head revisions
   */
  public static Heads heads(Context context) {
    return new Heads(List.of(context.graph().head().id()));
  }
}
