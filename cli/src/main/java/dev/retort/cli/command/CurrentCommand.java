package dev.retort.cli.command;

import dev.retort.cli.internal.Outcome;
import dev.retort.cli.internal.Settings;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code retort current}: the database's current revision and what is pending. */
@Command(name = "current",
    description = "Prints the database's current revision and the revisions not yet applied.")
public final class CurrentCommand extends RetortCommand {

  /**
   * Creates the command.
   *
   * @param console where it prints and finds the migrations
   */
  public CurrentCommand(Console console) {
    super(console);
  }

  @Override
  int execute(Settings settings) {
    return inEachSchema(settings, Optional.empty(), (retort, scope) -> Outcome.current(retort.current(), scope));
  }
}
