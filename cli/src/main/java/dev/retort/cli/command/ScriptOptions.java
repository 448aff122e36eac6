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
}
