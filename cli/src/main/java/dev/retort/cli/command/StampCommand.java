package dev.retort.cli.command;

import dev.retort.cli.RetortCli;
import dev.retort.cli.internal.Report;
import dev.retort.cli.internal.Settings;
import dev.retort.runtime.Retort;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code retort stamp TARGET...}: records revisions as applied without running anything. */
@Command(name = "stamp",
    description = "Records TARGET as the database's revision without running any migration: for adopting a"
        + " database whose schema already matches TARGET, or after fixing a changed migration by hand. Several"
        + " revisions record several branches, as a database has them whose branches are applied without their"
        + " merge.")
public final class StampCommand extends RetortCommand {

  @Parameters(arity = "1..*", paramLabel = "TARGET",
      description = "head, base, +N, -N, or a revision id or unique prefix; several revisions (ids, prefixes or"
          + " head) for several branches.")
  private List<String> targets;

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
    String[] more = targets.subList(1, targets.size()).toArray(String[]::new);
    print(Report.stamp(retort.stamp(targets.get(0), more), retort.heads()));
    return RetortCli.OK;
  }
}
