package dev.retort.runtime.dialect;

import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.decimal;
import static dev.retort.model.ColumnType.enumType;
import static dev.retort.model.ColumnType.integer;
import static dev.retort.model.ColumnType.text;
import static dev.retort.model.ColumnType.time;
import static dev.retort.model.ColumnType.timestamp;
import static dev.retort.model.ColumnType.timestampTz;
import static dev.retort.model.ColumnType.varchar;

import dev.retort.ReferentialAction;
import dev.retort.model.CheckModel;
import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.DefaultValue;
import dev.retort.model.ForeignKeyModel;
import dev.retort.model.IndexModel;
import dev.retort.model.PrimaryKeyModel;
import dev.retort.model.SequenceModel;
import dev.retort.model.SchemaModel;
import dev.retort.model.TableModel;
import dev.retort.model.UniqueModel;
import dev.retort.model.ViewModel;
import dev.retort.operation.AddCheck;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AddForeignKey;
import dev.retort.operation.AddPrimaryKey;
import dev.retort.operation.AddUnique;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.AlterSequence;
import dev.retort.operation.AlterTableComment;
import dev.retort.operation.Change;
import dev.retort.operation.Change;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.CreateSequence;
import dev.retort.operation.CreateTable;
import dev.retort.operation.CreateView;
import dev.retort.operation.DropCheck;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropForeignKey;
import dev.retort.operation.DropIndex;
import dev.retort.operation.DropSequence;
import dev.retort.operation.DropPrimaryKey;
import dev.retort.operation.DropTable;
import dev.retort.operation.DropUnique;
import dev.retort.operation.Operation;
import dev.retort.operation.RenameColumn;
import dev.retort.operation.RenamePrimaryKey;
import dev.retort.operation.RenameTable;
import dev.retort.operation.ValidateConstraint;
import java.util.List;
import java.util.Optional;

/**
 * The schema and operations the rendering tests share: tables named {@code user} and
 * {@code order} and a column named {@code select}, so that every statement shows its quoting.
 */
final class Shop {

  static final ColumnType.Enumerated USER_STATUS = (ColumnType.Enumerated) enumType("user_status", "active", "blocked");

  private Shop() {}

  static TableModel user() {
    TableModel.Builder table = new TableModel.Builder("user")
        .column(column("id", bigint()).withNullable(false).withIdentity(true))
        .column(column("email", varchar(255)).withNullable(false))
        .column(column("select", varchar(20)).withNullable(false).withDefaultValue(literal("it's")))
        .column(column("status", USER_STATUS).withNullable(false).withDefaultValue(literal("active")))
        .primaryKey(Optional.of(new PrimaryKeyModel("pk_user", List.of("id"))));
    table.uniques().add(new UniqueModel("uq_user_email", List.of("email")));
    table.checks().add(new CheckModel("ck_user_email", "\"email\" <> ''"));
    return table.build();
  }

  static TableModel order() {
    TableModel.Builder table = new TableModel.Builder("order")
        .column(column("id", bigint()).withNullable(false).withIdentity(true))
        .column(column("user_id", bigint()).withNullable(false))
        .column(column("total", decimal(12, 2)).withNullable(false).withDefaultValue(literal("0")))
        .column(column("quantity", varchar(10)).withNullable(false).withDefaultValue(literal("1")))
        .column(column("note", text()).withComment(Optional.of("free text")))
        .column(column("placed_at", timestamp())
            .withDefaultValue(Optional.of(new DefaultValue.Expression("CURRENT_TIMESTAMP"))))
        .primaryKey(Optional.of(new PrimaryKeyModel("pk_order", List.of("id"))))
        .comment(Optional.of("a customer's order"));
    table.foreignKeys().add(new ForeignKeyModel("fk_order_user", List.of("user_id"), "user", List.of("id"),
        ReferentialAction.CASCADE, ReferentialAction.NO_ACTION));
    table.indexes().add(new IndexModel("ix_order_user_id", List.of("user_id"), false));
    return table.build();
  }

  static TableModel tag() {
    return new TableModel.Builder("tag")
        .column(column("id", integer()).withNullable(false))
        .column(column("name", varchar(50)))
        .primaryKey(Optional.of(new PrimaryKeyModel("pk_tag", List.of("id"))))
        .build();
  }

  /** The whole schema: user, order and tag. */
  static SchemaModel schema() {
    return new SchemaModel(List.of(user(), order(), tag()));
  }

  static CreateTable createOrder() {
    return new CreateTable(order());
  }

  /** The schema {@link #createOrder()} runs on. */
  static SchemaModel withoutOrder() {
    return new SchemaModel(List.of(user(), tag()));
  }

