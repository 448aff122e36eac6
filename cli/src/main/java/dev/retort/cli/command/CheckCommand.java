package dev.retort.cli.command;

import dev.retort.cli.internal.Outcome;
import dev.retort.cli.internal.Settings;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code retort check}: compares the live database with its revision's schema. */
@Command(name = "check",
    description = "Compares the live database, read through its metadata, with the schema its current revision"
        + " should have, and lists every difference. Exits with 3 when there is one.")
public final class CheckCommand extends RetortCommand {

  /**
   * Creates the command.
   *
   * @param console where it prints and finds the migrations
   */
  public CheckCommand(Console console) {
    super(console);
  }

  @Override
  int execute(Settings settings) {
    return inEachSchema(settings, Optional.empty(),
        (retort, scope) -> Outcome.check(retort.check(), retort.heads(), scope));
  }
}
