package dev.retort.runtime.internal.execution;

import dev.retort.runtime.Direction;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.internal.Advice;
import dev.retort.runtime.internal.VendorNames;
import java.util.List;
import java.util.Locale;

/**
 * What running all the migrations of a command in one transaction needs, checked before anything changes: a database
 * whose DDL is transactional, and migrations without a statement that runs only outside a transaction.
 */
public final class SingleTransaction {

  /** How the setting is named where users set it, for the messages that say to turn it off. */
  private static final String SETTING = "singleTransaction (retort.single-transaction in Spring Boot,"
      + " --single-transaction on the command line, retort.singleTransaction in Maven)";

  private SingleTransaction() {}

  /**
   * Refuses a database that commits every DDL statement.
   *
   * @param dialect the database's dialect
   * @throws RetortException {@link ErrorCode#UNSUPPORTED_OPERATION} on H2, MariaDB and MySQL
   */
  public static void requireTransactionalDdl(Dialect dialect) {
    if (dialect.transactionalDdl()) {
      return;
    }
    String database = VendorNames.of(dialect.vendor());
    throw new RetortException(ErrorCode.UNSUPPORTED_OPERATION, "Cannot run the migrations in a single transaction on "
        + database + ": it commits every DDL statement, so a failing migration could not take back the ones before"
        + " it. Only PostgreSQL and SQLite can. Nothing was changed. Turn off " + SETTING + " for " + database
        + ": each migration then runs in order, and after a failure the version table still says exactly what"
        + " took effect.");
  }

  /**
   * Refuses a plan with a statement that runs only outside a transaction, such as PostgreSQL's
   * {@code CREATE INDEX CONCURRENTLY}.
   *
   * @param plan the migrations the command would run, in order
   * @param dialect the database's dialect
   * @param advice writes the command that runs the part of the plan before that migration
   * @throws RetortException {@link ErrorCode#UNSUPPORTED_OPERATION} naming the revision and the statement
   */
  public static void requireInTransaction(List<PlannedMigration> plan, Dialect dialect, Advice advice) {
    for (int i = 0; i < plan.size(); i++) {
      PlannedMigration migration = plan.get(i);
      List<PlannedStep> steps = migration.steps();
      for (int index = 0; index < steps.size(); index++) {
        if (!steps.get(index).outsideTransaction()) {
          continue;
        }
        String verb = migration.direction().name().toLowerCase(Locale.ROOT);
        // Up to the revision before it, or down to it, leaving it as the next one to run.
        String before = i == 0 ? ""
            : (migration.direction() == Direction.UPGRADE ? advice.upgrade(plan.get(i - 1).revision().id())
                : advice.downgrade(migration.revision().id())) + " in a single transaction, then ";
        throw new RetortException(ErrorCode.UNSUPPORTED_OPERATION, "Cannot run revision "
            + migration.revision().label() + " in a single transaction with the rest of this " + verb + ": statement "
            + (index + 1) + " of its " + verb + ", " + steps.get(index).display() + ", runs only outside a"
            + " transaction on " + VendorNames.of(dialect.vendor()) + ". None of the migrations ran. Run " + before
            + "the rest with " + SETTING + " turned off.");
      }
    }
  }
}
