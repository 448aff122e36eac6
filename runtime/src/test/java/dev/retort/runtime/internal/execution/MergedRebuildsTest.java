package dev.retort.runtime.internal.execution;

import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.integer;
import static dev.retort.model.ColumnType.varchar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.dsl.Schema;
import dev.retort.model.SchemaModel;
import dev.retort.operation.AddCheck;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.Operation;
import dev.retort.runtime.dialect.Step;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which consecutive operations of a migration become one table rebuild, with a dialect that rebuilds for each. */
class MergedRebuildsTest {

  private static final SchemaModel BASE = SchemaModel.empty().applyAll(new Schema()
      .createTable("items", t -> t
          .column("id", integer(), notNull())
          .column("qty", integer())
          .column("name", varchar(50))
          .primaryKey("pk_items", "id"))
      .createTable("other", t -> t.column("x", integer()))
      .operations());

  private static final String QTY = "'alter column items.qty (type integer -> bigint)'";
  private static final String NAME = "'alter column items.name (type varchar(50) -> varchar(200))'";

  private final RebuildingDialect dialect = new RebuildingDialect();

  @Test
  void consecutiveColumnChangesOfOneTableAreOneRebuildToTheTableAfterTheLast() {
    assertThat(steps(new Schema().alterTable("items", t -> t
        .alterColumn("qty", c -> c.type(integer(), bigint()))
        .addColumn("score", integer())
        .alterColumn("name", c -> c.type(varchar(50), varchar(200))))))
        .containsExactly("rebuild items from [id, qty, name] to [id, qty, name, score] <- " + QTY
            + ", 'add column items.score' and " + NAME + ", done in one table rebuild");
  }

  @Test
  void oneColumnChangeKeepsItsOwnSteps() {
    assertThat(steps(new Schema().alterTable("items", t -> t.alterColumn("qty", c -> c.type(integer(), bigint())))))
        .containsExactly("alter column items.qty (type integer -> bigint) <- " + QTY);
  }

  @Test
  void anythingInBetweenKeepsTheRebuildsApart() {
    assertThat(steps(new Schema()
        .alterTable("items", t -> t.alterColumn("qty", c -> c.type(integer(), bigint())))
        .execute("UPDATE items SET qty = 0")
        .alterTable("items", t -> t.alterColumn("name", c -> c.type(varchar(50), varchar(200))))))
        .containsExactly("alter column items.qty (type integer -> bigint) <- " + QTY,
            "execute UPDATE items SET qty = 0 <- 'execute UPDATE items SET qty = 0'",
            "alter column items.name (type varchar(50) -> varchar(200)) <- " + NAME);
  }

  @Test
  void aChangeOfAnotherTableInBetweenKeepsTheRebuildsApart() {
    assertThat(steps(new Schema()
        .alterTable("items", t -> t.alterColumn("qty", c -> c.type(integer(), bigint())))
        .alterTable("other", t -> t.alterColumn("x", c -> c.type(integer(), bigint())))
        .alterTable("items", t -> t.alterColumn("name", c -> c.type(varchar(50), varchar(200))))))
        .hasSize(3);
  }

  @Test
  void aSecondChangeOfAColumnStartsAnotherRebuild() {
    assertThat(steps(new Schema().alterTable("items", t -> t
        .alterColumn("name", c -> c.type(varchar(50), integer()))
        .alterColumn("name", c -> c.type(integer(), varchar(50)))
        .alterColumn("qty", c -> c.type(integer(), bigint())))))
        .containsExactly("alter column items.name (type varchar(50) -> integer) <- 'alter column items.name"
                + " (type varchar(50) -> integer)'",
            "rebuild items from [id, qty, name] to [id, qty, name] <- 'alter column items.name (type integer"
                + " -> varchar(50))' and " + QTY + ", done in one table rebuild");
  }

  @Test
  void theRebuildOfAConstraintIsDoneOnItsOwn() {
    assertThat(steps(new Schema().alterTable("items", t -> t
        .alterColumn("qty", c -> c.type(integer(), bigint()))
        .addCheck("ck_items_qty", "qty >= 0")
        .alterColumn("name", c -> c.type(varchar(50), varchar(200))))))
        .hasSize(3)
        .noneMatch(step -> step.startsWith("rebuild"));
  }

  /** The steps of a migration on {@link #BASE}, each as its SQL and where it comes from. */
  private List<String> steps(Schema migration) {
    MergedRebuilds steps = new MergedRebuilds(dialect);
    SchemaModel schema = BASE;
    for (Operation operation : migration.operations()) {
      SchemaModel after = schema.apply(operation);
      steps.add(operation, schema, after, dialect.render(operation, schema, after));
      schema = after;
    }
    return steps.steps().stream().map(step -> ((Step.Sql) step.step()).sql() + " <- " + step.source()).toList();
  }

  /** Says that it rebuilds for every column change and check, and renders a rebuild as one line. */
  private static final class RebuildingDialect extends RecordingDialect {

    @Override
    public Optional<String> rebuiltTable(Operation operation, SchemaModel before, SchemaModel after) {
      if (operation instanceof AlterColumn alter) {
        return Optional.of(alter.table());
      }
      if (operation instanceof AddColumn add) {
        return Optional.of(add.table());
      }
      if (operation instanceof AddCheck check) {
        return Optional.of(check.table());
      }
      return Optional.empty();
    }

    @Override
    public List<Step> renderRebuild(String table, SchemaModel before, SchemaModel after) {
      return List.of(Step.Sql.of("rebuild " + table + " from " + before.table(table).orElseThrow().columnNames()
          + " to " + after.table(table).orElseThrow().columnNames()));
    }
  }
}
