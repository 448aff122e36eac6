package dev.retort.cli.command;

import dev.retort.cli.RetortCli;
import dev.retort.cli.internal.Report;
import dev.retort.cli.internal.Settings;
import picocli.CommandLine.Command;

/** {@code retort heads}: the head revision of the application's history. */
@Command(name = "heads",
    description = "Prints the head revision of the application's history. Does not connect.")
public final class HeadsCommand extends RetortCommand {

  /**
   * Creates the command.
   *
   * @param console where it prints and finds the migrations
   */
  public HeadsCommand(Console console) {
    super(console);
  }

  @Override
  int execute(Settings settings) {
    print(Report.heads(offline(settings).heads()));
    return RetortCli.OK;
  }
}