  static DropTable dropOrder() {
    return new DropTable("order");
  }

  static RenameTable renameOrder() {
    return new RenameTable("order", "purchase");
  }

  static AlterTableComment commentUser() {
    return new AlterTableComment("user", new Change<>(Optional.empty(), Optional.of("people's accounts")));
  }

  static AlterTableComment uncommentOrder() {
    return new AlterTableComment("order", new Change<>(Optional.of("a customer's order"), Optional.empty()));
  }

  static AddColumn addPhone() {
    return new AddColumn("user", column("phone", varchar(20)).withComment(Optional.of("mobile")));
  }

  static AddColumn addCreatedAt() {
    return new AddColumn("user", column("created_at", timestamp()).withNullable(false)
        .withDefaultValue(Optional.of(new DefaultValue.Expression("CURRENT_TIMESTAMP"))));
  }

  /** Columns with fewer digits of the second: a time, a timestamp and a timestamp with time zone. */
  static AddColumn addShippedAt() {
    return new AddColumn("order", column("shipped_at", timestampTz(3)));
  }

  static AddColumn addPackedAt() {
    return new AddColumn("order", column("packed_at", timestamp(0)).withNullable(false)
        .withDefaultValue(Optional.of(new DefaultValue.Expression("CURRENT_TIMESTAMP"))));
  }

  static AddColumn addOpensAt() {
    return new AddColumn("order", column("opens_at", time(0)));
  }

  /** Keeps whole seconds of placed_at, a timestamp of microseconds with a default. */
  static AlterColumn placedAtToSeconds() {
    return alter("order", "placed_at").type(timestamp(), timestamp(0)).build();
  }

  static DropColumn dropNote() {
    return new DropColumn("order", "note");
  }

  static RenameColumn renameSelect() {
    return new RenameColumn("user", "select", "from");
  }

  static AlterColumn widenTotal() {
    return alter("order", "total").type(decimal(12, 2), decimal(14, 2)).build();
  }

  static AlterColumn quantityToInteger() {
    return alter("order", "quantity").type(varchar(10), integer()).build();
  }

  static AlterColumn requireNote() {
    return alter("order", "note").nullable(true, false).build();
  }

  static AlterColumn changeSelectDefault() {
    return alter("user", "select").defaultValue(literal("it's"), literal("none")).build();
  }

  static AlterColumn addStatusValue() {
    return alter("user", "status")
        .type(USER_STATUS, enumType("user_status", "pending", "active", "invited", "blocked"))
        .build();
  }

  static AlterColumn removeStatusValue() {
    return alter("user", "status").type(USER_STATUS, enumType("user_status", "active")).build();
  }

  static AlterColumn commentTotal() {
    return alter("order", "total").comment(Optional.empty(), Optional.of("gross")).build();
  }

  static AlterColumn addTagIdentity() {
    return alter("tag", "id").identity(false, true).build();
  }

  static AlterColumn dropUserIdentity() {
    return alter("user", "id").identity(true, false).build();
  }

  static DropPrimaryKey dropTagKey() {
    return new DropPrimaryKey("tag", "pk_tag");
  }

  /** The key of user, which order references, renamed: as when user is renamed to account. */
  static RenamePrimaryKey renameUserKey() {
    return new RenamePrimaryKey("user", "pk_user", "pk_account");
  }

  static AddPrimaryKey addTagKey() {
    return new AddPrimaryKey("tag", new PrimaryKeyModel("pk_tag", List.of("id")));
  }

  static AddUnique addSelectUnique() {
    return new AddUnique("user", new UniqueModel("uq_user_select", List.of("select")));
  }

  static DropUnique dropEmailUnique() {
    return new DropUnique("user", "uq_user_email");
  }

  static AddCheck addTotalCheck() {
    return new AddCheck("order", new CheckModel("ck_order_total", "\"total\" >= 0"));
  }

  /** {@link #addTotalCheck()}, leaving the rows already in the table unchecked where the database can. */
  static AddCheck addTotalCheckNotValid() {
    return new AddCheck("order", addTotalCheck().check(), true);
  }

  /** Validates {@code fk_order_user}, which the schema has. */
  static ValidateConstraint validateOrderUser() {
    return new ValidateConstraint("order", "fk_order_user");
  }

  /** A check on {@code order.quantity} whose text holds the name {@code total} in a literal only. */
  static AddCheck addQuantityCheck() {
    return new AddCheck("order", new CheckModel("ck_order_quantity", "\"quantity\" <> 'total'"));
  }

  static DropCheck dropEmailCheck() {
    return new DropCheck("user", "ck_user_email");
  }

