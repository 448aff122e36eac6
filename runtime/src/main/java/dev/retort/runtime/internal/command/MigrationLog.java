package dev.retort.runtime.internal.command;

import dev.retort.operation.Vendor;
import dev.retort.runtime.Direction;
import dev.retort.runtime.MigrationRun;
import dev.retort.runtime.internal.connect.CurrentSchema;
import java.util.List;
import java.util.Optional;

/**
 * The lines that {@code upgrade} and {@code downgrade} log. With a current schema they name it, since an application
 * that migrates a schema per tenant logs the same revision once for each tenant, often from several threads.
 */
final class MigrationLog {

  private MigrationLog() {}

  /** {@code Applied revision 001 (Create table users.) to schema tenant_acme in 6 ms: 1 statement}. */
  static String ran(MigrationRun run, Optional<String> currentSchema, Vendor vendor) {
    boolean upgrade = run.direction() == Direction.UPGRADE;
    String where = currentSchema.map(name -> (upgrade ? " to " : " from ") + CurrentSchema.kind(vendor) + " " + name).orElse("");
    return (upgrade ? "Applied" : "Reverted") + " revision " + run.revision() + " (" + run.description() + ")"
        + where + " in " + run.duration().toMillis() + " ms: " + run.statements() + " statement"
        + (run.statements() == 1 ? "" : "s");
  }

  /** {@code The schema tenant_acme is at revision 001; nothing to apply}, or {@code Database is at …} without one. */
  static String nothingToDo(List<String> current, Direction direction, Optional<String> currentSchema, Vendor vendor) {
    String at = current.isEmpty() ? "at base" : "at revision " + String.join(", ", current);
    String subject = currentSchema.map(name -> "The " + CurrentSchema.kind(vendor) + " " + name).orElse("Database");
    return subject + " is " + at + "; nothing to " + (direction == Direction.UPGRADE ? "apply" : "revert");
  }
}
