package dev.retort.cli.command;

import dev.retort.cli.RetortCli;
import dev.retort.cli.internal.Databases;
import dev.retort.cli.internal.Outcome;
import dev.retort.cli.internal.Report;
import dev.retort.cli.internal.Scope;
import dev.retort.cli.internal.ScriptDirectory;
import dev.retort.cli.internal.Secrets;
import dev.retort.cli.internal.Settings;
import dev.retort.cli.internal.TenantRun;
import dev.retort.operation.Vendor;
import dev.retort.runtime.CommandSyntax;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.SqlScript;
import dev.retort.runtime.internal.connect.SchemaSelection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
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

  /** Why one offline script refuses several schemas, and what to do instead. */
  static final String ONE_SCRIPT = "an offline script is for one schema: write one per schema into a directory with"
      + " --output-dir DIR";

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
    return open(connectable(settings), baselineOnUpgrade, line -> print(List.of(line)));
  }

  /** A Retort on settings already {@linkplain #connectable connectable}, printing each migration it runs. */
  private Retort open(Settings using, Optional<String> baselineOnUpgrade, Consumer<String> printer) {
    try {
      Retort retort = using.connect(console.classLoader(), CommandSyntax.CLI, run -> printer.accept(Report.run(run)),
          baselineOnUpgrade);
      connecting = true;
      return retort;
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  /** What a command that may work in several schemas does in one. */
  interface InSchema {
    /**
     * Runs the command.
     *
     * @param retort working in the schema
     * @param scope how its lines name the schema
     * @return its lines and how the summary counts it
     * @throws RetortException if the command fails
     */
    Outcome run(Retort retort, Scope scope);
  }

  /**
   * Runs a command that connects: in the current schema, or, when {@code --current-schema} names several schemas or
   * a pattern, in each of them in turn, going on past a schema that fails, and ending with a summary. The schemas
   * share one instance ({@link Retort#withCurrentSchema}), so that each migration is described once.
   *
   * @param settings the database settings
   * @param baselineOnUpgrade the revision an upgrade records on a database with tables but no version table
   * @param command the command's work in one schema
   * @return the exit code: {@value RetortCli#FAILED} if a schema failed, else {@value RetortCli#DIFFERENCES} if one
   *     differs from its revision's schema, else {@value RetortCli#OK}
   */
  int inEachSchema(Settings settings, Optional<String> baselineOnUpgrade, InSchema command) {
    SchemaSelection selection = database.schemas();
    if (!selection.several()) {
      Outcome outcome = command.run(connect(settings, baselineOnUpgrade), Scope.of(settings));
      print(outcome.lines());
      return outcome.kind() == Outcome.Kind.DIFFERS ? RetortCli.DIFFERENCES : RetortCli.OK;
    }
    settings.schema().ifPresent(schema -> {
      throw usage("--schema " + schema + " would keep one version table for every schema --current-schema names;"
          + " leave it out, so that each keeps its version table in its own schema");
    });
    Settings using = connectable(settings);
    TenantRun run = new TenantRun(line -> print(List.of(line)), line -> {
      console.err().println(mask("retort " + spec.name() + ": " + line));
      console.err().flush();
    });
    Retort retort = open(using, baselineOnUpgrade, run::print);
    List<String> schemas = retort.schemas(selection.entries().toArray(String[]::new));
    TenantRun.Summary summary =
        run.run(schemas, schema -> command.run(retort.withCurrentSchema(schema), Scope.tenant(using, schema)));
    print(List.of(summary.line(using.schemaKind())));
    if (!summary.failed().isEmpty()) {
      console.err().println(mask("retort " + spec.name() + ": database " + using.describe()));
      console.err().flush();
      return RetortCli.FAILED;
    }
    return summary.differs() ? RetortCli.DIFFERENCES : RetortCli.OK;
  }

  /**
   * Refuses several schemas or a pattern in {@code --current-schema}, for a command that works in one schema.
   *
   * @param why what the command writes or reads, and what to do instead
   */
  void requireOneSchema(String why) {
    SchemaSelection selection = database.schemas();
    if (selection.several()) {
      throw usage("--current-schema " + String.join(",", selection.entries()) + " names several schemas, but " + why);
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
   * Writes an offline script: one, printed or written to the {@code --output} file, or with {@code --output-dir} one
   * per schema that {@code --current-schema} names, each from where its version table says the schema is unless
   * {@code from} is given.
   *
   * @param settings the database settings
   * @param options the script's options
   * @param from the revision the script starts from, or {@code null} when not given
   * @param defaultFrom where one script starts when {@code from} is not given
   * @param script writes the script
   * @return the exit code
   */
  int script(Settings settings, ScriptOptions options, String from, String defaultFrom, ScriptDirectory.Script script) {
    if (options.outputDirectory == null) {
      requireOneSchema(ONE_SCRIPT);
      Vendor vendor = vendor(options, settings);
      return emit(script.write(offline(settings), from != null ? from : defaultFrom, vendor), options);
    }
    if (options.output != null) {
      throw usage("--output writes one script and --output-dir one per schema: give one of them");
    }
    if (database.schemas().entries().isEmpty()) {
      throw usage("--output-dir writes one script per schema that --current-schema names: give the schemas, such as"
          + " --current-schema 'tenant_*', or write one script with --output FILE");
    }
    ScriptDirectory directory =
        new ScriptDirectory(options.outputDirectory, vendor(options, settings), Optional.ofNullable(from), script);
    try {
      return inEachSchema(settings, Optional.empty(),
          (retort, scope) -> directory.write(retort, scope.schema().orElseThrow()));
    } catch (UncheckedIOException e) {
      return stopped(e.getMessage() + ". Give --output-dir a directory where you may write");
    } catch (IllegalArgumentException e) {
      return stopped(e.getMessage());
    }
  }

  /** Stops a run of scripts per schema, whose scripts written so far are complete. */
  private int stopped(String why) {
    console.err().println(mask("retort " + spec.name() + ": " + why + ". The scripts written before it are"
        + " complete."));
    console.err().flush();
    return RetortCli.FAILED;
  }

  /**
   * Prints a script, or writes it to the {@code --output} file.
   *
   * @return the exit code
   */
  private int emit(SqlScript script, ScriptOptions options) {
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
    print(List.of(Report.scriptWritten(script, options.output)));
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
