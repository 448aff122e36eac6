package dev.retort.spring;

import dev.retort.runtime.CommandSyntax;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code retort.*} properties: how the application's migrations are applied at start-up. The
 * defaults are {@link dev.retort.runtime.Retort}'s, written out so that the configuration metadata
 * shows them.
 */
@ConfigurationProperties(prefix = "retort")
public class RetortProperties {

  /** Whether to apply the migrations at start-up. */
  private boolean enabled = true;

  /**
   * Where to upgrade the database to at start-up: head, +N, or a revision id (or a unique prefix
   * of one).
   */
  private String target = "head";

  /**
   * Revision to record at start-up on a database that has tables but no version table, if its
   * tables match that revision's schema (Flyway's baseline-on-migrate, checked): a revision id (or
   * a unique prefix of one) or head. Start-up fails, changing nothing, if they differ. Ignored on
   * an empty database and on one with a version table.
   */
  private String baselineOnUpgrade;

  /** Name of the table that records the applied revisions. */
  private String versionTable = "retort_version";

  /**
   * Schema of the version table (a database on MySQL and MariaDB); the current schema when
   * unset. The schema must exist.
   */
  private String schema;

  /**
   * Schema (a database on MySQL and MariaDB) that migrating and checking work in: the migrations'
   * tables and the version table go there; the connection's own when unset. The schema must exist.
   * Several, separated by commas, or a pattern such as tenant_* (* any characters, ? one, without
   * regard to case, matched against the database's schemas): start-up migrates (and checks) each in
   * turn, goes on past one that fails, then fails with the first failure.
   */
  private String currentSchema;

  /** How long start-up waits for another instance that holds the migration lock. */
  private Duration lockTimeout = Duration.ofMinutes(5);

  /**
   * How error messages write the command they advise, such as the stamp that records a changed
   * migration's checksum: JAVA (a call of the Retort method), CLI (the retort command line) or
   * MAVEN (the Maven plugin's goal), whichever the team runs Retort from by hand.
   */
  private CommandSyntax commandSyntax = CommandSyntax.JAVA;

  /**
   * Whether the application starts on a database that a newer version of it migrated (one that
   * records every revision of this version and more), with a warning instead of a failure, so that
   * rolling the application back does not stop it from starting. The newer migrations must have
   * kept the schema usable by this version.
   */
  private boolean allowDatabaseAhead;

  /**
   * How long a migration's statement waits for a lock on a table that another session uses before
   * the migration fails, such as 5s: a DDL statement waiting for its table holds up every query on
   * the table that comes after it. Unset: as long as the database's own setting says
   * (PostgreSQL's lock_timeout, MariaDB's lock_wait_timeout, H2's LOCK_TIMEOUT).
   */
  private Duration tableLockTimeout;

  /**
   * How often a migration that waited longer than the table lock timeout is tried again, each time
   * after waiting as long.
   */
  private int tableLockRetries;

  /**
   * Whether to run all the migrations of the start-up's upgrade in one transaction, their version
   * rows included, so that a failing one leaves none of them (Alembic's default, Flyway's group).
   * PostgreSQL and SQLite only: on H2, MariaDB and MySQL, whose DDL commits, start-up fails.
   */
  private boolean singleTransaction;

  /**
   * Tables, views and sequences that no migration manages, such as a library's own (qrtz_*,
   * spring_session*, shedlock): names or globs (* any characters, ? one), without regard to case,
   * schema.name for another schema. Check and the baseline leave them out unless the entities
   * declare them.
   */
  private List<String> unmanaged = new ArrayList<>();

  /**
   * Whether to compare the live schema with the model after migrating (Retort's check) and stop
   * start-up if they differ.
   */
  private boolean checkOnStart;

  /**
   * JDBC URL of the database to migrate, instead of the application's DataSource. Its connections
   * are opened only while Retort works, and not pooled.
   */
  private String url;

  /**
   * Login user of the database to migrate. Without retort.url, Retort connects to the
   * application's DataSource's URL as this user.
   */
  private String user;

  /**
   * Login password of the database to migrate, used with retort.url or retort.user (alone it
   * changes nothing). When retort.user is set without retort.url, an unset password is the
   * application DataSource's.
   */
  private String password;

  /**
   * Fully qualified name of the JDBC driver for retort.url or retort.user; found from the URL when
   * unset.
   */
  private String driverClassName;

