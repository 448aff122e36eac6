package dev.retort.cli;

import dev.retort.cli.command.Console;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the {@code retort} command in this JVM with captured output and a given environment. */
final class Cli {

  private Cli() {}

  /**
   * What one run printed and returned.
   *
   * @param exitCode the exit code
   * @param out what it printed to standard output
   * @param err what it printed to standard error
   */
  record Run(int exitCode, String out, String err) {
    /** Both streams, for asserting that something appears in neither. */
    String all() {
      return out + err;
    }
  }

  /** Runs with an empty environment. */
  static Run run(String... args) {
    return run(Map.of(), args);
  }

  /** Runs with the given environment variables. */
  static Run run(Map<String, String> environment, String... args) {
    return run(environment, Cli.class.getClassLoader(), args);
  }

  /** Runs with the given environment variables, finding the migrations through the given class loader. */
  static Run run(Map<String, String> environment, ClassLoader migrations, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Console console = new Console(new PrintWriter(out, true), new PrintWriter(err, true), environment, migrations);
    int code = RetortCli.run(console, args);
    return new Run(code, out.toString(), err.toString());
  }
}
