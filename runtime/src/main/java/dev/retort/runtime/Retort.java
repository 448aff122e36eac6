package dev.retort.runtime;

import dev.retort.Migration;
import dev.retort.RevisionInfo;
import dev.retort.index.RevisionIndexFile;
import dev.retort.model.Names;
import dev.retort.operation.Vendor;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.internal.Advice;
import dev.retort.runtime.internal.Unmanaged;
import dev.retort.runtime.internal.command.CheckCommand;
import dev.retort.runtime.internal.command.Context;
import dev.retort.runtime.internal.command.CurrentCommand;
import dev.retort.runtime.internal.command.HistoryCommand;
import dev.retort.runtime.internal.command.MigrateCommand;
import dev.retort.runtime.internal.command.SchemasCommand;
import dev.retort.runtime.internal.command.ScriptCommand;
import dev.retort.runtime.internal.command.ShowCommand;
import dev.retort.runtime.internal.command.StampCommand;
import dev.retort.runtime.internal.command.StampScriptCommand;
import dev.retort.runtime.internal.connect.ConnectionSource;
import dev.retort.runtime.internal.connect.JdbiConnections;
import dev.retort.runtime.internal.graph.RevisionGraph;
import dev.retort.runtime.internal.graph.RevisionIndexResources;
import dev.retort.runtime.internal.graph.Target;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Applies an application's migrations to a database and answers questions about its state.
 * The commands are named like Alembic's, and each returns an immutable result instead of
 * printing.
 *
 * <p>At application start-up, one line brings the database to the newest revision (the
 * AUTO_MIGRATE pattern); concurrent instances of the application are serialised by a database
 * lock, so each revision runs exactly once:
 *
 * <pre>{@code
 * Retort.migrate(dataSource);
 * }</pre>
 *
 * <p>Everything else goes through a configured instance:
 *
 * <pre>{@code
 * Retort retort = Retort.builder()
 *     .dataSource(dataSource)          // or .url(url, user, password), or .jdbi(jdbi)
 *     .versionTable("retort_version")  // the default
 *     .lockTimeout(Duration.ofMinutes(5))
 *     .build();
 * retort.upgrade("head");
 * retort.downgrade("-1");
 * Current current = retort.current();
 * }</pre>
 *
 * <p>The migrations come from the revision index that the Retort processor writes (the class-path
 * resource {@value RevisionIndexFile#RESOURCE}), or are given with {@link Builder#migrations(List)}.
 *
 * <p>Targets: {@code head}; {@code base} (before the first revision); {@code +N} and {@code -N}
 * (revisions forward or back from what is applied); a revision id, or a prefix of one that
 * matches no other revision.
 *
 * <p>Every command that reads the database first checks the version table against this
 * build's migrations: a migration changed after it was applied ({@link ErrorCode#CHECKSUM_MISMATCH})
 * and a revision this build does not know ({@link ErrorCode#DATABASE_AHEAD}) are errors. Every
 * failure is a {@link RetortException} whose message says what to do.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Retort {

  /** The version table's name unless configured. */
  public static final String DEFAULT_VERSION_TABLE = "retort_version";

  /** How long a command waits for another process's migration lock unless configured. */
  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(5);

  private final Context context;

  private Retort(Context context) {
    this.context = context;
  }

  /** Starts configuring an instance. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Brings a database to the newest revision, with the migrations found on the class path and
   * the default settings: the one call an application makes at start-up. Does nothing, at the
   * cost of one query, when the database is already there.
   *
   * @param dataSource the database
   * @return what ran
   * @throws RetortException if a migration fails or the database is not in a state to migrate
   */
  public static MigrationResult migrate(DataSource dataSource) {
    return builder().dataSource(dataSource).build().upgrade();
  }

  /**
   * Describes a migration given by hand, for {@link Builder#migrations(List)}.
   *
   * @param id the revision id
   * @param parents the ids of the revisions it follows; none for the first
   * @param migration creates the migration, such as {@code AddUsersPhone::new}
   * @return the revision
   */
  public static RevisionInfo revision(String id, List<String> parents, Supplier<? extends Migration> migration) {
    return new RevisionInfo(id, parents, "", "", migration);
  }

  /**
   * This instance working in another schema, as {@link Builder#currentSchema} makes it: the same database, history
   * and settings, for a schema per tenant. The history is read once and shared, so that an application migrating
   * many tenants describes each migration once.
   *
   * @param name the schema (a database on MySQL and MariaDB), as the database stores its name
   * @return the instance for that schema
   * @throws IllegalArgumentException if the name is blank
   */
  public Retort withCurrentSchema(String name) {
    return new Retort(context.withCurrentSchema(Names.require("current schema name", name)));
  }

  /**
   * The schemas (MySQL and MariaDB: databases) that names and patterns select, for a loop over tenants with
   * {@link #withCurrentSchema}: a name as given, and a pattern such as {@code tenant_*} ({@code *} any run of
   * characters, {@code ?} one, without regard to case) matched against the database's schemas, its matches sorted by
   * name, leaving out the database's own ({@code information_schema}, PostgreSQL's {@code pg_*}, MySQL's
   * {@code mysql}, {@code performance_schema} and {@code sys}). Each schema comes once, in the order given. Connects
   * only for a pattern, and reads only the catalog.
   *
   * <pre>{@code
   * for (String tenant : retort.schemas("tenant_*")) {
   *   retort.withCurrentSchema(tenant).upgrade();
   * }
   * }</pre>
   *
   * @param namesOrPatterns schema names and patterns
   * @return the schemas
   * @throws RetortException {@link ErrorCode#DATABASE_ERROR} if a pattern matches no schema (the message lists the
   *     database's), {@link ErrorCode#UNSUPPORTED_DATABASE} for a pattern on SQLite, which has no schemas
   */
  public List<String> schemas(String... namesOrPatterns) {
    List<String> given = new ArrayList<>();
    for (String name : namesOrPatterns) {
      given.add(Names.require("schema name or pattern", name));
    }
    return SchemasCommand.run(context, given);
  }

  /** {@code upgrade("head")}: applies every revision not yet applied. */
  public MigrationResult upgrade() {
    return upgrade("head");
  }

  /**
   * Applies revisions up to a target: {@code head}, {@code +N}, or a revision (which, with all
   * the revisions it descends from, ends up applied).
   *
   * @param target where to go
   * @return what ran; nothing if the database is already there
   */
  public MigrationResult upgrade(String target) {
    return MigrateCommand.run(context, Direction.UPGRADE, target);
  }

  /**
   * Undoes revisions down to a target: {@code base}, {@code -N}, or an applied revision (which,
   * with the revisions it descends from and nothing else, stays applied). A downgrade through
   * a migration without a downgrade fails before anything runs.
   *
   * @param target where to go
   * @return what ran; nothing if the database is already there
   */
  public MigrationResult downgrade(String target) {
    return MigrateCommand.run(context, Direction.DOWNGRADE, target);
  }

  /** Where the database stands: its current revisions, what is pending, the version table's rows. */
  public Current current() {
    return CurrentCommand.run(context);
  }

  /** Every revision, oldest first, marking those applied. */
  public History history() {
    return HistoryCommand.run(context);
  }

  /** The head revision of this build's history. Does not touch the database. */
  public Heads heads() {
    return ShowCommand.heads(context);
  }

  /**
   * One revision's details: parents, children, class, checksum and operations. Does not touch
   * the database.
   *
   * @param revision {@code head}, a revision id or a unique prefix
   * @return the details
   */
  public RevisionDetails show(String revision) {
    return ShowCommand.show(context, revision);
  }

  /**
   * Records the targets as applied without running anything: the version table ends up
   * holding exactly the targets and the revisions they descend from, with the migrations'
   * current checksums (of their operations and of their source files). Use it to adopt a
   * database whose schema already matches a revision, and as the deliberate way out of a
   * checksum mismatch. Several targets record several branches, as a database has them whose
   * branches are applied without the merge revision: {@code stamp("a", "b")}.
   *
   * @param target {@code head}, {@code base}, {@code +N}, {@code -N}, or a revision
   * @param more further revisions (ids or unique prefixes, or {@code head}); with them,
   *     {@code target} must be a revision or {@code head} too
   * @return what changed in the version table
   */
  public StampResult stamp(String target, String... more) {
    List<String> targets = new ArrayList<>(1 + more.length);
    targets.add(target);
    targets.addAll(Arrays.asList(more));
    return StampCommand.run(context, targets);
  }

  /**
   * Compares the live database, read through its metadata, with the schema its current
   * revision should have (that revision's snapshot, or the migrations' operations), and lists
   * every difference: drift detection.
   *
   * @return the differences; none when the database matches
   */
  public CheckResult check() {
    return CheckCommand.run(context);
  }

  /**
   * Writes the offline script from one revision to another, for a database administrator to
   * run: every statement, the version table's included. Does not touch the database. Its
   * {@linkplain SqlScript#text() text} is for the database's own tool (psql with
   * {@code ON_ERROR_STOP}, the mariadb or mysql client, {@code sqlite3 -bail}, H2's RunScript),
   * encoded as UTF-8. A script whose {@code from} is not {@code base} first stops, before any
   * change, unless the version table records exactly {@code from} and its ancestors.
   *
   * @param from the revision the database is at: {@code base}, {@code head} or a revision
   * @param to where to go: {@code head}, {@code base}, a revision, or {@code +N}/{@code -N}
   *     from {@code from}
   * @param vendor the database to write for
   * @return the script
   */
  public SqlScript sql(String from, String to, Vendor vendor) {
    Objects.requireNonNull(vendor, "vendor == null");
    return ScriptCommand.run(context, from, to, vendor);
  }

  /**
   * Writes the offline script of a {@link #stamp stamp} from base, for a database administrator to
   * run on a database whose schema already matches the target (Alembic's {@code stamp --sql}): the
   * version table created unless it exists, then a row for the target and each of its ancestors,
   * recorded without running any migration. The same as {@code stampSql("base", target, vendor)}.
   * Does not touch the database.
   *
   * @param target the revision to record: {@code head}, a revision, or {@code +N}
   * @param vendor the database to write for
   * @return the script
   */
  public SqlScript stampSql(String target, Vendor vendor) {
    return stampSql("base", target, vendor);
  }

  /**
   * Writes the offline script of a {@link #stamp stamp} from the revisions a database records, for
   * a database administrator to run: it makes the version table record exactly the target and its
   * ancestors, as {@code stamp} does, deleting the rows of the revisions no longer wanted, adding
   * those of the new ones, and giving the rows it keeps their migrations' current checksums. From
   * a revision other than {@code base} the script first stops, before any change, unless the
   * version table records exactly that revision and its ancestors. The rows change in one
   * transaction. Does not touch the database.
   *
   * @param from what the version table records: {@code base} (nothing, or no table; the table is
   *     then created unless it exists), {@code head} or a revision
   * @param target the revision to record: {@code head}, {@code base}, a revision, or {@code +N}/{@code -N}
   *     from {@code from}
   * @param vendor the database to write for
   * @return the script; without statements from {@code base} to {@code base}
   */
  public SqlScript stampSql(String from, String target, Vendor vendor) {
    Objects.requireNonNull(vendor, "vendor == null");
    return StampScriptCommand.run(context, from, target, vendor);
  }

  /** Configures a {@link Retort}. Give exactly one of the database settings. */
  public static final class Builder {

    private ConnectionSource connections;
    private String databaseSetting;
    private String versionTable = DEFAULT_VERSION_TABLE;
    private String schema = "";
    private String currentSchema;
    private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
    private List<RevisionInfo> revisions;
    private ClassLoader classLoader;
    private Dialect dialect;
    private CommandSyntax commandSyntax = CommandSyntax.JAVA;
    private Consumer<MigrationRun> progress;
    private String baselineOnUpgrade;
    private Unmanaged unmanaged = Unmanaged.none();
    private Duration tableLockTimeout;
    private int tableLockRetries;
    private boolean allowDatabaseAhead;
    private boolean singleTransaction;

    private Builder() {}

    /**
     * Uses a data source, such as the application's connection pool. H2 needs two connections
     * at once while migrating (one holds the lock).
     *
     * @param dataSource the database
     * @return this builder
     */
    public Builder dataSource(DataSource dataSource) {
      return database("dataSource", ConnectionSource.of(dataSource));
    }

    /**
     * Connects with a JDBC URL; the driver must be on the class path.
     *
     * @param url the JDBC URL
     * @param user the user name
     * @param password the password
     * @return this builder
     */
    public Builder url(String url, String user, String password) {
      return database("url", ConnectionSource.of(url, user, password));
    }

    /**
     * Uses a configured JDBI instance: each connection is a handle's, so the instance's plugins
     * see it as they see the application's own. JDBI is an optional dependency of the runtime:
     * an application that uses it has {@code org.jdbi:jdbi3-core} already, and Retort loads no
     * JDBI class unless this method is called.
     *
     * @param jdbi the database
     * @return this builder
     */
    public Builder jdbi(Jdbi jdbi) {
      return database("jdbi", new JdbiConnections(jdbi));
    }

    /**
     * Builds an instance without a database, for the commands that do not need one:
     * {@link Retort#heads()}, {@link Retort#show(String)} and {@link Retort#sql}. The others
     * fail with an {@link IllegalStateException}.
     *
     * @return this builder
     */
    public Builder offline() {
      return database("offline", null);
    }

    private Builder database(String setting, ConnectionSource database) {
      if (databaseSetting != null) {
        throw new IllegalStateException("the database is already set by " + databaseSetting + "(...); give only one"
            + " of dataSource, url, jdbi and offline");
      }
      databaseSetting = setting;
      connections = database;
      return this;
    }

    /**
     * Names the version table; the default is {@value #DEFAULT_VERSION_TABLE}.
     *
     * @param name the table name
     * @return this builder
     */
    public Builder versionTable(String name) {
      versionTable = Names.require("version table name", name);
      return this;
    }

    /**
     * Puts the version table in a schema (a database on MySQL and MariaDB, an attached database
     * on SQLite) instead of the connection's own. The schema must exist.
     *
     * @param name the schema name
     * @return this builder
     */
    public Builder schema(String name) {
      schema = Names.require("schema name", name);
      return this;
    }

    /**
     * Runs every command inside a schema (a database on MySQL and MariaDB) instead of the connection's own: the
     * migrations' tables without a schema of their own are created there, the version table is kept there unless
     * {@link #schema(String)} names another, and {@code check} compares that schema. For a schema per tenant: one
     * instance per schema, each with its own history and migration lock, so that tenants migrate side by side.
     *
     * <p>While a command works its connection's current schema is that one (PostgreSQL: the {@code search_path} is
     * that schema alone); the connection goes back to its source as it came. The schema must exist. SQLite has
     * no schemas to switch to. Offline scripts start by entering the schema.
     *
     * @param name the schema, as the database stores its name
     * @return this builder
     */
    public Builder currentSchema(String name) {
      currentSchema = Names.require("current schema name", name);
      return this;
    }

    /**
     * Sets how long a command waits for the lock while another process migrates; the default
     * is five minutes.
     *
     * @param timeout the longest wait, positive
     * @return this builder
     */
    public Builder lockTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout == null");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("lock timeout must be positive: " + timeout);
      }
      lockTimeout = timeout;
      return this;
    }

    /**
     * Sets how long each statement of a migration waits for a lock on a table that another session uses before it
     * fails. A DDL statement waiting for its table's lock holds up every query on the table that comes after it, so
     * an application that migrates while it serves is better off with a few seconds and
     * {@linkplain #tableLockRetries retries} than with the database's default, which waits for as long as the session
     * holding the lock takes (PostgreSQL's forever, MariaDB's a day).
     *
     * <p>PostgreSQL: {@code lock_timeout}, for each migration's transaction; {@code CREATE INDEX CONCURRENTLY}, which
     * blocks no writes and would leave an invalid index if stopped, keeps waiting. MariaDB and MySQL:
     * {@code lock_wait_timeout} (metadata locks), rounded up to whole seconds, while the command migrates. H2:
     * {@code LOCK_TIMEOUT}. SQLite: nothing, since the migration lock is the whole database's. A statement that
     * waited too long fails the migration with {@link ErrorCode#MIGRATION_FAILED}, naming the statement and how to
     * find the session in the way; it had no effect, and the version table stays exact.
     *
     * @param timeout the longest wait of one statement, positive
     * @return this builder
     */
    public Builder tableLockTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout == null");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("table lock timeout must be positive: " + timeout);
      }
      tableLockTimeout = timeout;
      return this;
    }

    /**
     * Sets how often a migration whose statement waited longer than the {@linkplain #tableLockTimeout table lock
     * timeout} is tried again, each time after waiting as long as the timeout, so that the sessions queued behind
     * it get their turn. It is tried again from where nothing of it remains: on PostgreSQL its transaction was
     * rolled back, and on the other databases the statement that waited was refused before it changed anything.
     * The default is none.
     *
     * @param retries how many more times, 0 or more
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder tableLockRetries(int retries) {
      if (retries < 0) {
        throw new IllegalArgumentException("table lock retries must be 0 or more: " + retries);
      }
      tableLockRetries = retries;
      return this;
    }

    /**
     * Lets {@code upgrade} start on a database that a newer version of the application has
     * migrated: one that records every revision of this build and, besides, revisions this build
     * does not know. The upgrade then runs nothing and logs a warning naming those revisions,
     * instead of failing with {@link ErrorCode#DATABASE_AHEAD}, so that rolling an application
     * back to its previous version does not stop it from starting, as long as the newer
     * migrations kept the schema usable by the older code (columns and tables added, not yet
     * removed or renamed: the expand half of expand and contract). Flyway behaves this way by
     * default; Retort only when asked.
     *
     * <p>A database that lacks some revision of this build while holding unknown ones is still
     * an error, and so is every other command on a database ahead of this build: {@code check}
     * cannot compare a schema this build does not know, and {@code downgrade} cannot undo
     * revisions it does not have.
     *
     * @param allow whether to allow it; the default is false
     * @return this builder
     */
    public Builder allowDatabaseAhead(boolean allow) {
      allowDatabaseAhead = allow;
      return this;
    }

    /**
     * Runs all the migrations of an {@code upgrade} or {@code downgrade} in one transaction, their version-table rows
     * included: either every one of them takes effect, or, when one fails, none does and the version table says what
     * it said before the command. By default each migration is a transaction of its own, and a failure keeps the ones
     * before it. Alembic's {@code transaction_per_migration=False}, Flyway's {@code group}. The offline script of
     * {@link #sql} is then one transaction too.
     *
     * <p>Only where DDL is transactional: PostgreSQL and SQLite. H2, MariaDB and MySQL commit every DDL statement, so
     * on them a command refuses the setting with {@link ErrorCode#UNSUPPORTED_OPERATION} before it changes anything,
     * and so does a command whose migrations include a statement that runs only outside a transaction
     * ({@code createIndexConcurrently}). A statement that waits longer than the {@linkplain #tableLockTimeout table
     * lock timeout} rolls back the whole transaction, and the retries start again from its first migration.
     *
     * @param single whether to; the default is false
     * @return this builder
     */
    public Builder singleTransaction(boolean single) {
      singleTransaction = single;
      return this;
    }

    /**
     * Gives the migrations instead of reading the generated revision index, for example with
     * {@link Retort#revision}.
     *
     * @param migrations every revision, in any order
     * @return this builder
     */
    public Builder migrations(List<RevisionInfo> migrations) {
      revisions = List.copyOf(migrations);
      return this;
    }

    /**
     * Gives the migrations instead of reading the generated revision index.
     *
     * @param migrations every revision, in any order
     * @return this builder
     */
    public Builder migrations(RevisionInfo... migrations) {
      return migrations(List.of(migrations));
    }

    /**
     * Sets the class loader that finds the revision index, the migration classes and the schema
     * snapshots; the default is the thread's context class loader.
     *
     * @param loader the class loader
     * @return this builder
     */
    public Builder classLoader(ClassLoader loader) {
      classLoader = Objects.requireNonNull(loader, "loader == null");
      return this;
    }

    /**
     * Uses a dialect instead of detecting it from the connection.
     *
     * @param databaseDialect the dialect
     * @return this builder
     */
    public Builder dialect(Dialect databaseDialect) {
      dialect = Objects.requireNonNull(databaseDialect, "dialect == null");
      return this;
    }

    /**
     * Sets how messages write the commands they tell the user to run, such as the
     * {@code stamp} that records a deliberately changed migration's new checksum; the default,
     * {@link CommandSyntax#JAVA}, writes the call of this class's method. A tool that runs
     * Retort for its users sets its own: the {@code retort} command line sets
     * {@link CommandSyntax#CLI}, the Maven plugin {@link CommandSyntax#MAVEN}.
     *
     * @param syntax the syntax
     * @return this builder
     */
    public Builder commandSyntax(CommandSyntax syntax) {
      commandSyntax = Objects.requireNonNull(syntax, "syntax == null");
      return this;
    }

    /**
     * Tells a listener of each migration that {@link Retort#upgrade} or {@link Retort#downgrade}
     * runs, as soon as it is recorded in the version table, for a tool that shows the progress
     * itself, such as the {@code retort} command line and the Maven plugin. Without a listener
     * the runtime logs each migration at INFO through SLF4J; with one it logs them, a command
     * that has nothing to do, and what {@link Retort#stamp stamp} recorded, at DEBUG, so that the
     * tool's output, which reports them from the results, does not say the same twice.
     * An exception the listener throws ends the command after the migration it was told of,
     * which stays applied.
     *
     * @param listener told of each migration that ran
     * @return this builder
     */
    public Builder progress(Consumer<MigrationRun> listener) {
      progress = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /**
     * Adopts a database that exists at its first {@link Retort#upgrade upgrade}, instead of a
     * {@link Retort#stamp stamp} by hand on every environment (Flyway's
     * {@code baselineOnMigrate}, but checked). When {@code upgrade} finds no version table (or
     * one that records nothing, as a first upgrade that failed on the existing tables leaves)
     * and the database already holds tables, it compares them with the revision's schema as
     * {@link Retort#check() check} does (the revision's snapshot, or the schema its migrations
     * build); if they match, it records the revision and its ancestors as {@code stamp} would
     * and upgrades from there; if they differ, it fails with
     * {@link ErrorCode#BASELINE_MISMATCH}, listing the differences, and changes nothing. All of
     * it holds the migration lock, so concurrent instances record the baseline once.
     *
     * <p>An empty database is upgraded from base as without the setting, and a database with a
     * version table ignores it. The history tables of Flyway ({@code flyway_schema_history})
     * and Liquibase ({@code databasechangelog}, {@code databasechangeloglock}) neither count as
     * tables nor are compared; they stay until dropped. Offline scripts ({@link Retort#sql})
     * are not affected.
     *
     * @param revision the revision the database's tables match: a revision id or a unique
     *     prefix, {@code head}, or {@code +N} (the first N revisions)
     * @return this builder
     */
    public Builder baselineOnUpgrade(String revision) {
      Objects.requireNonNull(revision, "revision == null");
      if (revision.isBlank()) {
        throw new IllegalArgumentException("baseline revision is blank; name the revision the database's tables"
            + " match, such as its id or head");
      }
      baselineOnUpgrade = revision.strip();
      return this;
    }

    /**
     * Names the database objects that no migration manages: the tables, views and sequences that a library creates
     * for itself (Quartz's {@code qrtz_*}, Spring Session's {@code spring_session*}, ShedLock's {@code shedlock}), or
     * that another team owns. {@link Retort#check() check} does not report them as being in the database but not in
     * the model, and the {@link #baselineOnUpgrade baseline} neither counts nor compares them. An object the model
     * declares is always compared, whatever its name.
     *
     * <p>Patterns are globs, compared without regard to case: {@code *} stands for any run of characters,
     * {@code ?} for one. A pattern without a dot matches a name in any schema ({@code qrtz_*}); one with a dot
     * matches the schema and the name ({@code batch.*}, every object of the schema {@code batch}). Each call adds
     * to the patterns.
     *
     * @param patterns the names or globs, such as {@code "qrtz_*"}
     * @return this builder
     * @throws IllegalArgumentException if a pattern is blank or holds a space, a comma or a quote
     */
    public Builder unmanaged(String... patterns) {
      Objects.requireNonNull(patterns, "patterns == null");
      List<String> all = new ArrayList<>(unmanaged.patterns());
      all.addAll(Arrays.asList(patterns));
      unmanaged = Unmanaged.of(all);
      return this;
    }

    /**
     * Reads the revision index, validates the history and creates the instance. Neither
     * connects nor loads a migration class.
     *
     * @return the instance
     * @throws IllegalStateException if no database was given, nor {@link #offline()}
     * @throws RetortException if the migrations cannot be found or do not form one history, or
     *     if the {@link #baselineOnUpgrade baseline} names no revision of it
     */
    public Retort build() {
      if (databaseSetting == null) {
        throw new IllegalStateException("no database: call dataSource(...), url(...), jdbi(...) or offline() before"
            + " build()");
      }
      ClassLoader loader = classLoader != null ? classLoader : defaultClassLoader();
      if (connections != null) {
        connections.warmUp();
      }
      Advice advice = new Advice(commandSyntax, Optional.ofNullable(currentSchema));
      RevisionGraph graph = revisions != null
          ? RevisionGraph.of(revisions, advice)
          : RevisionGraph.ofRevisions(RevisionIndexResources.read(loader, advice), advice);
      Function<Connection, Dialect> detect = dialect != null ? connection -> dialect : Builder::detect;
      Function<Vendor, Dialect> forVendor = dialect != null
          ? vendor -> vendor == dialect.vendor() ? dialect : Dialects.forVendor(vendor)
          : Dialects::forVendor;
      Optional<Target> baseline = Optional.ofNullable(baselineOnUpgrade).map(text -> baseline(text, graph, advice));
      return new Retort(new Context(Optional.ofNullable(connections), graph, schema,
          Optional.ofNullable(currentSchema), versionTable, lockTimeout, loader,
          detect, forVendor, advice, Optional.ofNullable(progress), baseline, unmanaged,
          Optional.ofNullable(tableLockTimeout), tableLockRetries, allowDatabaseAhead, singleTransaction));
    }

    /** The baseline's target, which must record at least one revision on a database that has none. */
    private static Target baseline(String text, RevisionGraph graph, Advice advice) {
      Target target;
      try {
        target = Target.parse(text, graph, advice);
      } catch (RetortException e) {
        throw new RetortException(e.code(), "The baseline to record on upgrade is wrong: " + e.getMessage(), e);
      }
      if (target instanceof Target.Base || (target instanceof Target.Relative relative && relative.steps() < 0)) {
        throw new RetortException(ErrorCode.INVALID_TARGET, "Cannot baseline at " + text + ": a baseline is the"
            + " revision that a database's tables already match, such as a revision id or head.");
      }
      return target;
    }

    private static Dialect detect(Connection connection) {
      try {
        return Dialects.detect(connection);
      } catch (SQLException e) {
        throw new RetortException(ErrorCode.DATABASE_ERROR,
            "Could not read the database's metadata to choose its dialect: " + e.getMessage(), e);
      } catch (IllegalArgumentException e) {
        throw new RetortException(ErrorCode.UNSUPPORTED_DATABASE, e.getMessage(), e);
      }
    }

    private static ClassLoader defaultClassLoader() {
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      return context != null ? context : Retort.class.getClassLoader();
    }
  }
}
