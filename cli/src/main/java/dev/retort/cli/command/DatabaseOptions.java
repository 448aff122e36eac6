package dev.retort.cli.command;

import dev.retort.cli.internal.Settings;
import dev.retort.runtime.internal.connect.SchemaSelection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

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
      description = "The schema holding the version table. Default: the current schema.")
  private String schema;

  @Option(names = "--current-schema", paramLabel = "NAME",
      description = {"The schema (MySQL/MariaDB: database) every command works in: the migrations' tables, the"
          + " version table and what check and entities read, such as a tenant's. Not on SQLite. Default: the"
          + " connection's own.",
          "Several, separated by commas or repeated, or a pattern such as tenant_* (* any characters, ? one, without"
              + " regard to case, matched against the database's schemas), run upgrade, downgrade, current, history,"
              + " check and stamp in each schema in turn, a pattern's matches sorted by name, and end with a summary;"
              + " a schema that fails does not stop the others, and the exit code is 1 if one failed. Offline scripts"
              + " then need --output-dir, for one script per schema."})
  private List<String> currentSchema;

  @Option(names = "--lock-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "How long to wait while another process migrates, such as 30s, 5m or PT5M. Default: 5m.")
  private Duration lockTimeout;

  @Option(names = "--unmanaged", paramLabel = "PATTERN", split = ",",
      description = {"A table, view or sequence that no migration manages, such as a library's own (qrtz_*): check"
          + " and the baseline leave it out unless the entities declare it, and entities writes no entity for it."
          + " A name or a glob (* any characters, ? one), without regard to case; schema.name for another schema."
          + " Repeat it or separate with commas."})
  private List<String> unmanaged;

  @Option(names = "--table-lock-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = {"How long a migration's statement waits for a lock on a table that another session uses before"
          + " the migration fails, such as 5s, so that queries on a busy table do not queue behind it. Default: as"
          + " long as the database's own setting says."})
  private Duration tableLockTimeout;

  @Option(names = "--table-lock-retries", paramLabel = "N",
      description = "How often a migration that waited longer than --table-lock-timeout is tried again, after"
          + " waiting as long. Default: 0.")
  private Integer tableLockRetries;

  /**
   * The settings: these options, else the environment. A password to be asked for is not in
   * them yet: see {@link #asksPassword()}.
   *
   * @param environment the environment variables
   * @throws IllegalArgumentException if a value is unusable
   */
  Settings settings(Map<String, String> environment) {
    return Settings.of(url, user, asksPassword() ? null : password, versionTable, schema, lockTimeout, unmanaged,
        tableLockTimeout, tableLockRetries, environment).withCurrentSchema(schemas().single().orElse(null));
  }

  /**
   * The schemas {@code --current-schema} names: one, which {@link #settings} makes current, or several.
   *
   * @throws IllegalArgumentException if a name between commas is blank
   */
  SchemaSelection schemas() {
    return SchemaSelection.of(currentSchema != null ? currentSchema : List.of());
  }

  /** Whether {@code --password} was given without a value, so that connecting asks for it. */
  boolean asksPassword() {
    return ASK.equals(password);
  }

  /** Reads {@code --lock-timeout}. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return Settings.parseDuration(value);
      } catch (IllegalArgumentException e) {
        // Picocli quotes this message alone; any other exception it shows with its class name.
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
