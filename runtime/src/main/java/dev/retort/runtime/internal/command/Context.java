package dev.retort.runtime.internal.command;

import dev.retort.operation.Vendor;
import dev.retort.runtime.MigrationRun;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.internal.Advice;
import dev.retort.runtime.internal.Unmanaged;
import dev.retort.runtime.internal.connect.ConnectionSource;
import dev.retort.runtime.internal.graph.RevisionGraph;
import dev.retort.runtime.internal.graph.Target;
import java.sql.Connection;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Everything a command needs: the database, the history and the settings of one
 * {@link dev.retort.runtime.Retort}. The dialect is detected from the first connection and
 * kept.
 */
public final class Context {

  private final Optional<ConnectionSource> connections;
  private final RevisionGraph graph;
  private final String schema;
  private final Optional<String> currentSchema;
  private final String versionTable;
  private final Duration lockTimeout;
  private final ClassLoader classLoader;
  private final Function<Connection, Dialect> detect;
  private final Function<Vendor, Dialect> forVendor;
  private final Advice advice;
  private final Optional<Consumer<MigrationRun>> progress;
  private final Optional<Target> baselineOnUpgrade;
  private final Optional<Duration> tableLockTimeout;
  private final int tableLockRetries;
  private final boolean allowDatabaseAhead;
  private final boolean singleTransaction;
  private final Unmanaged unmanaged;
  private final AtomicReference<Dialect> dialect = new AtomicReference<>();

  /**
   * Creates the context.
   *
   * @param connections the database; empty for an instance built offline
   * @param graph the history
   * @param schema the schema holding the version table; empty for the current schema
   * @param currentSchema the schema every command makes its connection's current one while it works; empty to
   *     leave the connection's own
   * @param versionTable the version table's name
   * @param lockTimeout how long to wait for the migration lock
   * @param classLoader loads snapshot resources
   * @param detect finds the dialect of a connection
   * @param forVendor gives the dialect of a database, for offline scripts
   * @param advice writes the commands that messages advise
   * @param progress told of each migration as it is recorded; empty to log it instead
   * @param baselineOnUpgrade the revision that {@code upgrade} records on a database with tables but no version
   *     table, if they match it; empty to run every migration from base there
   * @param unmanaged the database objects no migration manages, which {@code check} and the baseline leave out when
   *     the model does not declare them
   * @param tableLockTimeout how long a migration's statement waits for a lock on a table that another session uses;
   *     empty for as long as the database's settings say
   * @param tableLockRetries how often a migration whose statement waited too long is tried again
   * @param allowDatabaseAhead whether {@code upgrade} leaves a database that a newer build migrated as it is, with a
   *     warning, instead of failing with {@code DATABASE_AHEAD}
   * @param singleTransaction whether {@code upgrade} and {@code downgrade} run all their migrations in one
   *     transaction
   */
  public Context(
      Optional<ConnectionSource> connections, RevisionGraph graph, String schema, Optional<String> currentSchema,
      String versionTable,
      Duration lockTimeout, ClassLoader classLoader, Function<Connection, Dialect> detect,
      Function<Vendor, Dialect> forVendor, Advice advice, Optional<Consumer<MigrationRun>> progress,
      Optional<Target> baselineOnUpgrade, Unmanaged unmanaged, Optional<Duration> tableLockTimeout,
      int tableLockRetries, boolean allowDatabaseAhead, boolean singleTransaction) {
    this.connections = Objects.requireNonNull(connections, "connections == null");
    this.graph = Objects.requireNonNull(graph, "graph == null");
    this.schema = Objects.requireNonNull(schema, "schema == null");
    this.currentSchema = Objects.requireNonNull(currentSchema, "currentSchema == null");
    this.versionTable = Objects.requireNonNull(versionTable, "versionTable == null");
    this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout == null");
    this.classLoader = Objects.requireNonNull(classLoader, "classLoader == null");
    this.detect = Objects.requireNonNull(detect, "detect == null");
    this.forVendor = Objects.requireNonNull(forVendor, "forVendor == null");
    this.advice = Objects.requireNonNull(advice, "advice == null");
    this.progress = Objects.requireNonNull(progress, "progress == null");
    this.baselineOnUpgrade = Objects.requireNonNull(baselineOnUpgrade, "baselineOnUpgrade == null");
    this.tableLockTimeout = Objects.requireNonNull(tableLockTimeout, "tableLockTimeout == null");
    this.tableLockRetries = tableLockRetries;
    this.allowDatabaseAhead = allowDatabaseAhead;
    this.singleTransaction = singleTransaction;
    this.unmanaged = Objects.requireNonNull(unmanaged, "unmanaged == null");
  }

