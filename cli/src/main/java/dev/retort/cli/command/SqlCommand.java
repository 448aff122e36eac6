package dev.retort.cli.command;

import dev.retort.cli.internal.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code retort sql}: the offline script between two revisions, or with {@code --stamp} the
 * offline script of a stamp.
 */
@Command(name = "sql",
    description = "Prints the SQL script that takes a database from one revision to another, the version table's"
        + " statements included, for a database administrator to review and run; with --stamp, the script that"
        + " records --to in the version table without running any migration. Does not connect, but with"
        + " --output-dir, which writes one script per schema from each schema's revision.")
public final class SqlCommand extends RetortCommand {

  @Option(names = "--from", paramLabel = "REVISION",
      description = "The revision the database is at: base (the default), head, or a revision id or prefix. With"
          + " --output-dir, the default is each schema's revision, read from its version table.")
  private String from;

  @Option(names = "--to", paramLabel = "REVISION", defaultValue = "head",
      description = "Where to go: head (the default), base, a revision id or prefix, or +N/-N from --from.")
  private String to;

  @Option(names = "--stamp",
      description = "Write what stamp does instead: make the version table record --to and its ancestors without"
          + " running any migration, creating the table unless it exists when --from is base. For adopting a"
          + " database that only a database administrator may change.")
  private boolean stamp;

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
    return script(settings, script, from, "base", (retort, start, vendor) ->
        stamp ? retort.stampSql(start, to, vendor) : retort.sql(start, to, vendor));
  }
}
