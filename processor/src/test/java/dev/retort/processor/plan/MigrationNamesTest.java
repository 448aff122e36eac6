package dev.retort.processor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.IndexModel;
import dev.retort.model.SequenceModel;
import dev.retort.model.ViewModel;
import dev.retort.model.TableModel;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.AlterSequence;
import dev.retort.operation.Change;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.CreateSequence;
import dev.retort.operation.CreateView;
import dev.retort.operation.CreateTable;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropSequence;
import dev.retort.operation.DropView;
import dev.retort.operation.DropTable;
import dev.retort.operation.Operation;
import dev.retort.operation.RenameColumn;
import dev.retort.operation.RenamePrimaryKey;
import dev.retort.operation.RenameTable;
import dev.retort.operation.ValidateConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MigrationNamesTest {

  private static CreateTable create(String table) {
    return new CreateTable(TableModel.of(table, List.of(ColumnModel.of("id", ColumnType.bigint()))));
  }

  private static AddColumn add(String table, String column) {
    return new AddColumn(table, ColumnModel.of(column, ColumnType.text()));
  }

  private static String summary(Operation... operations) {
    return MigrationNames.summary(List.of(operations));
  }

  @Test
  void oneOperationIsNamedAfterWhatItDoes() {
    assertThat(summary(add("users", "phone"))).isEqualTo("AddUsersPhone");
    assertThat(summary(new DropColumn("order_lines", "unit_price"))).isEqualTo("DropOrderLinesUnitPrice");
    assertThat(summary(new RenameColumn("users", "mail", "email"))).isEqualTo("RenameUsersMailToEmail");
    assertThat(summary(new RenameTable("people", "persons"))).isEqualTo("RenamePeopleToPersons");
    assertThat(summary(new RenamePrimaryKey("people", "pk_people", "pk_persons"))).isEqualTo("RenamePkPersons");
    assertThat(summary(create("users"))).isEqualTo("CreateUsers");
    assertThat(summary(new CreateIndex("users", new IndexModel("ix_users_email", List.of("email"), false), false)))
        .isEqualTo("CreateIxUsersEmail");
    assertThat(summary(new ValidateConstraint("books", "fk_books_author_id"))).isEqualTo("ValidateFkBooksAuthorId");
  }

  @Test
  void newTablesWithTheirIndexesAreNamedAfterTheTables() {
    CreateIndex index = new CreateIndex("books", new IndexModel("ix_books_title", List.of("title"), false), false);

    assertThat(summary(create("authors"), create("books"), index)).isEqualTo("CreateAuthorsAndBooks");
    assertThat(summary(create("a"), create("b"), create("c"))).isEqualTo("CreateABAndC");
    assertThat(summary(create("a"), create("b"), create("c"), create("d"))).isEqualTo("Create4Tables");
  }

  @Test
  void sequencesAreNamedAsTablesAre() {
    CreateSequence ordersSeq = new CreateSequence(SequenceModel.of("orders_seq", 1, 50));

    assertThat(summary(ordersSeq)).isEqualTo("CreateOrdersSeq");
    assertThat(summary(new DropSequence("orders_seq"))).isEqualTo("DropOrdersSeq");
    assertThat(summary(new AlterSequence("orders_seq", Optional.empty(), Optional.of(new Change<>(1L, 50L)))))
        .isEqualTo("AlterOrdersSeq");
  }

  @Test
  void sequencesBesideTablesLeaveTheNameToTheTables() {
    // JPA entities with AUTO keys: each table comes with its sequence, which is no table to count.
    CreateSequence customerSeq = new CreateSequence(SequenceModel.of("customer_seq", 1, 50));
    CreateSequence ordersSeq = new CreateSequence(SequenceModel.of("orders_seq", 1, 50));

    assertThat(summary(ordersSeq, create("orders"))).isEqualTo("CreateOrders");
    assertThat(summary(customerSeq, ordersSeq, create("customer"), create("orders")))
        .isEqualTo("CreateCustomerAndOrders");
    assertThat(summary(customerSeq, add("orders", "note"))).isEqualTo("AddOrdersNote");
    assertThat(summary(customerSeq, ordersSeq)).isEqualTo("CreateCustomerSeqAndOrdersSeq");
    assertThat(summary(new DropSequence("a"), new DropSequence("b"), new DropSequence("c"),
        new DropSequence("d"))).isEqualTo("Drop4Sequences");
  }

  @Test
  void viewsAreNamedAsViewsAndLeaveTheNameToTheTablesTheyAreRecreatedAround() {
    CreateView active = new CreateView(ViewModel.of("active_customer", "SELECT id FROM customers"));
    CreateView top = new CreateView(ViewModel.of("top_orders", "SELECT id FROM orders"));

    assertThat(summary(active)).isEqualTo("CreateActiveCustomerView");
    assertThat(summary(new DropView("active_customer"))).isEqualTo("DropActiveCustomerView");
    assertThat(summary(new DropView("active_customer"), active)).isEqualTo("ReplaceActiveCustomerView");
    assertThat(summary(active, top)).isEqualTo("CreateActiveCustomerAndTopOrdersViews");
    assertThat(summary(new DropView("a"), new DropView("b"), new DropView("c"), new DropView("d")))
        .isEqualTo("Drop4Views");
    assertThat(summary(new DropView("active_customer"), add("customers", "note"), active))
        .isEqualTo("AddCustomersNote");
  }

  @Test
  void columnsAddedToOrDroppedFromOneTableAreListedOrCounted() {
    assertThat(summary(add("users", "phone"), add("users", "fax"))).isEqualTo("AddUsersPhoneAndFax");
    assertThat(summary(add("users", "a"), add("users", "b"), add("users", "c"), add("users", "d")))
        .isEqualTo("Add4ColumnsToUsers");
    assertThat(summary(new DropColumn("users", "a"), new DropColumn("users", "b"), new DropColumn("users", "c"),
        new DropColumn("users", "d"))).isEqualTo("Drop4ColumnsFromUsers");
  }

  @Test
  void mixedChangesToOneTableAlterIt() {
    AlterColumn alter = new AlterColumn("users", "email", Optional.empty(), Optional.of(new Change<>(true, false)),
        Optional.empty(), Optional.empty(), Optional.empty());

    assertThat(summary(add("users", "phone"), alter)).isEqualTo("AlterUsers");
  }

  @Test
  void changesToSeveralTablesNameTheTablesOrCountThem() {
    assertThat(summary(new DropTable("a"), new DropTable("b"))).isEqualTo("DropAAndB");
    assertThat(summary(create("orders"), add("users", "phone"))).isEqualTo("AlterOrdersAndUsers");
    assertThat(summary(add("a", "x"), add("b", "x"), add("c", "x"), add("d", "x"))).isEqualTo("Alter4Tables");
  }

  @Test
  void aRenamedTableIsNamedAfterItsRenameWhateverItsKeyFollowingItsName() {
    assertThat(summary(new RenameTable("people", "persons"), new RenamePrimaryKey("persons", "pk_people", "pk_persons")))
        .isEqualTo("RenamePeopleToPersons");
  }

  @Test
  void longNamesAreShortenedToAValidIdentifier() {
    String table = "a_table_whose_name_goes_on_and_on_and_on_for_quite_a_while";

    String summary = summary(add(table, "first_column_with_a_long_name"));

    assertThat(summary).hasSizeLessThanOrEqualTo(MigrationNames.MAX_SUMMARY).startsWith("AlterATableWhose")
        .matches("[A-Za-z0-9]+");
  }

  @Test
  void namesKeepOnlyAsciiLettersAndDigits() {
    assertThat(MigrationNames.className("20261121_153000", List.of(add("user-accounts", "e.mail"))))
        .isEqualTo("V20261121_153000_AddUserAccountsEMail");
  }

  @Test
  void theDescriptionListsUpToThreeOperationsAndCountsTheRest() {
    assertThat(MigrationNames.description(List.of(add("users", "phone")))).isEqualTo("Add column users.phone.");
    assertThat(MigrationNames.description(List.of(add("users", "phone"), new DropTable("legacy"))))
        .isEqualTo("Add column users.phone; drop table legacy.");
    List<Operation> many = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      many.add(add("users", "c" + i));
    }
    assertThat(MigrationNames.description(many)).isEqualTo("Add column users.c0, and 4 more changes.");
  }

  @Test
  void theDescriptionSpellsOutArrows() {
    AlterColumn widen = new AlterColumn("users", "email",
        Optional.of(new Change<>(ColumnType.varchar(100), ColumnType.varchar(255))), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty());

    assertThat(MigrationNames.description(List.of(widen)))
        .isEqualTo("Alter column users.email (type varchar(100) to varchar(255)).");
  }
}
