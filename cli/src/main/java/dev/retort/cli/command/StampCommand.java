package dev.retort.cli.command;

import dev.retort.cli.internal.Outcome;
import dev.retort.cli.internal.Settings;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code retort stamp TARGET...}: records revisions as applied without running anything, or prints
 * the script that does with {@code --sql}.
 */
@Command(name = "stamp",
    description = "Records TARGET as the database's revision without running any migration: for adopting a"
        + " database whose schema already matches TARGET, or after fixing a changed migration by hand. Several"
        + " revisions record several branches, as a database has them whose branches are applied without their"
        + " merge. With --sql, prints the SQL script that does it instead and does not connect.")
public final class StampCommand extends RetortCommand {

  @Parameters(arity = "1..*", paramLabel = "TARGET",
      description = "head, base, +N, -N, or a revision id or unique prefix; several revisions (ids, prefixes or"
          + " head) for several branches.")
  private List<String> targets;

  @Option(names = "--sql", description = "Print the SQL script of the stamp instead of running it.")
  private boolean sql;

  @Option(names = "--from", paramLabel = "REVISION",
      description = "With --sql: the revision the version table records. Default: base (none, or no table, which"
          + " the script creates); with --output-dir, each schema's revision, read from its version table.")
  private String from;

  @Mixin
  private ScriptOptions script;

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
    if (sql) {
      if (targets.size() > 1) {
        throw usage("--sql writes the stamp of one target; several revisions are stamped online only");
      }
      return script(settings, script, from, "base",
          (retort, start, vendor) -> retort.stampSql(start, targets.get(0), vendor));
    }
    if (from != null || script.any()) {
      throw usage("--from, --dialect, --output and --output-dir only apply with --sql");
    }
    String[] more = targets.subList(1, targets.size()).toArray(String[]::new);
    return inEachSchema(settings, Optional.empty(),
        (retort, scope) -> Outcome.stamp(retort.stamp(targets.get(0), more), retort.heads()));
  }
}
