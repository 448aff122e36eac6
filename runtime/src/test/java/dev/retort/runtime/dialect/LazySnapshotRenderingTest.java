package dev.retort.runtime.dialect;

import static dev.retort.model.ColumnType.bigint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.ReferentialAction;
import dev.retort.model.ColumnType;
import dev.retort.model.ForeignKeyModel;
import dev.retort.model.IndexModel;
import dev.retort.model.PrimaryKeyModel;
import dev.retort.model.SchemaEvolution;
import dev.retort.model.SchemaModel;
import dev.retort.model.SequenceModel;
import dev.retort.model.TableModel;
import dev.retort.model.ViewModel;
import dev.retort.operation.AddColumn;
import dev.retort.operation.CreateSequence;
import dev.retort.operation.CreateTable;
import dev.retort.operation.CreateView;
import dev.retort.operation.DropTable;
import dev.retort.operation.DropView;
import dev.retort.operation.Execute;
import dev.retort.operation.JdbcStep;
import dev.retort.operation.Operation;
import dev.retort.operation.ValidateConstraint;
import dev.retort.operation.Vendor;
import dev.retort.snapshot.SnapshotCodec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A plan from a snapshot read lazily is the plan from the whole read: for every kind of
 * operation, on every dialect, rendering it (after the operations it needs first) against the
 * schemas an evolution from {@link SnapshotCodec#readLazily} gives produces the same statements,
 * or the same refusal, as against the schemas from {@link SnapshotCodec#read}. The schema is
 * {@link Shop}'s with tables around it that reference its tables, one with an enum of its own
 * and one with the enum that {@code user} has, so that what a dialect looks up beyond the table an
 * operation names (the tables referencing it for SQLite's rebuild, H2's keys on a dropped index's
 * unique, PostgreSQL's enum types in use) is there to be missed.
 */
class LazySnapshotRenderingTest {

  private static final ColumnType.Enumerated MOOD = (ColumnType.Enumerated) ColumnType.enumType("mood", "calm", "loud");

  /**
   * Shop's tables, an invoice in a schema of its own, a sequence, tables referencing user, order and tag, and a
   * view.
   */
  static SchemaModel schema() {
    List<TableModel> tables = new ArrayList<>(Shop.schema().tables());
    tables.add(Shop.invoice());
    tables.add(other("a_review", "order", Optional.empty()));
    tables.add(other("b_label", "tag", Optional.of(MOOD)));
    tables.add(other("c_profile", "user", Optional.of(Shop.USER_STATUS)));
    tables.add(other("d_plain", null, Optional.empty()));
    return new SchemaModel(tables, List.of(SequenceModel.of("counter", 1, 1)),
        List.of(ViewModel.of("v_plain", "SELECT id FROM d_plain")));
  }

  private static TableModel other(String name, String references, Optional<ColumnType.Enumerated> enumColumn) {
    TableModel.Builder table = new TableModel.Builder(name)
        .column(Shop.column("id", bigint()).withNullable(false))
        .column(Shop.column("ref_id", bigint()))
        .primaryKey(Optional.of(new PrimaryKeyModel("pk_" + name, List.of("id"))));
    enumColumn.ifPresent(type -> table.column(Shop.column("kind", type)));
    if (references != null) {
      table.foreignKeys().add(new ForeignKeyModel("fk_" + name + "_ref_id", List.of("ref_id"), references,
          List.of("id"), ReferentialAction.CASCADE, ReferentialAction.NO_ACTION));
    }
    table.indexes().add(new IndexModel("ix_" + name + "_ref_id", List.of("ref_id"), false));
    return table.build();
  }

  /** Each case: the operations run first, then the one it is about, each rendered. */
  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Vendor vendor : Vendor.values()) {
      for (Map.Entry<String, List<Operation>> entry : operations().entrySet()) {
        cases.add(Arguments.of(vendor, entry.getKey(), entry.getValue()));
      }
    }
    return cases.stream();
  }

  /** Every kind of operation, some in ways a schema refuses. */
  static Map<String, List<Operation>> operations() {
    Map<String, List<Operation>> operations = new LinkedHashMap<>();
    operations.put("create table", List.of(new DropTable("a_review"), Shop.dropOrder(), Shop.createOrder()));
    operations.put("create table referencing another", List.of(new CreateTable(other("e_new", "d_plain",
        Optional.of(MOOD)))));
    TableModel.Builder clash = new TableModel.Builder("f_clash").column(Shop.column("id", bigint()));
    clash.indexes().add(new IndexModel("ix_b_label_ref_id", List.of("id"), false));
    operations.put("create table with an index name taken", List.of(new CreateTable(clash.build())));
    operations.put("drop table", List.of(new DropTable("b_label")));
    operations.put("drop table referenced", List.of(Shop.dropOrder()));
    operations.put("drop table with an enum in use elsewhere", List.of(new DropTable("c_profile")));
    operations.put("rename table", List.of(new DropTable("a_review"), Shop.renameOrder()));
    operations.put("comment tables", List.of(Shop.commentUser(), Shop.uncommentOrder()));
    operations.put("add columns", List.of(Shop.addPhone(), Shop.addCreatedAt(), Shop.addPhone()));
    operations.put("add enum column", List.of(new AddColumn("d_plain", Shop.column("mood", MOOD))));
    operations.put("add column of a new enum type", List.of(new AddColumn("d_plain",
        Shop.column("shade", ColumnType.enumType("shade", "light", "dark")))));
    operations.put("drop column", List.of(Shop.dropNote()));
    operations.put("rename column", List.of(Shop.renameSelect()));
    operations.put("alter columns", List.of(Shop.widenTotal(), Shop.quantityToInteger(), Shop.requireNote(),
        Shop.changeSelectDefault(), Shop.commentTotal(), Shop.addTagIdentity(), Shop.dropUserIdentity()));
    operations.put("add enum value", List.of(Shop.addStatusValue()));
    operations.put("remove enum value", List.of(Shop.removeStatusValue()));
    operations.put("primary keys", List.of(Shop.dropTagKey(), Shop.addTagKey(), Shop.renameUserKey()));
    operations.put("uniques", List.of(Shop.addSelectUnique(), Shop.dropEmailUnique()));
    operations.put("checks", List.of(Shop.addTotalCheck(), Shop.addQuantityCheck(), Shop.dropEmailCheck()));
    operations.put("foreign keys", List.of(Shop.dropOrderUser(), Shop.addOrderTag()));
    operations.put("constraints not valid, then validated", List.of(Shop.addTotalCheckNotValid(),
        Shop.addOrderTagNotValid(), new ValidateConstraint("order", "ck_order_total"),
        new ValidateConstraint("tag", "fk_tag_tag")));
    operations.put("indexes", List.of(Shop.indexTotal(false), Shop.dropUserIdIndex(false)));
    operations.put("indexes concurrently", List.of(Shop.indexTotal(true), Shop.dropUserIdIndex(true)));
    operations.put("sequences", List.of(Shop.createSelectSequence(), Shop.alterSelectSequence(),
        Shop.dropSelectSequence(), Shop.createInvoiceSequence()));
    operations.put("sequence named as a table", List.of(new CreateSequence(SequenceModel.of("d_plain", 1, 1))));
    operations.put("views", List.of(new DropView("v_plain"), new CreateView(ViewModel.of("v_plain",
        "SELECT id, ref_id FROM d_plain")), new CreateView(ViewModel.of("v_review", "SELECT id FROM a_review"))));
    operations.put("view named as a table", List.of(new CreateView(ViewModel.of("d_plain", "SELECT 1"))));
    operations.put("raw SQL and Java steps", List.of(new Execute(Optional.of("UPDATE t SET a = 1"), Map.of()),
        new JdbcStep("backfill", connection -> { })));
    return operations;
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void renderingFromTheLazySnapshotIsRenderingFromTheWholeRead(Vendor vendor, String description,
      List<Operation> operations) {
    String snapshot = SnapshotCodec.write(schema());
    Dialect dialect = Dialects.forVendor(vendor);

    List<String> whole = render(dialect, SnapshotCodec.read(snapshot, "shop.schema"), operations);
    List<String> lazy = render(dialect, SnapshotCodec.readLazily(snapshot, "shop.schema"), operations);

    assertThat(lazy).isEqualTo(whole);
  }

  @Test
  void theCasesHoldEveryKindOfOperation() {
    Set<Class<?>> kinds = new HashSet<>();
    operations().values().forEach(list -> list.forEach(operation -> kinds.add(operation.getClass())));
    assertThat(kinds).containsExactlyInAnyOrder(Operation.class.getPermittedSubclasses());
  }

  /** Each operation's statements, or the refusal that ends the list. */
  private static List<String> render(Dialect dialect, SchemaModel start, List<Operation> operations) {
    SchemaEvolution evolution = new SchemaEvolution(start);
    List<String> rendered = new ArrayList<>();
    for (Operation operation : operations) {
      try {
        SchemaModel before = evolution.current();
        SchemaModel after = evolution.apply(operation);
        rendered.add(text(dialect.render(operation, before, after)));
      } catch (RuntimeException e) {
        rendered.add(e.getClass().getSimpleName() + ": " + e.getMessage());
        break;
      }
    }
    return rendered;
  }

  private static String text(List<Step> steps) {
    StringBuilder out = new StringBuilder();
    for (Step step : steps) {
      if (step instanceof Step.Sql sql) {
        out.append(sql.sql()).append(sql.outsideTransaction() ? "; -- outside\n" : ";\n");
      } else if (step instanceof Step.Callback callback) {
        out.append("-- ").append(callback.step().description()).append('\n');
      }
    }
    return out.toString();
  }
}
