package dev.retort.cli.command;

import dev.retort.cli.internal.Settings;
import java.time.Duration;
import java.util.Map;
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

  @Option(names = "--password", paramLabel = "PASSWORD", arity = "0..1", interactive = true,
      description = {"The password; without a value, it is asked for. Default: the environment variable "
          + Settings.PASSWORD_VARIABLE + ", which keeps it out of the process list."})
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
   * @throws IllegalArgumentException if a value is unusable
   */
  Settings settings(Map<String, String> environment) {
    return Settings.of(url, user, password, versionTable, schema, lockTimeout, environment);
  }

  /** Reads {@code --lock-timeout}. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return Settings.parseDuration(value);
    }
  }
}