  static DropForeignKey dropOrderUser() {
    return new DropForeignKey("order", "fk_order_user");
  }

  static AddForeignKey addOrderTag() {
    return new AddForeignKey("tag", new ForeignKeyModel("fk_tag_tag", List.of("id"), "tag", List.of("id"),
        ReferentialAction.RESTRICT, ReferentialAction.CASCADE));
  }

  /** {@link #addOrderTag()}, leaving the rows already in the table unchecked where the database can. */
  static AddForeignKey addOrderTagNotValid() {
    return new AddForeignKey("tag", addOrderTag().foreignKey(), true);
  }

  static CreateIndex indexTotal(boolean concurrently) {
    return new CreateIndex("order", new IndexModel("ix_order_total", List.of("total", "id"), true), concurrently);
  }

  static DropIndex dropUserIdIndex(boolean concurrently) {
    return new DropIndex("order", "ix_order_user_id", concurrently);
  }

  /** A sequence named by a reserved word, for the sequence operations. */
  static CreateSequence createSelectSequence() {
    return new CreateSequence(SequenceModel.of("select", 1, 50));
  }

  /** A sequence in a database schema of its own. */
  static CreateSequence createInvoiceSequence() {
    return new CreateSequence(new SequenceModel("invoice_seq", "billing", 1000, 1));
  }

  static DropSequence dropSelectSequence() {
    return new DropSequence("select");
  }

  static AlterSequence alterSelectSequence() {
    return new AlterSequence("select", Optional.of(new Change<>(1L, 100L)), Optional.of(new Change<>(50L, 1L)));
  }

  /** A view named by a reserved word, for the view operations; its query is run as written. */
  static CreateView createSelectView() {
    return new CreateView(ViewModel.of("select", "SELECT 1 AS one\nWHERE 'a' <> 'b'"));
  }

  /** A view in a database schema of its own. */
  static CreateView createInvoiceView() {
    return new CreateView(new ViewModel("open_invoices", "billing", "SELECT 1 AS one"));
  }

  /** The schema with {@code before} applied. */
  static SchemaModel after(Operation... before) {
    return schema().applyAll(List.of(before));
  }

  /** A table in a database schema of its own. */
  static TableModel invoice() {
    TableModel.Builder table = new TableModel.Builder("invoice")
        .schema("billing")
        .column(column("id", bigint()).withNullable(false))
        .column(column("user_id", bigint()).withNullable(false))
        .primaryKey(Optional.of(new PrimaryKeyModel("pk_invoice", List.of("id"))));
    table.foreignKeys().add(new ForeignKeyModel("fk_invoice_user", List.of("user_id"), "user", List.of("id"),
        ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION));
    table.indexes().add(new IndexModel("ix_invoice_user_id", List.of("user_id"), false));
    return table.build();
  }

  static ColumnModel column(String name, ColumnType type) {
    return ColumnModel.of(name, type);
  }

  static Optional<DefaultValue> literal(String value) {
    return Optional.of(new DefaultValue.Literal(value));
  }

  static AlterColumnBuilder alter(String table, String column) {
    return new AlterColumnBuilder(table, column);
  }

  /** Builds an {@link AlterColumn} one change at a time. */
  static final class AlterColumnBuilder {
    private final String table;
    private final String column;
    private Optional<Change<ColumnType>> type = Optional.empty();
    private Optional<Change<Boolean>> nullable = Optional.empty();
    private Optional<Change<Optional<DefaultValue>>> defaultValue = Optional.empty();
    private Optional<Change<Optional<String>>> comment = Optional.empty();
    private Optional<Change<Boolean>> identity = Optional.empty();

    AlterColumnBuilder(String table, String column) {
      this.table = table;
      this.column = column;
    }

    AlterColumnBuilder type(ColumnType from, ColumnType to) {
      type = Optional.of(new Change<>(from, to));
      return this;
    }

    AlterColumnBuilder nullable(boolean from, boolean to) {
      nullable = Optional.of(new Change<>(from, to));
      return this;
    }

    AlterColumnBuilder defaultValue(Optional<DefaultValue> from, Optional<DefaultValue> to) {
      defaultValue = Optional.of(new Change<>(from, to));
      return this;
    }

    AlterColumnBuilder comment(Optional<String> from, Optional<String> to) {
      comment = Optional.of(new Change<>(from, to));
      return this;
    }

    AlterColumnBuilder identity(boolean from, boolean to) {
      identity = Optional.of(new Change<>(from, to));
      return this;
    }

    AlterColumn build() {
      return new AlterColumn(table, column, type, nullable, defaultValue, comment, identity);
    }
  }
}
