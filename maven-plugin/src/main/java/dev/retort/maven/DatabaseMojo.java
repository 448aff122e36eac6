package dev.retort.maven;

import dev.retort.cli.internal.Outcome;
import dev.retort.cli.internal.Report;
import dev.retort.cli.internal.Scope;
import dev.retort.cli.internal.Settings;
import dev.retort.cli.internal.TenantRun;
import dev.retort.index.RevisionIndexFile;
import dev.retort.runtime.CommandSyntax;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.internal.connect.SchemaSelection;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * What the goals that run the project's migrations share: the database parameters, a class
 * loader over the project's compiled classes and runtime dependencies (where the revision
 * index, the snapshots and the JDBC driver are), and the translation of a failed command into
 * a build failure. Everything logged passes through the password mask.
 *
 * <p>Each parameter is read from the plugin's configuration in the POM, else from the
 * {@code -Dretort.*} property named below, else (for the connection) from the environment
 * variables {@code DATABASE_URL}, {@code DATABASE_USER} and {@code DATABASE_PASSWORD}.
 *
 * <p>The URL and the password are injected as raw configuration and evaluated here, not as
 * strings: Maven's debug output ({@code mvn -X}) prints the value of every parameter it sets,
 * and for these it then prints the configuration element, such as
 * {@code <password>${retort.password}</password>}, instead of the password.
 */
abstract class DatabaseMojo extends AbstractMojo {

  /** The project whose migrations run. */
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** This goal's execution, to name the goal in messages. */
  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  MojoExecution execution;

  /** The build, to evaluate the URL and the password. */
  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  /**
   * The database's JDBC URL; a password written into it is never printed. Default: the
   * environment variable {@code DATABASE_URL}.
   */
  @Parameter(property = "retort.url")
  PlexusConfiguration url;

  /** The user name. Default: the environment variable {@code DATABASE_USER}. */
  @Parameter(property = "retort.user")
  String user;

  /** The password; never printed. Default: the environment variable {@code DATABASE_PASSWORD}. */
  @Parameter(property = "retort.password")
  PlexusConfiguration password;

  /** The version table's name. Default: {@code retort_version}. */
  @Parameter(property = "retort.versionTable")
  String versionTable;

  /** The schema holding the version table. Default: the current schema. */
  @Parameter(property = "retort.schema")
  String schema;

  /**
   * The schema (MySQL and MariaDB: database) every goal works in: the migrations' tables, the version table and
   * what {@code check} reads, such as a tenant's. Not on SQLite. Default: the connection's own. Several, separated by
   * commas, or a pattern such as {@code tenant_*} ({@code *} any characters, {@code ?} one, without regard to case,
   * matched against the database's schemas) run {@code upgrade}, {@code downgrade}, {@code current},
   * {@code history}, {@code check} and {@code stamp} in each schema in turn, a pattern's matches sorted by name; a
   * schema that fails does not stop the others, and fails the build at the end. {@code sql} then writes one script
   * per schema, into {@code retort.outputDirectory}.
   */
  @Parameter(property = "retort.currentSchema")
  String currentSchema;

  /** How long to wait while another process migrates, such as {@code 30s}, {@code 5m} or {@code PT5M}. Default: 5m. */
  @Parameter(property = "retort.lockTimeout")
  String lockTimeout;

  /**
   * The tables, views and sequences that no migration manages, such as a library's own: names or globs ({@code *}
   * any characters, {@code ?} one), without regard to case, {@code schema.name} for another schema. {@code check}
   * and the baseline leave them out unless the entities declare them, and {@code entities} writes no entity for them.
   * In the POM {@code <unmanaged><pattern>qrtz_*</pattern></unmanaged>}; on the command line
   * {@code -Dretort.unmanaged=qrtz_*,shedlock}.
   */
  @Parameter(property = "retort.unmanaged")
  List<String> unmanaged;

  /**
   * How long a migration's statement waits for a lock on a table that another session uses before the migration
   * fails, such as {@code 5s}. Default: as long as the database's own setting says.
   */
  @Parameter(property = "retort.tableLockTimeout")
  String tableLockTimeout;

