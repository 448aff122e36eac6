package dev.retort.runtime.dialect;

import dev.retort.model.ColumnModel;
import dev.retort.model.TableModel;
import dev.retort.operation.AlterColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * A dialect whose database changes a column one attribute at a time with the standard
 * {@code ALTER TABLE … ALTER COLUMN} clauses ({@code SET|DROP NOT NULL},
 * {@code SET|DROP DEFAULT}, {@code DROP IDENTITY}): PostgreSQL and H2. They differ in how they
 * change a type and make a column an identity.
 */
abstract class StandardSqlDialect extends SqlDialect {

  StandardSqlDialect(Capabilities capabilities) {
    super(capabilities);
  }

  /**
   * Statements changing a column's type. They leave the column with the default it has after
   * the change, so the default is not rendered again.
   */
  abstract List<Step> changeType(TableModel table, ColumnModel before, ColumnModel after, Context context);

  /** Statements that make an existing column an identity column whose next value follows the column's values. */
  abstract List<Step> addIdentity(TableModel table, ColumnModel column);

  /**
   * Renders the change attribute by attribute, in an order in which each statement is legal
   * after the previous one: identity off, type, nullability, default, identity on, comment.
   */
  @Override
  final List<Step> alterColumn(AlterColumn operation, Context context) {
    TableModel table = context.tableAfter(operation.table());
    ColumnModel before = context.column(context.tableBefore(operation.table()), operation.column());
    ColumnModel after = context.column(table, operation.column());
    String alter = "ALTER TABLE " + table(table) + " ALTER COLUMN " + quote(after.name()) + " ";
    List<Step> steps = new ArrayList<>();
    if (operation.identity().isPresent() && !after.identity()) {
      steps.add(sql(alter + "DROP IDENTITY"));
    }
    if (operation.type().isPresent()) {
      steps.addAll(changeType(table, before, after, context));
    }
    if (operation.nullable().isPresent()) {
      steps.add(sql(alter + (after.nullable() ? "DROP NOT NULL" : "SET NOT NULL")));
    }
    if (operation.defaultValue().isPresent() && operation.type().isEmpty()) {
      steps.add(sql(alter + after.defaultValue()
          .map(value -> "SET DEFAULT " + defaultValue(table, after, value))
          .orElse("DROP DEFAULT")));
    }
    if (operation.identity().isPresent() && after.identity()) {
      steps.addAll(addIdentity(table, after));
    }
    if (operation.comment().isPresent()) {
      steps.add(sql(commentOnColumn(table, after.name(), after.comment())));
    }
    return steps;
  }
}
