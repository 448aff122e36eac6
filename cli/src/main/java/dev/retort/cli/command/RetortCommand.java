package dev.retort.cli.command;

import dev.retort.cli.RetortCli;
import dev.retort.cli.internal.Databases;
import dev.retort.cli.internal.Report;
import dev.retort.cli.internal.Secrets;
import dev.retort.cli.internal.Settings;
import dev.retort.operation.Vendor;
import dev.retort.runtime.CommandSyntax;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.SqlScript;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every command shares: the database options, turning them into a {@link Retort}, and
 * turning a {@link RetortException} into its message and exit code {@value RetortCli#FAILED}.
 * Everything printed passes through the settings' password mask.
 */
abstract class RetortCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  DatabaseOptions database;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  final Console console;

  /** Whether this command has configured a connection, so that its failures name the database. */
  private boolean connecting;

  /** The passwords to mask in what the command prints, the one asked for included once known. */
  private Secrets secrets = Secrets.of();

  RetortCommand(Console console) {
    this.console = Objects.requireNonNull(console, "console == null");
  }

  @Override
  public final Integer call() {
    Settings settings;
    try {
      settings = database.settings(console.environment());
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    secrets = settings.secrets();
    try {
      return execute(settings);
    } catch (RetortException e) {
      console.err().println(secrets.mask("retort " + spec.name() + ": " + e.getMessage()));
      if (connecting) {
        // The URL may come from the environment: say which database, as the Maven goals log it.
        console.err().println(secrets.mask("retort " + spec.name() + ": database " + settings.describe()));
      }
      console.err().flush();
      return RetortCli.FAILED;
    }
  }

  /**
   * Asks for the password: on the terminal without echo when there is one, else as a line of
   * standard input, with the prompt on standard error so that standard output holds only what the
   * command prints. (Without a terminal, a password typed by hand is echoed.)
   */
  private String askPassword(String prompt) {
    java.io.Console terminal = System.console();
    if (terminal != null) {
      char[] typed = terminal.readPassword("%s", prompt);
      if (typed != null) {
        return new String(typed);
      }
    } else {
      console.err().print(prompt);
      console.err().flush();
      try {
        String line = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())).readLine();
        if (line != null) {
          return line;
        }
      } catch (IOException e) {
        throw usage("--password without a value reads the password, but standard input cannot be read ("
            + e.getMessage() + "). Set " + Settings.PASSWORD_VARIABLE + " instead.");
      }
    }
    throw usage("--password without a value reads the password, but standard input is at its end. Type it, pipe it"
        + " in, or set " + Settings.PASSWORD_VARIABLE + " instead.");
  }

  /**
   * Runs the command.
   *
   * @param settings the database settings
   * @return the exit code
   * @throws RetortException if the command fails
   */
  abstract int execute(Settings settings);

  /**
   * A Retort connected to the configured database, which prints each migration an upgrade or
   * downgrade runs as soon as it is recorded; a usage error if none is configured.
   */
  Retort connect(Settings settings) {
    return connect(settings, Optional.empty());
  }

  /**
   * A Retort connected to the configured database, as {@link #connect(Settings)}, whose upgrade
   * records a baseline on a database with tables but no version table.
   */
  Retort connect(Settings settings, Optional<String> baselineOnUpgrade) {
    Settings using = connectable(settings);
    try {
      Retort retort = using.connect(console.classLoader(), CommandSyntax.CLI, run -> print(List.of(Report.run(run))),
          baselineOnUpgrade);
      connecting = true;
      return retort;
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  /**
   * The settings with a URL and, if {@code --password} was given without a value, the password
   * asked for; a usage error if no database is configured.
   */
  Settings connectable(Settings settings) {
    if (settings.url().isEmpty()) {
      throw usage("no database: give --url JDBC_URL or set the environment variable " + Settings.URL_VARIABLE);
    }
    Settings using = settings;
    if (database.asksPassword()) {
      // Asked only now, once the command line has proved right and the command is to connect.
      using = settings.withPassword(askPassword(
          settings.user().isBlank() ? "Password: " : "Password for " + settings.user().strip() + ": "));
      secrets = using.secrets();
    }
    return using;
  }

  /** Marks the command as connected, so that its failures name the database. */
  void connected() {
    connecting = true;
  }

  /** A Retort for commands that never connect. */
  Retort offline(Settings settings) {
    try {
      return settings.offline(console.classLoader(), CommandSyntax.CLI);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  /** The text with the passwords masked. */
  String mask(String text) {
    return secrets.mask(text);
  }

  /** Prints lines to standard output, passwords masked. */
  void print(List<String> lines) {
    lines.forEach(line -> console.out().println(secrets.mask(line)));
    console.out().flush();
  }

  /** A usage error (exit code {@value RetortCli#USAGE}) with a message. */
  ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** The database an offline script is for: {@code --dialect}, else the one the URL points at. */
  Vendor vendor(ScriptOptions script, Settings settings) {
    if (script.dialect != null) {
      try {
        return Databases.parse(script.dialect);
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
    }
    return settings.url().flatMap(Databases::fromUrl).orElseThrow(() -> usage(
        "which database is the script for? Give --dialect with one of " + Databases.NAMES
            + (settings.url().isPresent() ? " (the URL names no database Retort knows)" : "")));
  }

  /**
   * Prints a script, or writes it to the {@code --output} file.
   *
   * @return the exit code
   */
  int emit(SqlScript script, ScriptOptions options) {
    if (options.output == null) {
      console.out().print(script.text());
      console.out().flush();
      return RetortCli.OK;
    }
    try {
      Path directory = options.output.toAbsolutePath().getParent();
      if (directory != null) {
        Files.createDirectories(directory);
      }
      Files.writeString(options.output, script.text(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      console.err().println("retort " + spec.name() + ": cannot write the script to " + options.output + ": "
          + reason(e) + ". Give --output a file where you may write, or leave it out to print the script.");
      console.err().flush();
      return RetortCli.FAILED;
    }
    print(List.of("Wrote the " + Databases.name(script.vendor()) + " script from " + script.from() + " to "
        + script.to() + " (" + script.statements().size() + " statements) to " + options.output + "."));
    return RetortCli.OK;
  }

  /** Why a file could not be written, in words rather than an exception's class name. */
  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied on " + e.getMessage();
    }
    if (e instanceof FileAlreadyExistsException) {
      return e.getMessage() + " exists and is not a directory";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory: " + e.getMessage();
    }
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }
}
