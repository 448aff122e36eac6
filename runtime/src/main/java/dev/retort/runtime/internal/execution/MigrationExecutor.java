package dev.retort.runtime.internal.execution;

import dev.retort.operation.Vendor;
import dev.retort.runtime.AppliedRevision;
import dev.retort.runtime.Direction;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.MigrationRun;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.dialect.Step;
import dev.retort.runtime.internal.Advice;
import dev.retort.runtime.internal.VendorNames;
import dev.retort.runtime.internal.connect.CurrentSchema;
import dev.retort.runtime.internal.graph.LoadedRevision;
import dev.retort.runtime.internal.graph.Target;
import dev.retort.runtime.internal.history.VersionTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs planned migrations on one connection and records each in the version table, in the way
 * the database allows:
 *
 * <ul>
 *   <li>{@link Mode#TRANSACTION} (PostgreSQL): each migration, its version-table row included,
 *       is one transaction; a failure rolls all of it back.
 *   <li>{@link Mode#SAVEPOINT} (SQLite, whose lock is a transaction held for the whole
 *       command): each migration is one savepoint, rolled back as a whole on failure.
 *   <li>{@link Mode#AUTOCOMMIT} (H2, MySQL, MariaDB, where DDL commits): statements run in
 *       order; the row is written only once all of them succeeded, so the version table stays
 *       exact, and a failure says which statements had already run.
 * </ul>
 *
 * <p>A statement that must run outside a transaction commits the work before it and runs in
 * auto-commit mode.
 *
 * <p>{@link #runTogether} runs a whole plan in the one transaction (or savepoint) instead, where DDL is
 * transactional: all of its migrations take effect, or none.
 *
 * <p>With {@link TableLocks}, a statement that waits longer than the table lock timeout fails, and the migration is
 * tried again from where nothing of it remains, as often as the retries allow.
 */
public final class MigrationExecutor {

  /** How migrations are made atomic. */
  public enum Mode {
    /** One transaction per migration. */
    TRANSACTION,
    /** One savepoint per migration, inside the lock's transaction. */
    SAVEPOINT,
    /** No transaction: DDL commits each statement. */
    AUTOCOMMIT
  }

  private static final Logger LOG = LoggerFactory.getLogger(MigrationExecutor.class);

  private static final String SAVEPOINT = "retort_migration";

  private final Connection connection;
  private final Vendor vendor;
  private final VersionTable versionTable;
  private final Mode mode;
  private final Target target;
  private final Advice advice;
  private final Optional<TableLocks> tableLocks;
  private final Optional<String> currentSchema;

  /**
   * Creates the executor.
   *
   * @param connection the migration connection, in auto-commit mode, holding the migration lock
   * @param vendor the database
   * @param versionTable the version table
   * @param mode how migrations are made atomic
   * @param target the command's target, for the command a failure message says to run again
   * @param advice writes the commands that failure messages advise
   * @param tableLocks the table lock timeout and its retries; empty to wait as long as the database's own settings
   *     say
   * @param currentSchema the schema the command works in, which a failure names so that a loop over tenants says
   *     which one failed; empty for the connection's own
   */
  public MigrationExecutor(Connection connection, Vendor vendor, VersionTable versionTable, Mode mode, Target target,
      Advice advice, Optional<TableLocks> tableLocks, Optional<String> currentSchema) {
    this.connection = connection;
    this.vendor = vendor;
    this.versionTable = versionTable;
    this.mode = mode;
    this.target = target;
    this.advice = advice;
    this.tableLocks = tableLocks.filter(TableLocks::applies);
    this.currentSchema = currentSchema;
  }

  /** The mode for a database. */
  public static Mode modeFor(Vendor vendor, boolean transactionalDdl) {
    if (vendor == Vendor.SQLITE) {
      return Mode.SAVEPOINT;
    }
    return transactionalDdl ? Mode.TRANSACTION : Mode.AUTOCOMMIT;
  }

  /**
   * Runs one migration and records it.
   *
   * @param migration the migration
   * @param currentBefore gives the database's current revisions before it, for the failure message
   * @param currentAfter gives the database's current revisions once it has run, for the stamp a
   *     failure message advises
   * @param ranBefore the revisions this command already ran, for the failure message
   * @return what ran
   * @throws RetortException {@link ErrorCode#MIGRATION_FAILED} saying which statement failed
   *     and in which state the database is left
   */
  public MigrationRun run(
      PlannedMigration migration, Supplier<List<String>> currentBefore, Supplier<List<String>> currentAfter,
      List<String> ranBefore) {
    LoadedRevision revision = migration.revision();
    List<PlannedStep> steps = migration.steps();
    long start = System.nanoTime();
    int committedThrough = 0;
    int index = 0;
    int attempt = 1;
    while (true) {
      try {
        begin();
        for (; index < steps.size(); index++) {
          PlannedStep step = steps.get(index);
          logStep(migration, index);
          if (step.outsideTransaction() && mode == Mode.TRANSACTION) {
            connection.commit();
            committedThrough = index;
            connection.setAutoCommit(true);
            execute(step);
            committedThrough = index + 1;
            begin();
          } else {
            execute(step);
            if (mode == Mode.AUTOCOMMIT) {
              committedThrough = index + 1;
            }
          }
        }
        break;
      } catch (SQLException | RuntimeException e) {
        rollback();
        Optional<TableLocks> timedOut = tableLocks.filter(locks -> locks.isTimeout(e));
        if (timedOut.isPresent() && attempt <= timedOut.get().retries() && waitToRetry(revision, index, attempt,
            timedOut.get())) {
          // What timed out left nothing behind: the rolled-back transaction, or the one refused statement.
          index = committedThrough;
          attempt++;
          continue;
        }
        int attempts = attempt;
        throw failure(migration, index, committedThrough, currentBefore, currentAfter, ranBefore, e,
            timedOut.map(locks -> new TimedOut(locks, attempts)));
      }
    }
    try {
      record(migration, Duration.ofNanos(System.nanoTime() - start));
      commit();
    } catch (SQLException | RuntimeException e) {
      rollback();
      throw recordingFailure(migration, committedThrough, currentBefore, currentAfter, ranBefore, e);
    }
    return ran(migration, Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * Runs every migration of a plan, and records each, in one transaction (SQLite: one savepoint), committed once the
   * last is recorded: all of them take effect, or none. The plan must have no step that runs only outside a
   * transaction ({@link SingleTransaction#requireInTransaction}), and the mode must not be {@link Mode#AUTOCOMMIT}.
   * A statement that waits longer than the table lock timeout rolls everything back, and the retries start again
   * from the first migration.
   *
   * @param plan the migrations, in the order they run
   * @param currentBefore gives the database's current revisions before the command, for the failure message
   * @return what ran, once committed
   * @throws RetortException {@link ErrorCode#MIGRATION_FAILED} saying which statement failed; nothing of the plan
   *     remains then
   */
  public List<MigrationRun> runTogether(List<PlannedMigration> plan, Supplier<List<String>> currentBefore) {
    if (mode == Mode.AUTOCOMMIT) {
      throw new IllegalStateException("a single transaction needs transactional DDL");
    }
    int attempt = 1;
    while (true) {
      List<MigrationRun> runs = new ArrayList<>();
      PlannedMigration migration = plan.get(0);
      int index = 0;
      Stage stage = Stage.RUNNING;
      try {
        begin();
        for (PlannedMigration next : plan) {
          migration = next;
          long start = System.nanoTime();
          stage = Stage.RUNNING;
          for (index = 0; index < migration.steps().size(); index++) {
            logStep(migration, index);
            execute(migration.steps().get(index));
          }
          stage = Stage.RECORDING;
          record(migration, Duration.ofNanos(System.nanoTime() - start));
          runs.add(ran(migration, Duration.ofNanos(System.nanoTime() - start)));
        }
        stage = Stage.COMMITTING;
        commit();
        return runs;
      } catch (SQLException | RuntimeException e) {
        rollback();
        Optional<TableLocks> timedOut = tableLocks.filter(locks -> locks.isTimeout(e));
        if (stage == Stage.RUNNING && timedOut.isPresent() && attempt <= timedOut.get().retries()
            && waitToRetry(migration.revision(), index, attempt, timedOut.get())) {
          attempt++;
          continue;
        }
        int attempts = attempt;
        Optional<TimedOut> waited = stage == Stage.RUNNING
            ? timedOut.map(locks -> new TimedOut(locks, attempts)) : Optional.empty();
        throw togetherFailure(plan, migration, stage, index, currentBefore, e, waited);
      }
    }
  }

  /** Logs, at DEBUG, the statement of a migration about to run. */
  private static void logStep(PlannedMigration migration, int index) {
    if (LOG.isDebugEnabled()) {
      List<PlannedStep> steps = migration.steps();
      LOG.debug("Revision {}, statement {} of {}: {}", migration.revision().id(), index + 1, steps.size(),
          steps.get(index).display());
    }
  }

  /** How far a plan run together got before it failed. */
  private enum Stage {
    RUNNING,
    RECORDING,
    COMMITTING
  }

  /** Records a migration that ran in the version table: its row on upgrade, none on downgrade. */
  private void record(PlannedMigration migration, Duration duration) throws SQLException {
    LoadedRevision revision = migration.revision();
    if (migration.direction() == Direction.UPGRADE) {
      versionTable.insert(connection, new AppliedRevision(revision.id(), revision.description(), revision.checksum(),
          Instant.now(), Optional.of(duration), revision.sourceChecksum()));
    } else {
      versionTable.delete(connection, revision.id());
    }
  }

  private static MigrationRun ran(PlannedMigration migration, Duration duration) {
    LoadedRevision revision = migration.revision();
    return new MigrationRun(revision.id(), revision.description(), revision.migrationClass(), migration.direction(),
        migration.steps().size(), duration);
  }

  private void begin() throws SQLException {
    switch (mode) {
      case TRANSACTION:
        connection.setAutoCommit(false);
        Optional<String> setting = tableLocks.flatMap(TableLocks::transactionStatement);
        if (setting.isPresent()) {
          statement(setting.get());
        }
        break;
      case SAVEPOINT:
        statement("SAVEPOINT " + SAVEPOINT);
        break;
      default:
        break;
    }
  }

  private void commit() throws SQLException {
    switch (mode) {
      case TRANSACTION:
        connection.commit();
        connection.setAutoCommit(true);
        break;
      case SAVEPOINT:
        statement("RELEASE SAVEPOINT " + SAVEPOINT);
        break;
      default:
        break;
    }
  }

  private void rollback() {
    try {
      switch (mode) {
        case TRANSACTION:
          connection.rollback();
          connection.setAutoCommit(true);
          break;
        case SAVEPOINT:
          statement("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
          statement("RELEASE SAVEPOINT " + SAVEPOINT);
          break;
        default:
          break;
      }
    } catch (SQLException e) {
      LOG.warn("Could not roll back the failed migration; the database ends the transaction when the connection"
          + " closes", e);
    }
  }

  /**
   * Logs that a statement waited too long for a table lock, and waits as long again before the migration is tried
   * again, giving the sessions queued behind the statement their turn.
   *
   * @return false if the thread was interrupted while waiting, which ends the retries
   */
  private static boolean waitToRetry(LoadedRevision revision, int index, int attempt, TableLocks locks) {
    LOG.warn("Revision {}: statement {} waited longer than {} for a lock on a table that another session uses;"
        + " trying again in {} (attempt {} of {})", revision.label(), index + 1, locks.shown(), locks.shown(),
        attempt + 1, locks.retries() + 1);
    try {
      Thread.sleep(locks.timeout().toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A statement that failed for its table lock timeout, on the last attempt there was. */
  private record TimedOut(TableLocks locks, int attempts) {}

  private void execute(PlannedStep planned) throws SQLException {
    Step step = planned.step();
    if (step instanceof Step.Sql sql) {
      statement(sql.sql());
      return;
    }
    Step.Callback callback = (Step.Callback) step;
    if (mode != Mode.AUTOCOMMIT) {
      callback.step().body().run(connection);
      return;
    }
    // Without transactional DDL, a data step still gets a transaction of its own.
    connection.setAutoCommit(false);
    try {
      callback.step().body().run(connection);
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private void statement(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private RetortException failure(
      PlannedMigration migration, int index, int committedThrough, Supplier<List<String>> currentBefore,
      Supplier<List<String>> currentAfter, List<String> ranBefore, Exception cause, Optional<TimedOut> timedOut) {
    LoadedRevision revision = migration.revision();
    List<PlannedStep> steps = migration.steps();
    String database = VendorNames.of(vendor);
    StringBuilder message = failedStatement(migration, index, cause, timedOut);
    List<String> current = currentBefore.get();
    String state = describe(current);
    if (committedThrough == 0) {
      message.append(mode == Mode.AUTOCOMMIT
          ? "No statement of revision " + revision.id() + " had taken effect"
          : database + " ran the migration in one transaction, which was rolled back: nothing of revision "
              + revision.id() + " remains")
          .append(", and the version table still says ").append(state).append(".\n");
      message.append(timedOut.isPresent() ? "Run " : "Fix the migration, or the data it failed on, and run ").append(again(migration, ranBefore))
          .append(" again.");
      if (migration.direction() == Direction.UPGRADE && alreadyExists(cause)) {
        message.append("\nIf the database had this object before Retort (a database adopted from another tool and"
            + " stamped at an earlier revision), the migration is right for a new database: leave it, and record the"
            + " revision on this one with ").append(advice.stamp(currentAfter.get())).append('.');
      }
    } else {
      message.append(mode == Mode.AUTOCOMMIT
              ? database + " commits every DDL statement, so the database is now partially migrated: "
              : "Some statements ran outside a transaction, so the database is now partially migrated: ")
          .append(committedThrough == 1 ? "statement 1" : "statements 1 to " + committedThrough)
          .append(" of revision ").append(revision.id())
          .append(committedThrough == 1 ? " took effect and stays applied:\n" : " took effect and stay applied:\n");
      for (int i = 0; i < committedThrough; i++) {
        message.append("  ").append(i + 1).append(". ").append(steps.get(i).display()).append('\n');
      }
      message.append("The version table still says ").append(state).append(" and does not record revision ")
          .append(revision.id()).append(".\n");
      if (migration.direction() == Direction.UPGRADE) {
        message.append("To repair: undo the statements above by hand and run ").append(again(migration, ranBefore))
            .append(" again once the migration is fixed; or run the remaining statements by hand and record the"
                + " revision with ").append(advice.stamp(currentAfter.get())).append('.');
      } else {
        message.append("To repair: redo the statements' inverse by hand and run ").append(again(migration, ranBefore))
            .append(" again once the migration is fixed; or run the remaining statements by hand and record the"
                + " state with ").append(advice.stamp(currentAfter.get())).append('.');
      }
    }
    if (!ranBefore.isEmpty()) {
      message.append("\nRevisions that this command ").append(migration.direction() == Direction.UPGRADE
          ? "applied" : "reverted").append(" before it stay so: ").append(String.join(", ", ranBefore)).append('.');
    }
    return new RetortException(ErrorCode.MIGRATION_FAILED, message.toString(), cause);
  }

  /**
   * The start of a failure message: which statement of which revision failed, where, and why, with the table lock
   * timeout when that is why.
   */
  private StringBuilder failedStatement(
      PlannedMigration migration, int index, Exception cause, Optional<TimedOut> timedOut) {
    List<PlannedStep> steps = migration.steps();
    StringBuilder message = new StringBuilder();
    message.append(capitalized(verb(migration))).append(" of revision ").append(migration.revision().label())
        .append(" failed at statement ").append(index + 1).append(" of ").append(steps.size()).append(" on ")
        .append(VendorNames.of(vendor)).append(where()).append(":\n  ")
        .append(index < steps.size() ? steps.get(index).display() : "(none)")
        .append("\n  from ").append(index < steps.size() ? steps.get(index).source() : "''")
        .append(": ").append(describe(cause)).append('\n');
    if (timedOut.isPresent()) {
      TableLocks locks = timedOut.get().locks();
      int attempts = timedOut.get().attempts();
      message.append("The statement waited longer than the table lock timeout of ").append(locks.shown())
          .append(" for a lock on a table that another session uses")
          .append(attempts == 1 ? "" : ", on each of " + attempts + " attempts").append(". Find that session (")
          .append(locks.holderHint()).append(") and let it finish, or allow longer with the table lock timeout and"
              + " its retries.\n");
    }
    return message;
  }

  /**
   * The failure of a plan run together, which left nothing of it: a statement that failed, the version table's row
   * that could not be written, or the commit.
   */
  private RetortException togetherFailure(List<PlannedMigration> plan, PlannedMigration migration, Stage stage,
      int index, Supplier<List<String>> currentBefore, Exception cause, Optional<TimedOut> timedOut) {
    String verb = verb(migration);
    StringBuilder message = switch (stage) {
      case RUNNING -> failedStatement(migration, index, cause, timedOut);
      case RECORDING -> new StringBuilder("Recording the ").append(verb).append(" of revision ")
          .append(migration.revision().label()).append(" in the version table ").append(versionTable.displayName())
          .append(" failed").append(where()).append(": ").append(describe(cause)).append('\n');
      case COMMITTING -> new StringBuilder("Committing the single transaction of this ").append(verb)
          .append(" failed on ").append(VendorNames.of(vendor)).append(where()).append(": ").append(describe(cause))
          .append('\n');
    };
    int reached = plan.indexOf(migration) + 1;
    List<PlannedMigration> undone = plan.subList(0, stage == Stage.COMMITTING ? plan.size() : reached);
    List<PlannedMigration> notRun = plan.subList(undone.size(), plan.size());
    message.append(VendorNames.of(vendor)).append(notRun.isEmpty() ? " ran " : " was running ")
        .append(plan.size() == 1 ? "the migration" : "the " + plan.size() + " migrations").append(" of this ")
        .append(verb).append(" in a single transaction, which was rolled back: ")
        .append(migration.direction() == Direction.UPGRADE
            ? "nothing of " + revisions(undone) + " remains"
            : revisions(undone) + (undone.size() == 1 ? " is" : " are") + " still applied")
        .append(notRun.isEmpty() ? "" : ", " + revisions(notRun) + " did not run")
        .append(", and the version table still says ").append(describe(currentBefore.get())).append(".\n");
    message.append(switch (stage) {
      case RUNNING -> timedOut.isPresent() ? "Run " : "Fix the migration, or the data it failed on, and run ";
      case RECORDING -> "Check that the user may write the version table, then run ";
      case COMMITTING -> "Fix what the database refused at the commit, and run ";
    }).append(again(migration, List.of())).append(" again.");
    if (stage == Stage.RUNNING && migration.direction() == Direction.UPGRADE && alreadyExists(cause)) {
      message.append("\nIf the database had this object before Retort (a database adopted from another tool and"
          + " stamped at an earlier revision), the migration is right for a new database: leave it, ");
      if (reached > 1) {
        message.append("run ").append(advice.upgrade(plan.get(reached - 2).revision().id())).append(", ");
      }
      message.append("record the revision with ").append(advice.stamp(List.of(migration.revision().id())))
          .append(", and go on from there.");
    }
    return new RetortException(ErrorCode.MIGRATION_FAILED, message.toString(), cause);
  }

  /** {@code revision 002}, {@code revisions 001 and 002}, {@code the 3 revisions from 001 to 003}, in the plan's order. */
  private static String revisions(List<PlannedMigration> migrations) {
    String first = migrations.get(0).revision().id();
    String last = migrations.get(migrations.size() - 1).revision().id();
    return switch (migrations.size()) {
      case 1 -> "revision " + first;
      case 2 -> "revisions " + first + " and " + last;
      default -> "the " + migrations.size() + " revisions from " + first + " to " + last;
    };
  }

  /** The schema the command works in, as a failure names it: ", in schema tenant_acme"; empty without one. */
  private String where() {
    return currentSchema.map(name -> ", in " + CurrentSchema.kind(vendor) + " " + name).orElse("");
  }

  private RetortException recordingFailure(
      PlannedMigration migration, int committedThrough, Supplier<List<String>> currentBefore,
      Supplier<List<String>> currentAfter, List<String> ranBefore, Exception cause) {
    LoadedRevision revision = migration.revision();
    String verb = verb(migration);
    String state = describe(currentBefore.get());
    String problem = "recording the " + verb + " of revision " + revision.label() + " in the version table "
        + versionTable.displayName() + " failed: " + describe(cause) + "\n";
    String message;
    if (mode == Mode.AUTOCOMMIT || committedThrough == migration.steps().size()) {
      message = "Every statement ran, but " + problem + "The version table still says " + state
          + ", which is no longer true. Check the database, then record its real state with "
          + advice.stamp(currentAfter.get()) + ".";
    } else if (committedThrough > 0) {
      message = "Statements 1 to " + committedThrough + " ran outside a transaction and took effect, but " + problem
          + "The rest was rolled back and the version table still says " + state + ". Undo those statements by"
          + " hand, or finish the migration by hand and record it with " + advice.stamp(currentAfter.get()) + ".";
    } else {
      message = capitalized(problem) + "The migration's transaction was rolled back; the database is still at "
          + state + ". Check that the user may write the version table, then run " + again(migration, ranBefore)
          + " again.";
    }
    return new RetortException(ErrorCode.MIGRATION_FAILED, message, cause);
  }

  /**
   * The command that goes on where this one failed: the same, except that a relative target
   * counts only the revisions it has not yet run.
   */
  private String again(PlannedMigration migration, List<String> ranBefore) {
    String rest = target instanceof Target.Relative relative
        ? new Target.Relative(relative.steps() - Integer.signum(relative.steps()) * ranBefore.size()).toString()
        : target.toString();
    return migration.direction() == Direction.UPGRADE ? advice.upgrade(rest) : advice.downgrade(rest);
  }

  private static String describe(List<String> current) {
    return current.isEmpty() ? "base (no revision)" : "revision " + String.join(", ", current);
  }

  private static String verb(PlannedMigration migration) {
    return migration.direction().name().toLowerCase(Locale.ROOT);
  }

  private static String capitalized(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  /**
   * Whether the database refused to create an object because one of that name exists: a table,
   * view, index, sequence, trigger or constraint (MariaDB, MySQL and H2 {@code 42S01}, H2's
   * index {@code 42S11}, PostgreSQL's {@code 42P07} and {@code 42710}). SQLite gives no SQLState.
   */
  private static boolean alreadyExists(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && List.of("42S01", "42S11", "42P07", "42710").contains(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Throwable cause) {
    if (cause instanceof RetortException) {
      return cause.getMessage();
    }
    if (cause instanceof SQLException sql) {
      return sql.getMessage() + " (SQLState " + sql.getSQLState() + ", error " + sql.getErrorCode() + ")";
    }
    return cause.toString();
  }
}
