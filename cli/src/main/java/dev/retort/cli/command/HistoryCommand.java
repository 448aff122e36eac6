package dev.retort.cli.command;

import dev.retort.cli.internal.Outcome;
import dev.retort.cli.internal.Settings;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code retort history}: every revision, marking those applied. */
@Command(name = "history",
    description = "Prints every revision, oldest first, marking those applied to the database with when and"
        + " how long they ran.")
public final class HistoryCommand extends RetortCommand {

  /**
   * Creates the command.
   *
   * @param console where it prints and finds the migrations
   */
  public HistoryCommand(Console console) {
    super(console);
  }

  @Override
  int execute(Settings settings) {
    return inEachSchema(settings, Optional.empty(), (retort, scope) -> Outcome.history(retort.history(), scope));
  }
}
