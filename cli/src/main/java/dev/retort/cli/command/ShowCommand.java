package dev.retort.cli.command;

import dev.retort.cli.RetortCli;
import dev.retort.cli.internal.Report;
import dev.retort.cli.internal.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code retort show REVISION}: one revision's details and operations. */
@Command(name = "show",
    description = "Prints one revision: its parents and children, class, checksum, snapshot, and the operations"
        + " of its upgrade and downgrade. Does not connect.")
public final class ShowCommand extends RetortCommand {

  @Parameters(index = "0", paramLabel = "REVISION", description = "head, or a revision id or unique prefix.")
  private String revision;

  /**
   * Creates the command.
   *
   * @param console where it prints and finds the migrations
   */
  public ShowCommand(Console console) {
    super(console);
  }

  @Override
  int execute(Settings settings) {
    print(Report.show(offline(settings).show(revision)));
    return RetortCli.OK;
  }
}
