package dev.retort.cli.command;

import dev.retort.cli.internal.authoring.AuthoringException;
import dev.retort.cli.internal.authoring.NewRevision;
import dev.retort.cli.internal.authoring.RevisionAuthor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retort revision -m "backfill emails"}: a new empty revision whose parent is the head,
 * with the head's snapshot carried over, for a change the entities do not show, such as a data
 * migration (Alembic's {@code revision -m}).
 */
@Command(name = "revision",
    description = {"Writes a new empty migration whose parent is the head, with the head's schema snapshot carried"
        + " over, for a change the entities do not show, such as a data migration. Reads the @Revision classes"
        + " from the sources; does not connect.",
        "Prints the files written: fill in the migration's upgrade and downgrade, and commit both."})
public final class RevisionCommand extends AuthoringCommand {

  private String message;

  /**
   * Creates the command.
   *
   * @param console where it prints
   */
  public RevisionCommand(Console console) {
    super(console);
  }

  /** Sets {@code --message}, refusing an empty one while the command line is read. */
  @Option(names = {"-m", "--message"}, paramLabel = "TEXT", required = true,
      description = "What the revision does, such as \"backfill emails\": it names the class"
          + " (V<id>_BackfillEmails) and opens its Javadoc.")
  void message(String text) {
    if (text.isBlank()) {
      throw usage("say what the revision does, such as -m \"backfill emails\"");
    }
    message = text;
  }

  @Override
  NewRevision write(RevisionAuthor author) throws AuthoringException {
    return author.revision(message);
  }
}
