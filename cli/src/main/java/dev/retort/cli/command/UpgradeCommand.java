package dev.retort.cli.command;

import dev.retort.cli.internal.Settings;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.Retort;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code retort upgrade [TARGET]}: applies revisions up to a target, or prints their script with {@code --sql}. */
@Command(name = "upgrade",
    description = "Applies the revisions not yet applied, up to TARGET, each in revision order, and prints what"
        + " ran and how long each took. With --sql, prints the SQL script instead and does not connect; with"
        + " --sql --output-dir, writes one script per schema, reading each schema's revision.")
public final class UpgradeCommand extends MigrateCommand {

  @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET", defaultValue = "head",
      description = "head (the default), +N for N revisions forward, or a revision id or unique prefix.")
  private String target;

  @Option(names = "--sql", description = "Print the SQL script for the upgrade instead of running it.")
  private boolean sql;

  @Option(names = "--from", paramLabel = "REVISION",
      description = "With --sql: the revision the database is at. Default: base; with --output-dir, each schema's"
          + " revision, read from its version table.")
  private String from;

  @Option(names = "--baseline", paramLabel = "REVISION",
      description = "On a database with tables but no version table, first record REVISION (and its ancestors) as"
          + " applied, as stamp does, if the tables match its schema as check compares them; refuse, changing"
          + " nothing, if they differ. Ignored on an empty database and on one with a version table.")
  private String baseline;

  @Mixin
  private ScriptOptions script;

  /**
   * Creates the command.
   *
   * @param console where it prints and finds the migrations
   */
  public UpgradeCommand(Console console) {
    super(console, "base");
  }

  @Override
  int execute(Settings settings) {
    return migrateOrPrint(settings, target, sql, from, script, Optional.ofNullable(baseline));
  }

  @Override
  MigrationResult migrate(Retort retort, String target) {
    return retort.upgrade(target);
  }
}
