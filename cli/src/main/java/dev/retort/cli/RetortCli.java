package dev.retort.cli;

import dev.retort.cli.command.CheckCommand;
import dev.retort.cli.command.Console;
import dev.retort.cli.command.CurrentCommand;
import dev.retort.cli.command.DowngradeCommand;
import dev.retort.cli.command.EntitiesCommand;
import dev.retort.cli.command.HeadsCommand;
import dev.retort.cli.command.HistoryCommand;
import dev.retort.cli.command.MergeCommand;
import dev.retort.cli.command.RevisionCommand;
import dev.retort.cli.command.ShowCommand;
import dev.retort.cli.command.SqlCommand;
import dev.retort.cli.command.StampCommand;
import dev.retort.cli.command.UpgradeCommand;
import dev.retort.cli.internal.Secrets;
import dev.retort.cli.internal.Settings;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code retort} command: Alembic's commands for a Java application's migrations, run
 * with the application's class path so that the migrations' revision index and the JDBC
 * driver are found:
 *
 * <pre>
 * java -cp app.jar:retort-cli.jar:… dev.retort.cli.RetortCli upgrade head --url jdbc:postgresql://db/app
 * </pre>
 *
 * <p>{@code revision} and {@code merge}, which start a new migration, read the project's source
 * files instead (by default {@code src/main/java} under the working directory) and need a JDK.
 * {@code entities} reads a database that exists and writes its {@code @Table} entities there.
 *
 * <p>An application that ships as one jar can delegate to {@link #run(String...)} from its own
 * main method. Exit codes: {@value #OK} success, {@value #FAILED} the command failed,
 * {@value #USAGE} the command line is wrong, {@value #DIFFERENCES} {@code check} found the
 * database differing from its revision's schema.
 */
@Command(
    name = "retort",
    mixinStandardHelpOptions = true,
    versionProvider = RetortCli.Version.class,
    description = {"Applies the application's Retort migrations and answers questions about the database.",
        "revision and merge start a new migration in the project's source tree; entities writes the @Table"
            + " entities of a database that exists."},
    synopsisSubcommandLabel = "COMMAND",
    footerHeading = "%nDatabase:%n",
    footer = {
        "Every command that reads the database takes --url, --user and --password, or",
        "reads the environment variables " + Settings.URL_VARIABLE + ", " + Settings.USER_VARIABLE + " and",
        Settings.PASSWORD_VARIABLE + ". Passwords are never printed.",
        "",
        "Exit codes:",
        "  0  the command succeeded",
        "  1  the command failed; the message says why and what to do",
        "  2  the command line is wrong (unknown command or option, missing argument)",
        "  3  check found the database differing from its revision's schema"})
public final class RetortCli implements Runnable {

  /** Exit code: the command succeeded. */
  public static final int OK = 0;
  /** Exit code: the command failed, such as a migration error or an unreachable database. */
  public static final int FAILED = 1;
  /** Exit code: the command line is wrong. */
  public static final int USAGE = 2;
  /** Exit code: {@code check} found the database differing from its revision's schema. */
  public static final int DIFFERENCES = 3;

  @Spec
  private CommandSpec spec;

  private final Console console;

  private RetortCli(Console console) {
    this.console = console;
  }

  /**
   * Runs a command and exits the JVM with its exit code.
   *
   * @param args the command line, such as {@code upgrade head}
   */
  public static void main(String... args) {
    System.exit(run(args));
  }

  /**
   * Runs a command, printing to standard output and error, with the environment variables of
   * this process and the migrations found by the thread's context class loader. For an
   * application's own main method: {@code System.exit(RetortCli.run(args))}.
   *
   * <p>Both streams are UTF-8, whatever the platform's default charset: an offline script is
   * UTF-8 and says so to the database's client, and Java 18 and later print UTF-8 anyway.
   *
   * @param args the command line, such as {@code upgrade head}
   * @return the exit code
   */
  public static int run(String... args) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    return run(new Console(out, err, System.getenv(), loader != null ? loader : RetortCli.class.getClassLoader()),
        args);
  }

  /**
   * Runs a command in a given console.
   *
   * @param console where to print, the environment, and the class loader holding the migrations
   * @param args the command line
   * @return the exit code
   */
  public static int run(Console console, String... args) {
    Objects.requireNonNull(console, "console == null");
    Objects.requireNonNull(args, "args == null");
    CommandLine commandLine = new CommandLine(new RetortCli(console))
        .addSubcommand(new UpgradeCommand(console))
        .addSubcommand(new DowngradeCommand(console))
        .addSubcommand(new CurrentCommand(console))
        .addSubcommand(new HistoryCommand(console))
        .addSubcommand(new HeadsCommand(console))
        .addSubcommand(new ShowCommand(console))
        .addSubcommand(new StampCommand(console))
        .addSubcommand(new CheckCommand(console))
        .addSubcommand(new SqlCommand(console))
        .addSubcommand(new RevisionCommand(console))
        .addSubcommand(new MergeCommand(console))
        .addSubcommand(new EntitiesCommand(console));
    Set<String> optionNames = optionNames(commandLine);
    Secrets secrets = secretsIn(args, optionNames, console.environment());
    commandLine.setOut(console.out());
    commandLine.setErr(console.err());
    commandLine.setParameterExceptionHandler((ex, arguments) -> usageError(ex, secrets, optionNames));
    commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
      cmd.getErr().println(secrets.mask(cmd.getCommandName() + " failed: " + messages(ex)));
      cmd.getErr().flush();
      return FAILED;
    });
    int code = commandLine.execute(args);
    console.out().flush();
    console.err().flush();
    return code;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: give one of "
        + String.join(", ", spec.subcommands().keySet()));
  }

  /** Flyway's commands that have a Retort command doing the same, for users who type them. */
  private static final Map<String, String> FLYWAY_COMMANDS = Map.of(
      "migrate", "upgrade",
      "info", "history",
      "validate", "check",
      "baseline", "stamp",
      "repair", "stamp",
      "undo", "downgrade");

  private static int usageError(ParameterException ex, Secrets secrets, Set<String> optionNames) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(secrets.mask("retort: " + ex.getMessage()));
    if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
      err.println("Did you mean: " + String.join(" or ", unmatched.getSuggestions()) + "?");
    }
    if (ex instanceof UnmatchedArgumentException unmatched && cmd.getParent() == null) {
      // Flyway's command line takes its options first (flyway -url=... migrate); this one after the command.
      unmatched.getUnmatched().stream()
          .map(argument -> argument.split("=", 2)[0])
          .filter(name -> optionNames.contains(name) && !cmd.getCommandSpec().optionsMap().containsKey(name))
          .findFirst()
          .ifPresentOrElse(name -> err.println("Options follow the command: retort COMMAND " + name + " ..."),
              () -> unmatched.getUnmatched().stream()
                  .map(argument -> "-" + argument.split("=", 2)[0])
                  .filter(optionNames::contains)
                  .findFirst()
                  .ifPresent(name -> err.println("Options follow the command, with two dashes: retort COMMAND "
                      + name + " ...")));
      unmatched.getUnmatched().stream()
          .filter(FLYWAY_COMMANDS::containsKey)
          .findFirst()
          .ifPresent(command -> err.println("Flyway's " + command + " is retort " + FLYWAY_COMMANDS.get(command) + "."));
    }
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return USAGE;
  }

  /**
   * The passwords on the command line and in the environment, to mask in every message. After
   * {@code --password}, an option's name is the next option, not the password (which is then
   * asked for).
   */
  private static Secrets secretsIn(String[] args, Set<String> optionNames, Map<String, String> environment) {
    List<String> passwords = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--password") && i + 1 < args.length
          && !optionNames.contains(args[i + 1].split("=", 2)[0])) {
        passwords.add(args[i + 1]);
      } else if (args[i].startsWith("--password=")) {
        passwords.add(args[i].substring("--password=".length()));
      }
    }
    passwords.add(environment.getOrDefault(Settings.PASSWORD_VARIABLE, ""));
    return Secrets.of(passwords.toArray(String[]::new));
  }

  /** The names of every command's options, such as {@code --url}. */
  private static Set<String> optionNames(CommandLine commandLine) {
    Set<String> names = new HashSet<>(commandLine.getCommandSpec().optionsMap().keySet());
    commandLine.getSubcommands().values()
        .forEach(command -> names.addAll(command.getCommandSpec().optionsMap().keySet()));
    return names;
  }

  /** An exception's message and its causes', for an error line. */
  private static String messages(Throwable e) {
    StringBuilder text = new StringBuilder(String.valueOf(e.getMessage() != null ? e.getMessage() : e.toString()));
    for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
        text.append(": ").append(cause.getMessage());
      }
    }
    return text.toString();
  }

  /** The version of the retort-cli jar, from its manifest. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = RetortCli.class.getPackage().getImplementationVersion();
      return new String[] {"retort " + (version != null ? version : "(development build)")};
    }
  }
}
