package dev.retort.dsl;

import static dev.retort.dsl.ColumnOption.identity;
import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.PrimaryKeyModel;
import dev.retort.model.SequenceModel;
import dev.retort.model.TableModel;
import dev.retort.model.ViewModel;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.AlterSequence;
import dev.retort.operation.Change;
import dev.retort.operation.CreateSequence;
import dev.retort.operation.CreateTable;
import dev.retort.operation.CreateView;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropSequence;
import dev.retort.operation.DropTable;
import dev.retort.operation.DropView;
import dev.retort.operation.Execute;
import dev.retort.operation.JdbcStep;
import dev.retort.operation.Operation;
import dev.retort.operation.RenameTable;
import dev.retort.operation.Vendor;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SchemaTest {

  @Test
  void createTableRecordsTheWholeTable() {
    Schema schema = new Schema();

    schema.createTable("users", t -> t
        .column("id", bigint(), identity())
        .column("email", varchar(255), notNull())
        .primaryKey("pk_users", "id"));

    TableModel expected = new TableModel.Builder("users")
        .column(new ColumnModel("id", ColumnType.bigint(), false, Optional.empty(), true, Optional.empty()))
        .column(new ColumnModel("email", ColumnType.varchar(255), false, Optional.empty(), false, Optional.empty()))
        .primaryKey(Optional.of(new PrimaryKeyModel("pk_users", List.of("id"))))
        .build();
    assertThat(schema.operations()).containsExactly(new CreateTable(expected));
  }

  @Test
  void recordsEveryCallInCallOrder() {
    JdbcStep.Body backfill = connection -> { };
    Schema schema = new Schema();

    schema.renameTable("people", "users")
        .alterTable("users", t -> t.addColumn("phone", varchar(20)).dropColumn("fax"))
        .execute("UPDATE users SET phone = 'n/a'")
        .run("backfill users.phone", backfill)
        .add(new DropTable("legacy"))
        .dropTable("audit");

    assertThat(schema.operations()).containsExactly(
        new RenameTable("people", "users"),
        new AddColumn("users", ColumnModel.of("phone", ColumnType.varchar(20))),
        new DropColumn("users", "fax"),
        Execute.of("UPDATE users SET phone = 'n/a'"),
        new JdbcStep("backfill users.phone", backfill),
        new DropTable("legacy"),
        new DropTable("audit"));
  }

  @Test
  void recordsTimesWithTheirDigitsOfTheSecond() {
    Schema schema = new Schema();

    schema.alterTable("events", t -> t
        .addColumn("happened_at", ColumnType.timestamp(0), notNull())
        .addColumn("seen_at", ColumnType.timestampTz(3))
        .alterColumn("opens_at", c -> c.type(ColumnType.time(), ColumnType.time(0))));

    assertThat(schema.operations()).containsExactly(
        new AddColumn("events", ColumnModel.of("happened_at", new ColumnType.Temporal(ColumnType.Scalar.TIMESTAMP, 0))
            .withNullable(false)),
        new AddColumn("events", ColumnModel.of("seen_at", new ColumnType.Temporal(ColumnType.Scalar.TIMESTAMP_TZ, 3))),
        new AlterColumn("events", "opens_at",
            Optional.of(new Change<>(ColumnType.Scalar.TIME, new ColumnType.Temporal(ColumnType.Scalar.TIME, 0))),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
  }

  @Test
  void executeTakesSqlPerDatabaseWithOrWithoutAGeneralStatement() {
    Map<Vendor, String> perVendor = Map.of(Vendor.POSTGRESQL, "VACUUM users", Vendor.MYSQL, "OPTIMIZE TABLE users");
    Schema schema = new Schema();

    schema.execute(perVendor).execute("ANALYZE users", Map.of(Vendor.SQLITE, "ANALYZE"));

    assertThat(schema.operations()).containsExactly(
        new Execute(Optional.empty(), new EnumMap<>(perVendor)),
        new Execute(Optional.of("ANALYZE users"), Map.of(Vendor.SQLITE, "ANALYZE")));
  }

  @Test
  void recordsSequencesWithTheStandardDefaultsForWhatIsNotSet() {
    Schema schema = new Schema()
        .createSequence("orders_seq", s -> s.startWith(1).incrementBy(50))
        .createSequence("audit_seq")
        .createSequence("invoice_seq", s -> s.inSchema("billing").startWith(1000))
        .alterSequence("orders_seq", s -> s.incrementBy(50, 1).startWith(1, 100))
        .dropSequence("audit_seq");

    assertThat(schema.operations()).containsExactly(
        new CreateSequence(SequenceModel.of("orders_seq", 1, 50)),
        new CreateSequence(SequenceModel.of("audit_seq", 1, 1)),
        new CreateSequence(new SequenceModel("invoice_seq", "billing", 1000, 1)),
        new AlterSequence("orders_seq", Optional.of(new Change<>(1L, 100L)), Optional.of(new Change<>(50L, 1L))),
        new DropSequence("audit_seq"));
  }

  @Test
  void rejectsAMalformedSequenceCallNamingTheSequence() {
    assertThatThrownBy(() -> new Schema().createSequence("orders_seq", s -> s.incrementBy(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("createSequence(\"orders_seq\"): sequence orders_seq has increment 0;");
    assertThatThrownBy(() -> new Schema().createSequence("orders_seq", s -> s.startWith(1).startWith(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("createSequence(\"orders_seq\"): startWith is called twice");
    assertThatThrownBy(() -> new Schema().alterSequence("orders_seq", s -> { }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alterSequence(\"orders_seq\"): alter sequence orders_seq changes nothing");
    assertThatThrownBy(() -> new Schema().alterSequence("orders_seq", s -> s.incrementBy(50, 50)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alterSequence(\"orders_seq\"): increment: change from 50 to the same value");
    assertThatThrownBy(() -> new Schema().dropSequence(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sequence name is blank");
  }

  @Test
  void recordsViewsWithTheirQueriesAsWritten() {
    Schema schema = new Schema()
        .createView("active_users", "\n  SELECT id\n  FROM users WHERE active\n")
        .createView("big_orders", "SELECT id FROM orders", v -> v.inSchema("sales"))
        .dropView("active_users");

    assertThat(schema.operations()).containsExactly(
        new CreateView(ViewModel.of("active_users", "SELECT id\n  FROM users WHERE active")),
        new CreateView(new ViewModel("big_orders", "sales", "SELECT id FROM orders")),
        new DropView("active_users"));
  }

  @Test
  void rejectsAMalformedViewCallNamingTheView() {
    assertThatThrownBy(() -> new Schema().createView("active_users", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("createView(\"active_users\"): view active_users has an empty query;");
    assertThatThrownBy(() -> new Schema().createView("active_users", "SELECT 1;"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("createView(\"active_users\"): the query of view active_users ends with ';'");
    assertThatThrownBy(() -> new Schema().createView("v", "SELECT 1", v -> v.inSchema("a").inSchema("b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("createView(\"v\"): inSchema is called twice");
    assertThatThrownBy(() -> new Schema().dropView(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("view name is blank");
  }

  @Test
  void operationsIsASnapshotThatLaterCallsDoNotChange() {
    Schema schema = new Schema().dropTable("a");

    List<Operation> before = schema.operations();
    schema.dropTable("b");

    assertThat(before).containsExactly(new DropTable("a"));
    assertThat(schema.operations()).hasSize(2);
    assertThatThrownBy(() -> before.add(new DropTable("c"))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aFailedCreateTableRecordsNothing() {
    Schema schema = new Schema();

    assertThatThrownBy(() -> schema.createTable("users", t -> t.column("id", bigint()).column("id", bigint())))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(schema.operations()).isEmpty();
  }

  @Test
  void rejectsAMalformedCallWhereItIsMade() {
    Schema schema = new Schema();

    assertThatThrownBy(() -> schema.createTable(" ", t -> t.column("id", bigint())))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("table name is blank");
    assertThatThrownBy(() -> schema.createTable("users", (Consumer<CreateTableBuilder>) null))
        .isInstanceOf(NullPointerException.class).hasMessage("definition == null");
    assertThatThrownBy(() -> schema.createTable("users", t -> { }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("createTable(\"users\"): table users has no columns");
    assertThatThrownBy(() -> schema.alterTable("users", null))
        .isInstanceOf(NullPointerException.class).hasMessage("changes == null");
    assertThatThrownBy(() -> schema.alterTable("", t -> t.dropColumn("a")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("table name is blank");
    assertThatThrownBy(() -> schema.dropTable(null))
        .isInstanceOf(NullPointerException.class).hasMessage("table name == null");
    assertThatThrownBy(() -> schema.renameTable("users", "users"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("rename of table users to the same name");
    assertThatThrownBy(() -> schema.renameTable("users", " people"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("new table name ' people' has leading or trailing white space");
    assertThatThrownBy(() -> schema.execute(" \n "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("execute has blank SQL");
    assertThatThrownBy(() -> schema.execute((String) null))
        .isInstanceOf(NullPointerException.class).hasMessage("sql == null");
    assertThatThrownBy(() -> schema.execute(Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("execute has no SQL");
    assertThatThrownBy(() -> schema.execute("SELECT 1", Map.of(Vendor.H2, "")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("execute has blank SQL for H2");
    assertThatThrownBy(() -> schema.run("  ", connection -> { }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a JDBC step needs a description of what it does");
    assertThatThrownBy(() -> schema.run("backfill", null))
        .isInstanceOf(NullPointerException.class).hasMessage("body == null");
    assertThatThrownBy(() -> schema.add(null))
        .isInstanceOf(NullPointerException.class).hasMessage("operation == null");
    assertThat(schema.operations()).isEmpty();
  }
}
