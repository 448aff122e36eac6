package dev.retort.cli.command;

import dev.retort.cli.RetortCli;
import dev.retort.cli.internal.Report;
import dev.retort.cli.internal.Settings;
import dev.retort.runtime.Retort;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code retort stamp TARGET}: records a revision as applied without running anything. */
@Command(name = "stamp",
    description = "Records TARGET as the database's revision without running any migration: for adopting a"
        + " database whose schema already matches TARGET, or after fixing a changed migration by hand.")
public final class StampCommand extends RetortCommand {

  @Parameters(index = "0", paramLabel = "TARGET",
      description = "head, base, +N, -N, or a revision id or unique prefix.")
  private String target;

  /**
   * Creates the command.
   *
   * @param console where it prints and finds the migrations
   */
  public StampCommand(Console console) {
    super(console);
  }

  @Override
  int execute(Settings settings) {
    Retort retort = connect(settings);
    print(Report.stamp(retort.stamp(target), retort.heads()));
    return RetortCli.OK;
  }
}
