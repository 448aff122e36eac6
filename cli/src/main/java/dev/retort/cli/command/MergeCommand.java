package dev.retort.cli.command;

import dev.retort.cli.internal.authoring.AuthoringException;
import dev.retort.cli.internal.authoring.NewRevision;
import dev.retort.cli.internal.authoring.RevisionAuthor;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retort merge}: a merge revision joining the heads of a history that branched, with the
 * merged snapshot (Alembic's {@code merge heads}). Run it when the compiler reports that the
 * revision graph has several heads.
 */
@Command(name = "merge",
    description = {"Writes a merge revision joining the heads of a history that branched, with the merged schema"
        + " snapshot. Reads the @Revision classes from the sources; does not connect.",
        "Prints the files written; fails, writing nothing, when the history has one head or the branches"
            + " conflict."})
public final class MergeCommand extends AuthoringCommand {

  @Option(names = {"-m", "--message"}, paramLabel = "TEXT",
      description = "What the merge joins, such as \"merge inventory and reviews\". Default: merge heads.")
  private String message;

  /**
   * Creates the command.
   *
   * @param console where it prints
   */
  public MergeCommand(Console console) {
    super(console);
  }

  @Override
  NewRevision write(RevisionAuthor author) throws AuthoringException {
    return author.merge(Optional.ofNullable(message).filter(text -> !text.isBlank()));
  }
}
