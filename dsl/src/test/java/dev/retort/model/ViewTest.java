package dev.retort.model;

import static dev.retort.model.Fixtures.keyed;
import static dev.retort.model.Fixtures.notNull;
import static dev.retort.model.Fixtures.nullable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.model.ColumnType.Scalar;
import dev.retort.operation.CreateView;
import dev.retort.operation.DropView;
import dev.retort.operation.Operation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Views in the model: validation, the schema that holds them, applying their operations, and the
 * differ's order: views dropped first and created last, around every change of a table they read.
 */
class ViewTest {

  private static final TableModel CUSTOMERS =
      keyed("customers", nullable("email", Scalar.TEXT), notNull("active", Scalar.BOOLEAN)).build();
  private static final TableModel ORDERS = keyed("orders", nullable("total", Scalar.INTEGER)).build();
  private static final ViewModel ACTIVE = ViewModel.of("active_customer", "SELECT id, email FROM customers WHERE active");

  @Test
  void aViewHasAQueryWithoutASemicolonKeptAsWrittenButForTheWhiteSpaceAroundIt() {
    assertThat(ViewModel.of("v", "\n  SELECT 1\n  FROM t \n").query()).isEqualTo("SELECT 1\n  FROM t");
    assertThatThrownBy(() -> ViewModel.of("v", " \n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("view v has an empty query");
    assertThatThrownBy(() -> ViewModel.of("v", "SELECT 1;"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the query of view v ends with ';'");
  }

  @Test
  void aSchemaSortsItsViewsAndComparesThem() {
    ViewModel big = ViewModel.of("big_orders", "SELECT id FROM orders WHERE total > 100");
    SchemaModel schema = new SchemaModel(List.of(CUSTOMERS, ORDERS), List.of(), List.of(ACTIVE, big));

    assertThat(schema.views()).containsExactly(ACTIVE, big);
    assertThat(schema.view("big_orders")).contains(big);
    assertThat(schema.view("orders")).isEmpty();
    assertThat(schema).isNotEqualTo(new SchemaModel(List.of(CUSTOMERS, ORDERS)))
        .isEqualTo(new SchemaModel(List.of(ORDERS, CUSTOMERS), List.of(), List.of(big, ACTIVE)))
        .hasSameHashCodeAs(new SchemaModel(List.of(ORDERS, CUSTOMERS), List.of(), List.of(big, ACTIVE)));
  }

  @Test
  void aViewNameIsNotAnotherViewsNorATablesSequencesOrIndexes() {
    assertThatThrownBy(() -> new SchemaModel(List.of(), List.of(), List.of(ACTIVE, ViewModel.of("active_customer", "SELECT 1"))))
        .isInstanceOf(SchemaException.class)
        .hasMessage("the schema has two views named active_customer");
    assertThatThrownBy(() -> new SchemaModel(List.of(ORDERS), List.of(), List.of(ViewModel.of("orders", "SELECT 1"))))
        .isInstanceOf(SchemaException.class)
        .hasMessageStartingWith("view orders has the name of a table;");
    assertThatThrownBy(() -> new SchemaModel(List.of(), List.of(SequenceModel.of("s", 1, 1)),
        List.of(ViewModel.of("s", "SELECT 1"))))
        .isInstanceOf(SchemaException.class)
        .hasMessageStartingWith("view s has the name of a sequence;");
    assertThatThrownBy(() -> new SchemaModel(List.of(ORDERS), List.of(), List.of(ViewModel.of("pk_orders", "SELECT 1"))))
        .isInstanceOf(SchemaException.class)
        .hasMessageStartingWith("view pk_orders has the name of a constraint or index on orders;");
  }

  @Test
  void createAndDropViewChangeTheSchemaAndMisfitsAreRefused() {
    SchemaModel tables = new SchemaModel(List.of(CUSTOMERS));
    SchemaModel withView = tables.apply(new CreateView(ACTIVE));

    assertThat(withView.views()).containsExactly(ACTIVE);
    assertThat(withView.apply(new DropView("active_customer"))).isEqualTo(tables);
    assertThatThrownBy(() -> withView.apply(new CreateView(ACTIVE)))
        .isInstanceOf(SchemaException.class)
        .hasMessageContaining("view active_customer already exists");
    assertThatThrownBy(() -> tables.apply(new DropView("active_customer")))
        .isInstanceOf(SchemaException.class)
        .hasMessageContaining("there is no view active_customer");
    assertThatThrownBy(() -> tables.apply(new CreateView(ViewModel.of("customers", "SELECT 1"))))
        .isInstanceOf(SchemaException.class)
        .hasMessageContaining("view customers has the name of a table");
    assertThatThrownBy(() -> withView.applyAll(List.of(new DropView("active_customer"), new DropView("active_customer"))))
        .isInstanceOf(SchemaException.class)
        .hasMessageContaining("there is no view active_customer");
  }

  @Test
  void aNewViewIsCreatedAfterEverythingElse() {
    SchemaModel from = new SchemaModel(List.of(CUSTOMERS));
    SchemaModel to = new SchemaModel(List.of(CUSTOMERS, ORDERS), List.of(), List.of(ACTIVE));

    assertThat(summaries(from, to)).containsExactly("CreateTable", "create view active_customer");
    assertThat(summaries(to, from)).containsExactly("drop view active_customer", "DropTable");
  }

  @Test
  void aChangedQueryIsADropFirstAndACreateLast() {
    SchemaModel from = schema(List.of(CUSTOMERS, ORDERS), ACTIVE);
    ViewModel changed = ViewModel.of("active_customer", "SELECT id FROM customers WHERE active");
    TableModel ordersWithNote = ORDERS.toBuilder().column(nullable("note", Scalar.TEXT)).build();
    SchemaModel to = schema(List.of(CUSTOMERS, ordersWithNote), changed);

    List<Operation> upgrade = SchemaDiff.diff(from, to);

    assertThat(summaries(upgrade)).containsExactly(
        "drop view active_customer", "AddColumn", "create view active_customer");
    assertThat(upgrade.get(2)).isEqualTo(new CreateView(changed));
    assertThat(from.applyAll(upgrade)).isEqualTo(to);
  }

  @Test
  void aViewOnATableWhoseColumnIsDroppedRetypedOrRenamedIsDroppedBeforeAndCreatedAfter() {
    SchemaModel from = schema(List.of(CUSTOMERS, ORDERS), ACTIVE);
    TableModel retyped = keyed("customers", nullable("email", Scalar.BIGINT), notNull("active", Scalar.BOOLEAN)).build();
    TableModel dropped = keyed("customers", notNull("active", Scalar.BOOLEAN)).build();

    assertThat(summaries(from, schema(List.of(retyped, ORDERS), ACTIVE))).first()
        .isEqualTo("drop view active_customer");
    assertThat(summaries(from, schema(List.of(retyped, ORDERS), ACTIVE))).last()
        .isEqualTo("create view active_customer");
    List<String> dropColumn = summaries(from, schema(List.of(dropped, ORDERS),
        ViewModel.of("active_customer", "SELECT id FROM customers WHERE active")));
    assertThat(dropColumn).containsExactly(
        "drop view active_customer", "DropColumn", "create view active_customer");

    TableModel renamedColumn = keyed("customers", nullable("mail", Scalar.TEXT), notNull("active", Scalar.BOOLEAN)).build();
    RenameHints hints = new RenameHints(Map.of(), Map.of("customers", Map.of("mail", "email")));
    ViewModel renamedView = ViewModel.of("active_customer", "SELECT id, mail FROM customers WHERE active");
    assertThat(summaries(SchemaDiff.diff(from, schema(List.of(renamedColumn, ORDERS), renamedView), hints)))
        .containsExactly("drop view active_customer", "RenameColumn",
            "create view active_customer");
  }

  @Test
  void aViewOnARenamedTableIsDroppedBeforeAndCreatedAfterTheRename() {
    SchemaModel from = schema(List.of(CUSTOMERS), ACTIVE);
    TableModel clients = keyed("clients", nullable("email", Scalar.TEXT), notNull("active", Scalar.BOOLEAN)).build();
    ViewModel onClients = ViewModel.of("active_customer", "SELECT id, email FROM clients WHERE active");
    SchemaModel to = schema(List.of(clients), onClients);
    RenameHints hints = new RenameHints(Map.of("clients", "customers"), Map.of());

    List<Operation> upgrade = SchemaDiff.diff(from, to, hints);

    assertThat(summaries(upgrade).get(0)).isEqualTo("drop view active_customer");
    assertThat(summaries(upgrade)).contains("RenameTable");
    assertThat(upgrade.get(upgrade.size() - 1)).isEqualTo(new CreateView(onClients));
    assertThat(from.applyAll(upgrade)).isEqualTo(to);
    assertThat(to.applyAll(SchemaDiff.diff(to, from, hints.inverse()))).isEqualTo(from);
  }

  @Test
  void theReferenceIsFoundQuotedQualifiedInAnyCaseButNotInLiteralsOrComments() {
    TableModel retyped = keyed("customers", nullable("email", Scalar.BIGINT), notNull("active", Scalar.BOOLEAN)).build();
    for (String query : List.of("SELECT * FROM \"Customers\"", "SELECT * FROM sales.CUSTOMERS",
        "SELECT * FROM `customers` c", "SELECT c.id FROM orders o JOIN customers c ON c.id = o.id")) {
      ViewModel view = ViewModel.of("v", query);
      assertThat(summaries(schema(List.of(CUSTOMERS, ORDERS), view), schema(List.of(retyped, ORDERS), view)))
          .as(query).containsExactly("drop view v", "AlterColumn", "create view v");
    }
    for (String query : List.of("SELECT 'customers' FROM orders", "SELECT id FROM orders -- customers",
        "SELECT id /* customers */ FROM orders", "SELECT customers_id FROM orders")) {
      ViewModel view = ViewModel.of("v", query);
      assertThat(summaries(schema(List.of(CUSTOMERS, ORDERS), view), schema(List.of(retyped, ORDERS), view)))
          .as(query).containsExactly("AlterColumn");
    }
  }

  @Test
  void anUnrelatedTableChangeLeavesTheViewAlone() {
    SchemaModel from = schema(List.of(CUSTOMERS, ORDERS), ACTIVE);
    TableModel ordersWithNote = ORDERS.toBuilder().column(nullable("note", Scalar.TEXT)).build();

    assertThat(summaries(from, schema(List.of(CUSTOMERS, ordersWithNote), ACTIVE)))
        .containsExactly("AddColumn");
    assertThat(SchemaDiff.diff(from, from)).isEmpty();
  }

  @Test
  void viewsOnViewsAreDroppedReadersFirstAndCreatedReadersLast() {
    ViewModel emails = ViewModel.of("a_emails", "SELECT email FROM active_customer");
    ViewModel domains = ViewModel.of("a_domains", "SELECT substr(email, 1) AS domain FROM a_emails");
    ViewModel other = ViewModel.of("z_orders", "SELECT id FROM orders");
    SchemaModel from = new SchemaModel(List.of(CUSTOMERS, ORDERS), List.of(), List.of(ACTIVE, emails, domains, other));
    TableModel retyped = keyed("customers", nullable("email", Scalar.BIGINT), notNull("active", Scalar.BOOLEAN)).build();
    SchemaModel to = new SchemaModel(List.of(retyped, ORDERS), List.of(), List.of(ACTIVE, emails, domains, other));

    assertThat(summaries(from, to)).containsExactly(
        "drop view a_domains", "drop view a_emails", "drop view active_customer",
        "AlterColumn",
        "create view active_customer", "create view a_emails", "create view a_domains");
    assertThat(summaries(from, new SchemaModel(List.of(CUSTOMERS, ORDERS))))
        .containsExactly("drop view a_domains", "drop view a_emails", "drop view active_customer", "drop view z_orders");
    assertThat(summaries(new SchemaModel(List.of(CUSTOMERS, ORDERS)), from))
        .containsExactly("create view active_customer", "create view a_emails", "create view a_domains",
            "create view z_orders");
  }

  @Test
  void aViewReadingAViewThatIsReplacedIsReplacedToo() {
    ViewModel emails = ViewModel.of("emails", "SELECT email FROM active_customer");
    ViewModel changed = ViewModel.of("active_customer", "SELECT id, email FROM customers");
    SchemaModel from = new SchemaModel(List.of(CUSTOMERS), List.of(), List.of(ACTIVE, emails));
    SchemaModel to = new SchemaModel(List.of(CUSTOMERS), List.of(), List.of(changed, emails));

    assertThat(summaries(from, to)).containsExactly(
        "drop view emails", "drop view active_customer", "create view active_customer", "create view emails");
    assertThat(from.applyAll(SchemaDiff.diff(from, to))).isEqualTo(to);
  }

  @Test
  void aViewMovedToAnotherSchemaIsDroppedAndCreated() {
    SchemaModel from = schema(List.of(CUSTOMERS), ACTIVE);
    ViewModel moved = new ViewModel("active_customer", "sales", ACTIVE.query());

    assertThat(SchemaDiff.diff(from, schema(List.of(CUSTOMERS), moved)))
        .containsExactly(new DropView("active_customer"), new CreateView(moved));
  }

  private static SchemaModel schema(List<TableModel> tables, ViewModel view) {
    return new SchemaModel(tables, List.of(), List.of(view));
  }

  private static List<String> summaries(SchemaModel from, SchemaModel to) {
    List<Operation> upgrade = SchemaDiff.diff(from, to);
    assertThat(from.applyAll(upgrade)).isEqualTo(to);
    return summaries(upgrade);
  }

  /** The views' operations by summary, the others by kind. */
  private static List<String> summaries(List<Operation> operations) {
    return operations.stream()
        .map(o -> o instanceof CreateView || o instanceof DropView ? o.summary() : o.getClass().getSimpleName())
        .toList();
  }

}
