package dev.retort.cli.internal;

import dev.retort.runtime.CommandSyntax;
import dev.retort.runtime.MigrationRun;
import dev.retort.runtime.Retort;
import dev.retort.runtime.internal.Unmanaged;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Where and how the commands reach the database: the JDBC URL and credentials, the version
 * table and the lock timeout. Values given explicitly (command-line options, Maven parameters)
 * win over the environment variables {@value #URL_VARIABLE}, {@value #USER_VARIABLE} and
 * {@value #PASSWORD_VARIABLE}.
 *
 * @param url the JDBC URL; empty when none is configured, which only offline commands accept
 * @param user the user name; empty for none
 * @param password the password; empty for none. Never printed: see {@link #secrets()}
 * @param versionTable the version table's name
 * @param schema the schema holding the version table; empty for the current schema
 * @param currentSchema the schema every command works in ({@link Retort.Builder#currentSchema}); empty for the
 *     connection's own
 * @param lockTimeout how long to wait for another process's migration lock
 * @param unmanaged the names or globs of the database objects no migration manages
 *     ({@link Retort.Builder#unmanaged})
 * @param tableLockTimeout how long a migration's statement waits for a lock on a table in use
 *     ({@link Retort.Builder#tableLockTimeout}); empty for the database's own setting
 * @param tableLockRetries how often a migration that waited too long is tried again
 *     ({@link Retort.Builder#tableLockRetries})
 * @param singleTransaction whether {@code upgrade} and {@code downgrade} run all their migrations in one transaction
 *     ({@link Retort.Builder#singleTransaction})
 */
public record Settings(
    Optional<String> url, String user, String password, String versionTable, Optional<String> schema,
    Optional<String> currentSchema, Duration lockTimeout, List<String> unmanaged, Optional<Duration> tableLockTimeout,
    int tableLockRetries, boolean singleTransaction) {

  /** The environment variable holding the JDBC URL. */
  public static final String URL_VARIABLE = "DATABASE_URL";
  /** The environment variable holding the user name. */
  public static final String USER_VARIABLE = "DATABASE_USER";
  /** The environment variable holding the password. */
  public static final String PASSWORD_VARIABLE = "DATABASE_PASSWORD";

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|min|h)?");

  /** Validates the components. */
  public Settings {
    Objects.requireNonNull(url, "url == null");
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(password, "password == null");
    Objects.requireNonNull(versionTable, "versionTable == null");
    Objects.requireNonNull(schema, "schema == null");
    Objects.requireNonNull(lockTimeout, "lockTimeout == null");
    if (url.isPresent() && !url.get().startsWith("jdbc:")) {
      throw new IllegalArgumentException("'" + Secrets.of(password).mask(url.get()) + "' is not a JDBC URL; use one"
          + " such as jdbc:postgresql://localhost:5432/app, jdbc:mariadb://localhost:3306/app or jdbc:h2:./app");
    }
    if (versionTable.isBlank()) {
      throw new IllegalArgumentException("the version table name is blank; leave it out for the default "
          + Retort.DEFAULT_VERSION_TABLE);
    }
    if (schema.isPresent() && schema.get().isBlank()) {
      throw new IllegalArgumentException("the schema name is blank; leave it out for the connection's own schema");
    }
    Objects.requireNonNull(currentSchema, "currentSchema == null");
    if (currentSchema.isPresent() && currentSchema.get().isBlank()) {
      throw new IllegalArgumentException("the current schema name is blank; leave it out for the connection's own"
          + " schema");
    }
    if (lockTimeout.isNegative() || lockTimeout.isZero()) {
      throw new IllegalArgumentException("the lock timeout must be positive, not " + lockTimeout);
    }
    unmanaged = Unmanaged.of(unmanaged).patterns();
    Objects.requireNonNull(tableLockTimeout, "tableLockTimeout == null");
    if (tableLockTimeout.isPresent() && (tableLockTimeout.get().isNegative() || tableLockTimeout.get().isZero())) {
      throw new IllegalArgumentException("the table lock timeout must be positive, not " + tableLockTimeout.get());
    }
    if (tableLockRetries < 0) {
      throw new IllegalArgumentException("the table lock retries must be 0 or more, not " + tableLockRetries);
    }
  }

  /**
   * Combines explicit values with the environment.
   *
   * @param url the JDBC URL, or null to read {@value #URL_VARIABLE}
   * @param user the user name, or null to read {@value #USER_VARIABLE}
   * @param password the password, or null to read {@value #PASSWORD_VARIABLE}
   * @param versionTable the version table's name, or null for {@value Retort#DEFAULT_VERSION_TABLE}
   * @param schema the version table's schema, or null for the connection's own
   * @param lockTimeout the lock timeout, or null for {@link Retort#DEFAULT_LOCK_TIMEOUT}
   * @param unmanaged the unmanaged objects' names or globs, or null for none
   * @param tableLockTimeout the table lock timeout, or null for the database's own
   * @param tableLockRetries the table lock retries, or null for none
   * @param environment the environment variables, such as {@link System#getenv()}
   * @return the settings
   * @throws IllegalArgumentException if a value is unusable
   */
  public static Settings of(
      String url, String user, String password, String versionTable, String schema, Duration lockTimeout,
      List<String> unmanaged, Duration tableLockTimeout, Integer tableLockRetries, Map<String, String> environment) {
    Objects.requireNonNull(environment, "environment == null");
    String resolvedUrl = given(url) ? url.strip() : environment.get(URL_VARIABLE);
    return new Settings(
        given(resolvedUrl) ? Optional.of(resolvedUrl.strip()) : Optional.empty(),
        given(user) ? user : withoutLineEnd(environment.getOrDefault(USER_VARIABLE, "")),
        password != null ? password : withoutLineEnd(environment.getOrDefault(PASSWORD_VARIABLE, "")),
        given(versionTable) ? versionTable.strip() : Retort.DEFAULT_VERSION_TABLE,
        given(schema) ? Optional.of(schema.strip()) : Optional.empty(), Optional.empty(),
        lockTimeout != null ? lockTimeout : Retort.DEFAULT_LOCK_TIMEOUT,
        unmanaged != null ? unmanaged : List.of(), Optional.ofNullable(tableLockTimeout),
        tableLockRetries != null ? tableLockRetries : 0, false);
  }

  /**
   * An environment value without the line end it may carry: a variable read from a file with
   * Windows line ends ({@code .env}, {@code docker --env-file}) keeps its {@code \r}, and one
   * read from a secret file often keeps its {@code \n}; neither belongs to a user name or a
   * password, and the database would only say that the login failed.
   */
  private static String withoutLineEnd(String value) {
    int end = value.length();
    while (end > 0 && (value.charAt(end - 1) == '\r' || value.charAt(end - 1) == '\n')) {
      end--;
    }
    return value.substring(0, end);
  }

  private static boolean given(String value) {
    return value != null && !value.isBlank();
  }

  /**
   * Reads a duration: a number with a unit ({@code 500ms}, {@code 30s}, {@code 5m} or
   * {@code 5min}, {@code 1h}), a number of seconds, or ISO-8601 ({@code PT5M}).
   *
   * @param text the duration
   * @return the duration
   * @throws IllegalArgumentException if the text is none of those
   */
  public static Duration parseDuration(String text) {
    String value = Objects.requireNonNull(text, "text == null").strip().toLowerCase(Locale.ROOT);
    Matcher matcher = DURATION.matcher(value);
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      String unit = matcher.group(2) == null ? "s" : matcher.group(2);
      switch (unit) {
        case "ms":
          return Duration.ofMillis(amount);
        case "s":
          return Duration.ofSeconds(amount);
        case "m":
        case "min":
          return Duration.ofMinutes(amount);
        default:
          return Duration.ofHours(amount);
      }
    }
    try {
      return Duration.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a duration; write it as 30s, 5m, 1h, 500ms or PT5M", e);
    }
  }

  /**
   * These settings with another password, such as one asked for on the terminal.
   *
   * @param newPassword the password
   * @return the settings
   */
  public Settings withPassword(String newPassword) {
    return new Settings(url, user, newPassword, versionTable, schema, currentSchema, lockTimeout, unmanaged,
        tableLockTimeout, tableLockRetries, singleTransaction);
  }

  /**
   * These settings with every command working in a schema ({@link Retort.Builder#currentSchema}).
   *
   * @param name the schema, or null or blank for the connection's own
   * @return the settings
   */
  public Settings withCurrentSchema(String name) {
    return new Settings(url, user, password, versionTable, schema,
        given(name) ? Optional.of(name.strip()) : Optional.empty(), lockTimeout, unmanaged, tableLockTimeout,
        tableLockRetries, singleTransaction);
  }

  /**
   * These settings with {@code upgrade} and {@code downgrade} running all their migrations in one transaction, or
   * one per migration ({@link Retort.Builder#singleTransaction}).
   *
   * @param single whether to
   * @return the settings
   */
  public Settings withSingleTransaction(boolean single) {
    return new Settings(url, user, password, versionTable, schema, currentSchema, lockTimeout, unmanaged,
        tableLockTimeout, tableLockRetries, single);
  }

  /** Masks the password, and any password written into the URL, in text about to be printed. */
  public Secrets secrets() {
    return Secrets.of(password);
  }

  /**
   * The database as output names it: the URL with passwords masked, the user, and the current schema when one is
   * set, so that a loop over tenants says which tenant each command worked in.
   */
  public String describe() {
    String shown = url.map(u -> secrets().mask(u)).orElse("(no database URL)");
    String as = user.isEmpty() ? shown : shown + " as " + user;
    return place().map(place -> as + ", in " + place).orElse(as);
  }

  /**
   * What a current schema is on this database, read from the URL since nothing connects here: {@code database} on
   * MySQL and MariaDB, {@code schema} elsewhere.
   */
  public String schemaKind() {
    boolean databases = url.filter(u -> u.startsWith("jdbc:mariadb:") || u.startsWith("jdbc:mysql:")).isPresent();
    return databases ? "database" : "schema";
  }

  /** The current schema as output names it, such as {@code schema tenant_acme}; empty for the connection's own. */
  public Optional<String> place() {
    return currentSchema.map(name -> schemaKind() + " " + name);
  }

  /**
   * The data source the commands connect through, for what Retort does not read itself, such as the schemas a
   * pattern matches.
   *
   * @param loader finds the JDBC driver
   * @return the data source; nothing connects yet
   * @throws IllegalStateException if no URL is configured
   */
  public DataSource dataSource(ClassLoader loader) {
    String jdbcUrl = url.orElseThrow(() -> new IllegalStateException("no database URL is configured"));
    return new DriverDataSource(jdbcUrl, user, password, loader);
  }

  /**
   * Creates the {@link Retort} for this database. Nothing connects yet.
   *
   * @param loader finds the migrations' revision index and snapshots, and the JDBC driver
   * @param syntax how its messages write the commands they advise: the front end's own
   * @param progress told of each migration as it is recorded, to print it
   * @return the instance
   * @throws IllegalStateException if no URL is configured
   * @throws dev.retort.runtime.RetortException if the migrations cannot be loaded
   */
  public Retort connect(ClassLoader loader, CommandSyntax syntax, Consumer<MigrationRun> progress) {
    return connect(loader, syntax, progress, Optional.empty());
  }

  /**
   * Creates the {@link Retort} for this database, for an {@code upgrade} that may record a
   * baseline first ({@link Retort.Builder#baselineOnUpgrade}). Nothing connects yet.
   *
   * @param loader finds the migrations' revision index and snapshots, and the JDBC driver
   * @param syntax how its messages write the commands they advise: the front end's own
   * @param progress told of each migration as it is recorded, to print it
   * @param baselineOnUpgrade the revision an upgrade records on a database with tables but no
   *     version table, if they match it; empty for none
   * @return the instance
   * @throws IllegalStateException if no URL is configured
   * @throws dev.retort.runtime.RetortException if the migrations cannot be loaded, or the
   *     baseline names no revision of them
   */
  public Retort connect(
      ClassLoader loader, CommandSyntax syntax, Consumer<MigrationRun> progress, Optional<String> baselineOnUpgrade) {
    Retort.Builder builder = Retort.builder().dataSource(dataSource(loader)).progress(progress);
    baselineOnUpgrade.ifPresent(builder::baselineOnUpgrade);
    return configure(builder, loader, syntax);
  }

  /**
   * Creates a {@link Retort} for the commands that never connect: {@code heads}, {@code show}
   * and offline {@code sql}.
   *
   * @param loader finds the migrations' revision index and snapshots
   * @param syntax how its messages write the commands they advise: the front end's own
   * @return the instance; any attempt to connect fails
   */
  public Retort offline(ClassLoader loader, CommandSyntax syntax) {
    return configure(Retort.builder().offline(), loader, syntax);
  }

  private Retort configure(Retort.Builder builder, ClassLoader loader, CommandSyntax syntax) {
    builder.classLoader(loader).versionTable(versionTable).lockTimeout(lockTimeout).commandSyntax(syntax)
        .unmanaged(unmanaged.toArray(String[]::new)).tableLockRetries(tableLockRetries)
        .singleTransaction(singleTransaction);
    schema.ifPresent(builder::schema);
    currentSchema.ifPresent(builder::currentSchema);
    tableLockTimeout.ifPresent(builder::tableLockTimeout);
    return builder.build();
  }
}
