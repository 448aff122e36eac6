package dev.retort.runtime.internal.execution;

import dev.retort.model.SchemaModel;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.Operation;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Step;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Collects the steps of one migration's operations, each rendered on its own, and renders
 * consecutive operations that each rebuild the same table as one rebuild
 * ({@link Dialect#rebuiltTable}), so that the rows are copied once instead of once per operation:
 * two changed fields of an entity on SQLite are two column changes of its table.
 *
 * <p>A run of operations is rendered as one rebuild, from the schema before the first to the
 * schema after the last, only where that leaves what rebuilding after each leaves:
 *
 * <ul>
 *   <li>the operations are consecutive, so nothing runs in between that could need the table as
 *       one of them leaves it: a data step, an {@code execute}, a rename (the rebuild copies the
 *       columns by name), a change of another table. An operation that the dialect renders as no
 *       statement at all (on SQLite a comment's change, which it does not store) runs nothing, and
 *       joins the run;
 *   <li>each adds or alters a column of its own. Each rebuild converts the values it copies to the
 *       columns' types, so a column changed twice would be converted once instead of twice
 *       ({@code '007'} made an integer and text again is {@code '7'}), and a column added and then
 *       changed would get its final default instead of the one it was added with. The rebuilds of
 *       keys, constraints and foreign keys are not merged: one added and dropped again would never
 *       be checked.
 * </ul>
 *
 * <p>The merged rebuild checks the rows once, against the table the last operation leaves, as a
 * database that alters a table in one statement does; a row that only a table in between could
 * refuse (a check on two columns, one of them changed before the other) is not refused.
 *
 * <p>Only the run being collected is held, so a migration of thousands of operations keeps no
 * schema but the two around that run.
 */
public final class MergedRebuilds {

  private final Dialect dialect;
  private final List<PlannedStep> steps = new ArrayList<>();
  private final List<Operation> run = new ArrayList<>();
  private final Set<String> runColumns = new HashSet<>();
  private List<Step> runFirstSteps = List.of();
  private String runTable;
  private SchemaModel runBefore;
  private SchemaModel runAfter;

  /**
   * Starts a migration's steps.
   *
   * @param dialect the database's dialect
   */
  public MergedRebuilds(Dialect dialect) {
    this.dialect = Objects.requireNonNull(dialect, "dialect == null");
  }

  /**
   * Adds the migration's next operation.
   *
   * @param operation the operation
   * @param before the schema before it
   * @param after the schema after it
   * @param rendered its steps, rendered on its own
   */
  public void add(Operation operation, SchemaModel before, SchemaModel after, List<Step> rendered) {
    if (rendered.isEmpty() && !run.isEmpty()) {
      // Nothing runs for it: the rebuild goes on to the schema after it.
      runAfter = after;
      return;
    }
    Optional<ColumnChange> change = changedColumn(operation, before, after);
    if (change.isPresent() && !run.isEmpty() && change.get().table().equals(runTable)
        && runColumns.add(change.get().key())) {
      run.add(operation);
      runAfter = after;
      return;
    }
    flush();
    if (change.isEmpty()) {
      rendered.forEach(step -> steps.add(new PlannedStep(step, operation)));
      return;
    }
    run.add(operation);
    runColumns.add(change.get().key());
    runFirstSteps = List.copyOf(rendered);
    runTable = change.get().table();
    runBefore = before;
    runAfter = after;
  }

  /**
   * The steps of the operations added so far.
   *
   * @return the steps, in order
   */
  public List<PlannedStep> steps() {
    flush();
    return List.copyOf(steps);
  }

  /** Adds the steps of the run being collected: its one operation's own, or one rebuild for all. */
  private void flush() {
    if (run.size() == 1) {
      Operation only = run.get(0);
      runFirstSteps.forEach(step -> steps.add(new PlannedStep(step, only)));
    } else if (run.size() > 1) {
      List<Operation> merged = List.copyOf(run);
      dialect.renderRebuild(runTable, runBefore, runAfter).forEach(step -> steps.add(new PlannedStep(step, merged)));
    }
    run.clear();
    runColumns.clear();
    runFirstSteps = List.of();
    runTable = null;
    runBefore = null;
    runAfter = null;
  }

  /** The column that an operation adds or alters by rebuilding its table, if it does. */
  private Optional<ColumnChange> changedColumn(Operation operation, SchemaModel before, SchemaModel after) {
    ColumnChange change;
    if (operation instanceof AlterColumn alter) {
      change = new ColumnChange(alter.table(), alter.column());
    } else if (operation instanceof AddColumn add) {
      change = new ColumnChange(add.table(), add.column().name());
    } else {
      return Optional.empty();
    }
    boolean rebuilds = dialect.rebuiltTable(operation, before, after).filter(change.table()::equals).isPresent();
    return rebuilds ? Optional.of(change) : Optional.empty();
  }

  /**
   * A column of a table that an operation changes.
   *
   * @param table the table
   * @param column the column
   */
  private record ColumnChange(String table, String column) {

    /** The column's name with case aside, as SQLite compares names, so that no column counts as two. */
    String key() {
      return column.toLowerCase(Locale.ROOT);
    }
  }
}