  /**
   * This context working in another current schema, with the same history (whose described revisions it shares),
   * settings and detected dialect.
   *
   * @param name the schema
   * @return the context
   */
  public Context withCurrentSchema(String name) {
    Context copy = new Context(connections, graph, schema, Optional.of(name), versionTable, lockTimeout, classLoader,
        detect, forVendor, new Advice(advice.syntax(), Optional.of(name)), progress, baselineOnUpgrade, unmanaged,
        tableLockTimeout, tableLockRetries, allowDatabaseAhead, singleTransaction);
    copy.dialect.set(dialect.get());
    return copy;
  }

  /**
   * The database.
   *
   * @throws IllegalStateException if the instance was built offline
   */
  public ConnectionSource connections() {
    return connections.orElseThrow(() -> new IllegalStateException("this Retort was built offline(): it has no"
        + " database for this command; build it with dataSource(...), url(...) or jdbi(...)"));
  }

  /** The history. */
  public RevisionGraph graph() {
    return graph;
  }

  /**
   * The schema holding the version table: the one named for it, else the {@linkplain #currentSchema current
   * schema}; empty for the connection's own.
   */
  public String schema() {
    return schema.isEmpty() ? currentSchema.orElse("") : schema;
  }

  /** The schema every command makes its connection's current one while it works; empty to leave the connection's. */
  public Optional<String> currentSchema() {
    return currentSchema;
  }

  /** The version table's name. */
  public String versionTable() {
    return versionTable;
  }

  /** How long to wait for the migration lock. */
  public Duration lockTimeout() {
    return lockTimeout;
  }

  /** Loads snapshot resources. */
  public ClassLoader classLoader() {
    return classLoader;
  }

  /** Writes the commands that messages advise, in the syntax of the front end. */
  public Advice advice() {
    return advice;
  }

  /** Told of each migration as it is recorded; empty to log it instead. */
  public Optional<Consumer<MigrationRun>> progress() {
    return progress;
  }

  /** The revision that {@code upgrade} records on a database with tables but no version table; empty for none. */
  public Optional<Target> baselineOnUpgrade() {
    return baselineOnUpgrade;
  }

  /** How long a migration's statement waits for a table lock; empty for as long as the database's settings say. */
  public Optional<Duration> tableLockTimeout() {
    return tableLockTimeout;
  }

  /** How often a migration whose statement waited too long for a table lock is tried again. */
  public int tableLockRetries() {
    return tableLockRetries;
  }

  /** Whether {@code upgrade} leaves a database that a newer build migrated as it is, with a warning. */
  public boolean allowDatabaseAhead() {
    return allowDatabaseAhead;
  }

  /** Whether {@code upgrade} and {@code downgrade} run all their migrations in one transaction. */
  public boolean singleTransaction() {
    return singleTransaction;
  }

  /** The database objects no migration manages. */
  public Unmanaged unmanaged() {
    return unmanaged;
  }

  /** The dialect of the database, detected from the first connection. */
  Dialect dialect(Connection connection) {
    Dialect known = dialect.get();
    if (known == null) {
      known = detect.apply(connection);
      dialect.compareAndSet(null, known);
    }
    return known;
  }

  /** The dialect of a database, for offline scripts. */
  Dialect dialect(Vendor vendor) {
    return forVendor.apply(vendor);
  }
}
