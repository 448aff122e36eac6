package dev.retort.cli.command;

import dev.retort.cli.internal.Settings;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** The options that say which database to use and how, shared by every command. */
final class DatabaseOptions {

  @Option(names = "--url", paramLabel = "JDBC_URL",
      description = "The database's JDBC URL. Default: the environment variable " + Settings.URL_VARIABLE + ".")
  private String url;

  @Option(names = "--user", paramLabel = "NAME",
      description = "The user name. Default: the environment variable " + Settings.USER_VARIABLE + ".")
  private String user;

  /**
   * What {@code --password} holds when given without a value. Picocli's own interactive options
   * print their prompt on standard output, into what a script captures; {@link RetortCommand}
   * asks on standard error instead.
   */
  static final String ASK = "\u0000ask";

  @Option(names = "--password", paramLabel = "PASSWORD", arity = "0..1", fallbackValue = ASK,
      description = {"The password; without a value, it is asked for (or read from standard input). Default: the"
          + " environment variable " + Settings.PASSWORD_VARIABLE + ", which keeps it out of the process list."})
  private String password;

  @Option(names = "--version-table", paramLabel = "NAME",
      description = "The version table's name. Default: retort_version.")
  private String versionTable;

  @Option(names = "--schema", paramLabel = "NAME",
      description = "The schema holding the version table. Default: the connection's own.")
  private String schema;

  @Option(names = "--lock-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "How long to wait while another process migrates, such as 30s, 5m or PT5M. Default: 5m.")
  private Duration lockTimeout;

  /**
   * The settings: these options, else the environment.
   *
   * @param environment the environment variables
   * @param ask asks for the password with a prompt, when {@code --password} was given without a value
   * @throws IllegalArgumentException if a value is unusable
   */
  Settings settings(Map<String, String> environment, Function<String, String> ask) {
    String given = password;
    if (ASK.equals(password)) {
      String who = user != null && !user.isBlank() ? user : environment.getOrDefault(Settings.USER_VARIABLE, "");
      given = ask.apply(who.isBlank() ? "Password: " : "Password for " + who.strip() + ": ");
    }
    return Settings.of(url, user, given, versionTable, schema, lockTimeout, environment);
  }

  /** Reads {@code --lock-timeout}. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return Settings.parseDuration(value);
    }
  }
}
