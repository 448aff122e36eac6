package dev.retort.examples.guide;

import static dev.retort.dsl.ColumnOption.identity;
import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.decimal;

import dev.retort.Migration;
import dev.retort.RevisionInfo;
import dev.retort.dsl.Schema;
import dev.retort.runtime.Retort;
import java.util.List;

/**
 * The big-table pattern of docs/patterns.md: a foreign key, a check and NOT NULL given to a table that has rows, in
 * two releases, without holding a lock that stops the application writing while PostgreSQL reads the table.
 */
final class BigTable {

  private BigTable() {}

  /** Where it starts: orders whose customer and total nothing checks yet. */
  static final class CreateTables implements Migration {
    @Override
    public void upgrade(Schema schema) {
      schema.createTable("customers", t -> t.column("id", bigint(), identity()).primaryKey("pk_customers", "id"));
      schema.createTable("orders", t -> t
          .column("id", bigint(), identity())
          .column("customer_id", bigint())
          .column("total", decimal(10, 2))
          .primaryKey("pk_orders", "id"));
    }

    @Override
    public void downgrade(Schema schema) {
      schema.dropTable("orders");
      schema.dropTable("customers");
    }
  }

  /** The first release: the constraints, checked for new rows only. */
  static final class AddOrdersConstraints implements Migration {
    // tag::addNotValid[]
    @Override
    public void upgrade(Schema schema) {
      schema.alterTable("orders", t -> t
          .addForeignKeyNotValid("fk_orders_customer_id", fk -> fk.columns("customer_id").references("customers", "id"))
          .addCheckNotValid("ck_orders_total", "total >= 0")
          .addCheckNotValid("ck_orders_total_not_null", "total IS NOT NULL"));
    }

    @Override
    public void downgrade(Schema schema) {
      schema.alterTable("orders", t -> t
          .dropCheck("ck_orders_total_not_null")
          .dropCheck("ck_orders_total")
          .dropForeignKey("fk_orders_customer_id"));
    }
    // end::addNotValid[]
  }

  /** The second release: the rows already there checked, and NOT NULL on the strength of the check. */
  static final class ValidateOrdersConstraints implements Migration {
    // tag::validate[]
    @Override
    public void upgrade(Schema schema) {
      schema.alterTable("orders", t -> t
          .validateConstraint("fk_orders_customer_id")
          .validateConstraint("ck_orders_total")
          .validateConstraint("ck_orders_total_not_null")
          .alterColumn("total", c -> c.setNotNull())
          .dropCheck("ck_orders_total_not_null"));
    }

    @Override
    public void downgrade(Schema schema) {
      // Validating changed no schema, so nothing undoes it; the check comes back as the first release left it.
      schema.alterTable("orders", t -> t
          .addCheckNotValid("ck_orders_total_not_null", "total IS NOT NULL")
          .alterColumn("total", c -> c.dropNotNull()));
    }
    // end::validate[]
  }

  /** The three revisions: {@code 1} creates the tables, {@code 2} is the first release, {@code 3} the second. */
  static List<RevisionInfo> revisions() {
    return List.of(
        Retort.revision("1", List.of(), CreateTables::new),
        Retort.revision("2", List.of("1"), AddOrdersConstraints::new),
        Retort.revision("3", List.of("2"), ValidateOrdersConstraints::new));
  }
}