  /** Whether to apply the migrations at start-up. */
  public boolean isEnabled() {
    return enabled;
  }

  /** Sets whether to apply the migrations at start-up. */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** Where to upgrade the database to at start-up. */
  public String getTarget() {
    return target;
  }

  /** Sets where to upgrade the database to at start-up. */
  public void setTarget(String target) {
    this.target = target;
  }

  /** The revision to record on a database with tables but no version table, or {@code null} for none. */
  public String getBaselineOnUpgrade() {
    return baselineOnUpgrade;
  }

  /** Sets the revision to record on a database with tables but no version table. */
  public void setBaselineOnUpgrade(String baselineOnUpgrade) {
    this.baselineOnUpgrade = baselineOnUpgrade;
  }

  public boolean isAllowDatabaseAhead() {
    return allowDatabaseAhead;
  }

  public void setAllowDatabaseAhead(boolean allowDatabaseAhead) {
    this.allowDatabaseAhead = allowDatabaseAhead;
  }

  public Duration getTableLockTimeout() {
    return tableLockTimeout;
  }

  public void setTableLockTimeout(Duration tableLockTimeout) {
    this.tableLockTimeout = tableLockTimeout;
  }

  public int getTableLockRetries() {
    return tableLockRetries;
  }

  public void setTableLockRetries(int tableLockRetries) {
    this.tableLockRetries = tableLockRetries;
  }

  public boolean isSingleTransaction() {
    return singleTransaction;
  }

  public void setSingleTransaction(boolean singleTransaction) {
    this.singleTransaction = singleTransaction;
  }

  public List<String> getUnmanaged() {
    return unmanaged;
  }

  public void setUnmanaged(List<String> unmanaged) {
    this.unmanaged = unmanaged;
  }

  /** The version table's name. */
  public String getVersionTable() {
    return versionTable;
  }

  /** Sets the version table's name. */
  public void setVersionTable(String versionTable) {
    this.versionTable = versionTable;
  }

  /** The version table's schema, or {@code null} for the connection's own. */
  public String getSchema() {
    return schema;
  }

  /** Sets the version table's schema. */
  public void setSchema(String schema) {
    this.schema = schema;
  }

  /** The schema that migrating works in, or {@code null} for the connection's own. */
  public String getCurrentSchema() {
    return currentSchema;
  }

  /** Sets the schema that migrating works in. */
  public void setCurrentSchema(String currentSchema) {
    this.currentSchema = currentSchema;
  }

  /** How long start-up waits for the migration lock. */
  public Duration getLockTimeout() {
    return lockTimeout;
  }

  /** Sets how long start-up waits for the migration lock. */
  public void setLockTimeout(Duration lockTimeout) {
    this.lockTimeout = lockTimeout;
  }

  /** How error messages write the commands they advise. */
  public CommandSyntax getCommandSyntax() {
    return commandSyntax;
  }

  /** Sets how error messages write the commands they advise. */
  public void setCommandSyntax(CommandSyntax commandSyntax) {
    this.commandSyntax = commandSyntax;
  }

  /** Whether start-up fails when the live schema differs from the model after migrating. */
  public boolean isCheckOnStart() {
    return checkOnStart;
  }

  /** Sets whether start-up fails when the live schema differs from the model after migrating. */
  public void setCheckOnStart(boolean checkOnStart) {
    this.checkOnStart = checkOnStart;
  }

  /** The JDBC URL of the database to migrate, or {@code null} for the application's data source. */
  public String getUrl() {
    return url;
  }

  /** Sets the JDBC URL of the database to migrate. */
  public void setUrl(String url) {
    this.url = url;
  }

  /** The user to migrate as, or {@code null} for the application data source's. */
  public String getUser() {
    return user;
  }

  /** Sets the user to migrate as. */
  public void setUser(String user) {
    this.user = user;
  }

  /** The password of the user to migrate as. */
  public String getPassword() {
    return password;
  }

  /** Sets the password of the user to migrate as. */
  public void setPassword(String password) {
    this.password = password;
  }

  /** The JDBC driver's class name, or {@code null} to find it from the URL. */
  public String getDriverClassName() {
    return driverClassName;
  }

  /** Sets the JDBC driver's class name. */
  public void setDriverClassName(String driverClassName) {
    this.driverClassName = driverClassName;
  }
}
