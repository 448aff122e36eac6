package dev.retort.cli.command;

import dev.retort.cli.internal.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code retort sql}: the offline script between two revisions. */
@Command(name = "sql",
    description = "Prints the SQL script that takes a database from one revision to another, the version table's"
        + " statements included, for a database administrator to review and run. Does not connect.")
public final class SqlCommand extends RetortCommand {

  @Option(names = "--from", paramLabel = "REVISION", defaultValue = "base",
      description = "The revision the database is at: base (the default), head, or a revision id or prefix.")
  private String from;

  @Option(names = "--to", paramLabel = "REVISION", defaultValue = "head",
      description = "Where to go: head (the default), base, a revision id or prefix, or +N/-N from --from.")
  private String to;

  @Mixin
  private ScriptOptions script;

  /**
   * Creates the command.
   *
   * @param console where it prints and finds the migrations
   */
  public SqlCommand(Console console) {
    super(console);
  }

  @Override
  int execute(Settings settings) {
    return emit(offline(settings).sql(from, to, vendor(script, settings)), script);
  }
}
