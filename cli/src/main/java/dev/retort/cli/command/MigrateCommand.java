package dev.retort.cli.command;

import dev.retort.cli.internal.Outcome;
import dev.retort.cli.internal.Settings;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.Retort;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * What {@code upgrade} and {@code downgrade} share: without {@code --sql} they connect, move the
 * database to the target and report what ran; with {@code --sql} they print the script from a
 * starting revision instead. Each subclass declares its own options, so that their help text can
 * speak of its own direction.
 */
abstract class MigrateCommand extends RetortCommand {

  private final String defaultFrom;

  @Option(names = "--single-transaction",
      description = {"Run all the migrations in one transaction, their version rows included, so that a failing one"
          + " leaves none of them; with --sql, one BEGIN and COMMIT around the script. PostgreSQL and SQLite only."
          + " Default: one transaction per migration."})
  private boolean singleTransaction;

  /**
   * @param console where the command prints and finds the migrations
   * @param defaultFrom the revision a {@code --sql} script starts from when {@code --from} is not given
   */
  MigrateCommand(Console console, String defaultFrom) {
    super(console);
    this.defaultFrom = Objects.requireNonNull(defaultFrom, "defaultFrom == null");
  }

  /** Moves the connected database to {@code target}, in this command's direction. */
  abstract MigrationResult migrate(Retort retort, String target);

  /**
   * Runs the migration, or prints its script when {@code sql} is set.
   *
   * @param given the resolved database settings
   * @param target the revision to move to, as the user wrote it
   * @param sql whether to print the script instead of running it
   * @param from with {@code sql}: the revision the database is at, or {@code null} for the default
   * @param script the {@code --dialect}, {@code --output} and {@code --output-dir} options
   * @param baseline the revision an upgrade records on a database with tables but no version table; empty for none
   * @return the exit code
   */
  final int migrateOrPrint(
      Settings given, String target, boolean sql, String from, ScriptOptions script, Optional<String> baseline) {
    Settings settings = given.withSingleTransaction(singleTransaction);
    if (!sql) {
      if (from != null || script.any()) {
        throw usage("--from, --dialect, --output and --output-dir only apply with --sql");
      }
      return inEachSchema(settings, baseline,
          (retort, scope) -> Outcome.migration(retort, in -> migrate(in, target)));
    }
    if (baseline.isPresent()) {
      throw usage("--baseline does not apply with --sql: a script starts from the revision --from names; write it"
          + " from the baseline with --from " + baseline.get());
    }
    return script(settings, script, from, defaultFrom, (retort, start, vendor) -> retort.sql(start, target, vendor));
  }
}
