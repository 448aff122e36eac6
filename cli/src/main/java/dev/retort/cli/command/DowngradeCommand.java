package dev.retort.cli.command;

import dev.retort.cli.internal.Settings;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.Retort;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code retort downgrade TARGET}: undoes revisions down to a target, or prints their script with {@code --sql}. */
@Command(name = "downgrade",
    description = "Undoes applied revisions down to TARGET, newest first, and prints what ran and how long each"
        + " took. With --sql, prints the SQL script instead and does not connect; with"
        + " --sql --output-dir, writes one script per schema, reading each schema's revision.")
public final class DowngradeCommand extends MigrateCommand {

  @Parameters(index = "0", paramLabel = "TARGET",
      description = "base (undo everything), -N for N revisions back, or a revision id or unique prefix to stay at.")
  private String target;

  @Option(names = "--sql", description = "Print the SQL script for the downgrade instead of running it.")
  private boolean sql;

  @Option(names = "--from", paramLabel = "REVISION",
      description = "With --sql: the revision the database is at. Default: head; with --output-dir, each schema's"
          + " revision, read from its version table.")
  private String from;

  @Mixin
  private ScriptOptions script;

  /**
   * Creates the command.
   *
   * @param console where it prints and finds the migrations
   */
  public DowngradeCommand(Console console) {
    super(console, "head");
  }

  @Override
  int execute(Settings settings) {
    return migrateOrPrint(settings, target, sql, from, script, Optional.empty());
  }

  @Override
  MigrationResult migrate(Retort retort, String target) {
    return retort.downgrade(target);
  }
}