  /** How often a migration that waited longer than the table lock timeout is tried again. Default: 0. */
  @Parameter(property = "retort.tableLockRetries")
  Integer tableLockRetries;

  /**
   * Whether {@code upgrade} and {@code downgrade} run all their migrations in one transaction, their version rows
   * included, so that a failing one leaves none of them, and {@code sql} writes its script as one transaction.
   * PostgreSQL and SQLite only. Default: one transaction per migration.
   */
  @Parameter(property = "retort.singleTransaction", defaultValue = "false")
  boolean singleTransaction;

  /** Skips the goal. */
  @Parameter(property = "retort.skip", defaultValue = "false")
  boolean skip;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping retort:" + execution.getGoal() + " in " + project.getArtifactId() + ": skip is set.");
      return;
    }
    Settings settings = settings();
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader loader = projectClassLoader()) {
      if (needsMigrations() && loader.getResource(RevisionIndexFile.RESOURCE) == null && withoutMigrations()) {
        return;
      }
      thread.setContextClassLoader(loader);
      run(settings, loader);
    } catch (RetortException e) {
      // Without the cause: its messages come from the driver and may quote the URL unmasked.
      throw new MojoFailureException("retort:" + execution.getGoal() + " failed: " + settings.secrets().mask(
          e.getMessage()));
    } catch (IOException e) {
      throw new MojoExecutionException("Could not close the project's class loader: " + e.getMessage(), e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /**
   * Runs the goal.
   *
   * @param settings the database settings
   * @param loader the project's classes and runtime dependencies
   * @throws RetortException if the command fails
   * @throws MojoExecutionException if the goal is configured wrongly
   * @throws MojoFailureException if the goal finds what fails the build, such as drift
   */
  abstract void run(Settings settings, ClassLoader loader) throws MojoExecutionException, MojoFailureException;

  /**
   * Whether the goal needs the project's migrations on its class path, and fails without them;
   * true but for {@code entities}, which writes the entities a project starts from.
   */
  boolean needsMigrations() {
    return true;
  }

  /** A Retort connected to the configured database, which logs each migration it runs as soon as it is recorded. */
  Retort connect(Settings settings, ClassLoader loader) throws MojoExecutionException {
    return connect(settings, loader, Optional.empty());
  }

  /**
   * A Retort connected to the configured database, as {@link #connect(Settings, ClassLoader)}, whose upgrade records
   * a baseline on a database with tables but no version table.
   */
  Retort connect(Settings settings, ClassLoader loader, Optional<String> baselineOnUpgrade)
      throws MojoExecutionException {
    announce(settings);
    return open(settings, loader, baselineOnUpgrade, line -> info(settings, List.of(line)));
  }

  /** Logs the database the goal works on; fails if none is configured. */
  private void announce(Settings settings) throws MojoExecutionException {
    if (settings.url().isEmpty()) {
      throw new MojoExecutionException("No database for retort:" + execution.getGoal() + ": set -Dretort.url=JDBC_URL,"
          + " <url> in the plugin's configuration, or the environment variable " + Settings.URL_VARIABLE + ".");
    }
    getLog().info("Database: " + settings.describe());
  }

  /** A Retort on the {@linkplain #announce announced} database, printing each migration it runs. */
  private Retort open(Settings settings, ClassLoader loader, Optional<String> baselineOnUpgrade,
      Consumer<String> printer) throws MojoExecutionException {
    try {
      return settings.connect(loader, CommandSyntax.MAVEN, run -> printer.accept(Report.run(run)), baselineOnUpgrade);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(settings.secrets().mask(e.getMessage()), e);
    }
  }

  /** What a goal that may work in several schemas does in one. */
  interface InSchema {
    /**
     * Runs the goal.
     *
     * @param retort working in the schema
     * @param scope how its lines name the schema
     * @return its lines and how the summary counts it
     * @throws RetortException if the goal fails
     */
    Outcome run(Retort retort, Scope scope);
  }

  /**
   * Runs a goal that connects: in the current schema, or, when {@code retort.currentSchema} names several schemas or
   * a pattern, in each of them in turn, going on past a schema that fails, and logging a summary at the end. The
   * schemas share one instance ({@link Retort#withCurrentSchema}), so that each migration is described once.
   *
   * @param settings the database settings
   * @param loader the project's classes and runtime dependencies
   * @param baselineOnUpgrade the revision an upgrade records on a database with tables but no version table
   * @param command the goal's work in one schema
   * @return the lines of the schemas that differ from their revision's schema ({@code check}), which are not logged
   *     when the goal works in one schema, so that the goal can put them in its failure; empty when none differs
   * @throws MojoFailureException if a schema failed
   */
  List<String> inEachSchema(Settings settings, ClassLoader loader, Optional<String> baselineOnUpgrade, InSchema command)
      throws MojoExecutionException, MojoFailureException {
    SchemaSelection selection = schemas();
    if (!selection.several()) {
      Outcome outcome = command.run(connect(settings, loader, baselineOnUpgrade), Scope.of(settings));
      if (outcome.kind() == Outcome.Kind.DIFFERS) {
        return outcome.lines();
      }
      info(settings, outcome.lines());
      return List.of();
    }
    if (settings.schema().isPresent()) {
      throw new MojoExecutionException("retort.schema " + settings.schema().get() + " would keep one version table"
          + " for every schema retort.currentSchema names; leave it out, so that each keeps its version table in its"
          + " own schema.");
    }
    announce(settings);
    TenantRun run = new TenantRun(line -> info(settings, List.of(line)),
        line -> getLog().error(settings.secrets().mask(line)));
    Retort retort = open(settings, loader, baselineOnUpgrade, run::print);
    List<String> schemas = retort.schemas(selection.entries().toArray(String[]::new));
    TenantRun.Summary summary =
        run.run(schemas, schema -> command.run(retort.withCurrentSchema(schema), Scope.tenant(settings, schema)));
    String line = summary.line(settings.schemaKind());
    info(settings, List.of(line));
    if (!summary.failed().isEmpty()) {
      throw new MojoFailureException("retort:" + execution.getGoal() + " failed in " + summary.failed().size() + " of "
          + schemas.size() + " " + settings.schemaKind() + "s (their errors are above): " + line);
    }
    return summary.differences();
  }

  /**
   * The schemas {@code retort.currentSchema} names: one, which the settings make current, or several.
   *
   * @throws MojoExecutionException if a name between commas is blank
   */
  private SchemaSelection schemas() throws MojoExecutionException {
    try {
      return SchemaSelection.of(currentSchema == null ? List.of() : List.of(currentSchema));
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("Invalid configuration of retort:" + execution.getGoal() + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * Refuses several schemas or a pattern in {@code retort.currentSchema}, for a goal that works in one schema.
   *
   * @param why what the goal writes or reads, and what to do instead
   * @throws MojoExecutionException if several are named
   */
  void requireOneSchema(String why) throws MojoExecutionException {
    SchemaSelection selection = schemas();
    if (selection.several()) {
      throw new MojoExecutionException("retort.currentSchema " + String.join(",", selection.entries()) + " names"
          + " several schemas, but " + why);
    }
  }

  /** A Retort for the goals that never connect. */
  Retort offline(Settings settings, ClassLoader loader) throws MojoExecutionException {
    try {
      return settings.offline(loader, CommandSyntax.MAVEN);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  /** Logs lines at info level, passwords masked. */
  void info(Settings settings, List<String> lines) {
    lines.forEach(line -> getLog().info(settings.secrets().mask(line)));
  }

  private Settings settings() throws MojoExecutionException {
    String givenUrl = evaluate(url);
    String givenPassword = evaluate(password);
    warnIfOverridden("url", givenUrl);
    warnIfOverridden("user", user);
    warnIfOverridden("password", givenPassword);
    warnIfOverridden("versionTable", versionTable);
    warnIfOverridden("schema", schema);
    warnIfOverridden("currentSchema", currentSchema);
    warnIfOverridden("lockTimeout", lockTimeout);
    warnIfOverridden("tableLockTimeout", tableLockTimeout);
    try {
      Duration timeout = lockTimeout == null || lockTimeout.isBlank() ? null : Settings.parseDuration(lockTimeout);
      Duration tableTimeout = tableLockTimeout == null || tableLockTimeout.isBlank()
          ? null : Settings.parseDuration(tableLockTimeout);
      return Settings.of(givenUrl, user, givenPassword, versionTable, schema, timeout, unmanaged, tableTimeout,
          tableLockRetries, System.getenv()).withCurrentSchema(schemas().single().orElse(null))
          .withSingleTransaction(singleTransaction);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("Invalid configuration of retort:" + execution.getGoal() + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * Decides what to do with a project whose class path holds no revision index: skip an
   * aggregator (packaging {@code pom}, such as the parent of a build of several modules, where
   * the goal runs on every module), else fail saying why there are none.
   *
   * @return true to skip the goal
   * @throws MojoExecutionException if the project has not been compiled
   * @throws MojoFailureException if it has, without migrations
   */
  private boolean withoutMigrations() throws MojoExecutionException, MojoFailureException {
    if ("pom".equals(project.getPackaging())) {
      getLog().info("Skipping retort:" + execution.getGoal() + " in " + project.getArtifactId() + ": a project of"
          + " packaging pom, with no migrations on its class path.");
      return true;
    }
    Path classes = Path.of(project.getBuild().getOutputDirectory());
    if (!Files.isDirectory(classes)) {
      throw new MojoExecutionException("The project has no compiled classes in " + classes + ". Compile it in the"
          + " same build: mvn compile retort:" + execution.getGoal());
    }
    throw new MojoFailureException("No migrations in " + project.getArtifactId() + ": neither its classes nor its"
        + " runtime dependencies hold a revision index (" + RevisionIndexFile.RESOURCE + "). In the module that holds"
        + " the migrations, put retort-processor on the compiler's annotation processor path (annotationProcessorPaths:"
        + " javac 23 and newer run no processor that is only a dependency) and compile in the same build (mvn compile"
        + " retort:" + execution.getGoal() + "); in a build of several modules, set <skip>true</skip>"
        + " in this plugin's configuration of the modules without migrations.");
  }

  /**
   * Warns when {@code -Dretort.<parameter>} was given on the command line but the POM's
   * configuration set the parameter to something else: Maven then uses the POM's value, and a
   * deployment that chose its database with {@code -Dretort.url} would silently run on the POM's.
   * Values are never printed, as one may be a password.
   */
  private void warnIfOverridden(String parameter, String used) {
    String property = "retort." + parameter;
    String given = session.getUserProperties().getProperty(property);
    if (given != null && !given.equals(used)) {
      getLog().warn("-D" + property + " is ignored: the <" + parameter + "> in the configuration of"
          + " retort-maven-plugin in the POM wins over it (Maven's rule for plugin parameters). To choose it on the"
          + " command line, leave <" + parameter + "> out of the POM.");
    }
  }

  /**
   * A parameter's value as Maven would have injected it: the POM's value or the
   * {@code -Dretort.*} property, with its {@code ${…}} expressions evaluated.
   *
   * @return the value, or null when neither gives one
   */
  private String evaluate(PlexusConfiguration parameter) throws MojoExecutionException {
    String expression = parameter == null ? null : parameter.getValue(null);
    if (expression == null) {
      return null;
    }
    try {
      Object value = new PluginParameterExpressionEvaluator(session, execution).evaluate(expression, String.class);
      return value == null ? null : value.toString();
    } catch (ExpressionEvaluationException e) {
      // The message quotes the expression, never its value.
      throw new MojoExecutionException("Invalid configuration of retort:" + execution.getGoal() + ": <"
          + parameter.getName() + ">: " + e.getMessage(), e);
    }
  }

  /** The project's output directory and runtime dependencies, over this plugin's classes (Retort's own). */
  private URLClassLoader projectClassLoader() throws MojoExecutionException {
    List<String> elements;
    try {
      elements = project.getRuntimeClasspathElements();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("The project's runtime dependencies are not resolved: " + e.getMessage(), e);
    }
    List<URL> urls = new ArrayList<>();
    for (String element : elements) {
      try {
        urls.add(new File(element).toURI().toURL());
      } catch (MalformedURLException e) {
        throw new MojoExecutionException("Class path element " + element + " is not a valid location", e);
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
  }
}
