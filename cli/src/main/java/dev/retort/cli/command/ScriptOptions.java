package dev.retort.cli.command;

import dev.retort.cli.internal.Databases;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where an offline script goes and which database it is written for. */
final class ScriptOptions {

  @Option(names = "--dialect", paramLabel = "DATABASE",
      description = "The database to write SQL for: " + Databases.NAMES + ". Default: the one --url points at.")
  String dialect;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the script to this file instead of standard output.")
  Path output;

  @Option(names = "--output-dir", paramLabel = "DIR",
      description = {"Write one script per schema that --current-schema names (names or a pattern) to DIR/SCHEMA.sql,"
          + " each starting from the revision that schema's version table records (read from the database), or from"
          + " --from when given. A schema already where the script goes gets a script that changes nothing."})
  Path outputDirectory;

  /** Whether an option that only applies to a script was given. */
  boolean any() {
    return dialect != null || output != null || outputDirectory != null;
  }
}
