package dev.retort.model;

import static dev.retort.model.Fixtures.builder;
import static dev.retort.model.Fixtures.foreignKey;
import static dev.retort.model.Fixtures.identity;
import static dev.retort.model.Fixtures.index;
import static dev.retort.model.Fixtures.keyed;
import static dev.retort.model.Fixtures.notNull;
import static dev.retort.model.Fixtures.nullable;
import static dev.retort.model.Fixtures.schema;
import static dev.retort.model.Fixtures.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.ReferentialAction;
import dev.retort.model.ColumnType.Scalar;
import dev.retort.operation.AddCheck;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AddForeignKey;
import dev.retort.operation.AddPrimaryKey;
import dev.retort.operation.AddUnique;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.AlterTableComment;
import dev.retort.operation.Change;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.CreateTable;
import dev.retort.operation.DropCheck;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropForeignKey;
import dev.retort.operation.DropIndex;
import dev.retort.operation.DropPrimaryKey;
import dev.retort.operation.DropTable;
import dev.retort.operation.DropUnique;
import dev.retort.operation.Operation;
import dev.retort.operation.RenameColumn;
import dev.retort.operation.RenamePrimaryKey;
import dev.retort.operation.RenameTable;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One case per kind of difference: the exact operations and their order. Every expected
 * list is also applied to the source, which must give the target.
 */
class SchemaDiffTest {

  private static final ColumnType TEXT = Scalar.TEXT;
  private static final ColumnType BIGINT = Scalar.BIGINT;

  @Test
  void equalSchemasGiveNoOperations() {
    SchemaModel model = schema(keyed("users", nullable("email", TEXT)).build());

    assertThat(SchemaDiff.diff(model, model)).isEmpty();
  }

  @Test
  void addedTableIsCreateTable() {
    TableModel users = keyed("users", nullable("email", TEXT)).build();

    assertDiff(SchemaModel.empty(), schema(users), new CreateTable(users));
  }

  @Test
  void droppedTableIsDropTable() {
    assertDiff(schema(table("users", nullable("email", TEXT))), SchemaModel.empty(), new DropTable("users"));
  }

  @Test
  void addedNullableColumnIsAddColumn() {
    ColumnModel phone = nullable("phone", new ColumnType.Varchar(20));

    assertDiff(
        schema(table("users", nullable("email", TEXT))),
        schema(table("users", nullable("email", TEXT), phone)),
        new AddColumn("users", phone));
  }

  @Test
  void droppedColumnIsDroppedAfterEverythingElse() {
    ColumnModel phone = nullable("phone", TEXT);

    assertDiff(
        schema(table("users", nullable("email", TEXT), nullable("fax", TEXT))),
        schema(table("users", nullable("email", TEXT), phone)),
        new AddColumn("users", phone),
        new DropColumn("users", "fax"));
  }

  @Test
  void renamedColumnWithoutHintIsDropAndAdd() {
    ColumnModel mail = nullable("mail", TEXT);

    assertDiff(
        schema(table("users", identity("id"), nullable("email", TEXT))),
        schema(table("users", identity("id"), mail)),
        new AddColumn("users", mail),
        new DropColumn("users", "email"));
  }

  @Test
  void renamedColumnWithHintIsRenameNotDropAndAdd() {
    assertDiff(
        schema(table("users", identity("id"), nullable("email", TEXT))),
        schema(table("users", identity("id"), nullable("mail", TEXT))),
        RenameHints.none().withColumn("users", "mail", "email"),
        new RenameColumn("users", "email", "mail"));
  }

  @Test
  void renamedColumnWithHintThatAlsoChangesIsRenamedThenAltered() {
    assertDiff(
        schema(table("users", identity("id"), nullable("email", new ColumnType.Varchar(100)))),
        schema(table("users", identity("id"), notNull("mail", new ColumnType.Varchar(200)))),
        RenameHints.none().withColumn("users", "mail", "email"),
        new RenameColumn("users", "email", "mail"),
        new AlterColumn("users", "mail",
            Optional.of(new Change<>(new ColumnType.Varchar(100), new ColumnType.Varchar(200))),
            Optional.of(new Change<>(true, false)), Optional.empty(), Optional.empty(), Optional.empty()));
  }

  @Test
  void renamedTableWithHintIsRenameTableAndItsColumnHintsUseTheNewName() {
    assertDiff(
        schema(table("users", identity("id"), nullable("email", TEXT))),
        schema(table("accounts", identity("id"), nullable("mail", TEXT))),
        RenameHints.none().withTable("accounts", "users").withColumn("accounts", "mail", "email"),
        new RenameTable("users", "accounts"),
        new RenameColumn("accounts", "email", "mail"));
  }

  @Test
  void columnHintsOfARenamedTableMayNameItByItsOldName() {
    assertDiff(
        schema(table("users", identity("id"), nullable("email", TEXT))),
        schema(table("accounts", identity("id"), nullable("mail", TEXT))),
        RenameHints.none().withTable("accounts", "users").withColumn("users", "mail", "email"),
        new RenameTable("users", "accounts"),
        new RenameColumn("accounts", "email", "mail"));
  }

  @Test
  void renamedTableWithoutHintIsDropAndCreate() {
    TableModel accounts = table("accounts", identity("id"));

    assertDiff(
        schema(table("users", identity("id"))),
        schema(accounts),
        new CreateTable(accounts),
        new DropTable("users"));
  }

  @Test
  void hintWhoseRenameIsAlreadyDoneChangesNothing() {
    SchemaModel model = schema(table("accounts", identity("id"), nullable("mail", TEXT)));
    RenameHints stale = RenameHints.none().withTable("accounts", "users").withColumn("accounts", "mail", "email");

    assertThat(SchemaDiff.diff(model, model, stale)).isEmpty();
  }

  @Test
  void tableHintStillWorksForItsColumnsAfterTheTableRenameIsDone() {
    RenameHints hints = RenameHints.none().withTable("accounts", "users").withColumn("accounts", "mail", "email");

    assertDiff(
        schema(table("accounts", identity("id"), nullable("email", TEXT))),
        schema(table("accounts", identity("id"), nullable("mail", TEXT))),
        hints,
        new RenameColumn("accounts", "email", "mail"));
    assertDiff(
        schema(table("accounts", identity("id"), nullable("mail", TEXT))),
        schema(table("accounts", identity("id"), nullable("email", TEXT))),
        hints.inverse(),
        new RenameColumn("accounts", "mail", "email"));
  }

  @Test
  void hintIsIgnoredWhenTheOldNameStillExistsInTheTarget() {
    TableModel accounts = table("accounts", identity("id"));
    TableModel users = table("users", identity("id"));

    assertDiff(
        schema(users),
        schema(accounts, users),
        RenameHints.none().withTable("accounts", "users"),
        new CreateTable(accounts));
  }

  @Test
  void downgradeWithInvertedHintsRenamesBack() {
    SchemaModel from = schema(table("users", identity("id"), nullable("email", TEXT)));
    SchemaModel to = schema(table("accounts", identity("id"), nullable("mail", TEXT)));
    RenameHints hints = RenameHints.none().withTable("accounts", "users").withColumn("accounts", "mail", "email");

    assertDiff(to, from, hints.inverse(),
        new RenameTable("accounts", "users"),
        new RenameColumn("users", "mail", "email"));
  }

  @Test
  void hintedRenameAcrossDatabaseSchemasIsDropAndCreate() {
    TableModel archived = builder("old_users", identity("id")).schema("archive").build();

    assertDiff(
        schema(table("users", identity("id"))),
        schema(archived),
        RenameHints.none().withTable("old_users", "users"),
        new CreateTable(archived),
        new DropTable("users"));
  }

  @Test
  void tableMovedToAnotherDatabaseSchemaIsDroppedBeforeItIsCreatedAgain() {
    TableModel orders = builder("orders", identity("id"), notNull("user_id", BIGINT))
        .primaryKey(Optional.of(new PrimaryKeyModel("pk_orders", List.of("id"))))
        .build();
    TableModel.Builder before = builder("users", identity("id"))
        .primaryKey(Optional.of(new PrimaryKeyModel("pk_users", List.of("id"))));
    TableModel.Builder after = builder("users", identity("id")).schema("archive")
        .primaryKey(Optional.of(new PrimaryKeyModel("pk_users", List.of("id"))));
    ForeignKeyModel key = foreignKey("fk_orders_user", "user_id", "users", "id");
    TableModel ordersWithKey = orders.toBuilder().foreignKey(key).build();

    assertDiff(
        schema(before.build(), ordersWithKey),
        schema(after.build(), ordersWithKey),
        new DropForeignKey("orders", "fk_orders_user"),
        new DropTable("users"),
        new CreateTable(after.build()),
        new AddForeignKey("orders", key));
  }

  /**
   * A dropped table whose key's name the target gives another table frees the name first: its
   * identity column loses the identity before the key goes, since SQLite and MySQL keep an
   * identity column only as a key (found by SchemaDiffPropertyTest).
   */
  @Test
  void aDroppedTableFreesItsKeysNameForAnotherTableWithoutLeavingAnIdentityWithoutAKey() {
    TableModel orders = builder("orders", identity("id"))
        .primaryKey(Optional.of(new PrimaryKeyModel("pk", List.of("id"))))
        .build();
    TableModel codes = table("codes", notNull("code", BIGINT));
    TableModel keyedCodes = codes.toBuilder()
        .primaryKey(Optional.of(new PrimaryKeyModel("pk", List.of("code"))))
        .build();

    assertDiff(
        schema(orders, codes),
        schema(keyedCodes),
        new AlterColumn("orders", "id", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.of(new Change<>(true, false))),
        new DropPrimaryKey("orders", "pk"),
        new AddPrimaryKey("codes", new PrimaryKeyModel("pk", List.of("code"))),
        new DropTable("orders"));
  }

  @Test
  void columnChangesAreOneAlterColumnCarryingEveryChange() {
    ColumnModel before = new ColumnModel("code", new ColumnType.Char(3), true,
        Optional.of(DefaultValue.literal("abc")), false, Optional.empty());
    ColumnModel after = new ColumnModel("code", new ColumnType.Varchar(10), false,
        Optional.of(DefaultValue.expression("CURRENT_USER")), false, Optional.of("the code"));

    assertDiff(
        schema(table("items", before)),
        schema(table("items", after)),
        new AlterColumn("items", "code",
            Optional.of(new Change<>(new ColumnType.Char(3), new ColumnType.Varchar(10))),
            Optional.of(new Change<>(true, false)),
            Optional.of(new Change<>(Optional.of(DefaultValue.literal("abc")),
                Optional.of(DefaultValue.expression("CURRENT_USER")))),
            Optional.of(new Change<>(Optional.empty(), Optional.of("the code"))),
            Optional.empty()));
  }

  @Test
  void identityDroppedFromAColumnThatBecomesNullableIsOneAlterColumn() {
    assertDiff(
        schema(table("items", identity("id"), nullable("name", TEXT))),
        schema(table("items", nullable("id", BIGINT), nullable("name", TEXT))),
        new AlterColumn("items", "id", Optional.empty(), Optional.of(new Change<>(false, true)),
            Optional.empty(), Optional.empty(), Optional.of(new Change<>(true, false))));
  }

  @Test
  void changedEnumValuesAreATypeChangeOfEveryColumnOfTheEnum() {
    ColumnType before = new ColumnType.Enumerated("status", List.of("new", "paid"));
    ColumnType after = new ColumnType.Enumerated("status", List.of("new", "paid", "shipped"));
    Optional<Change<ColumnType>> change = Optional.of(new Change<>(before, after));

    assertDiff(
        schema(table("orders", notNull("status", before)), table("returns", nullable("status", before))),
        schema(table("orders", notNull("status", after)), table("returns", nullable("status", after))),
        new AlterColumn("orders", "status", change, Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty()),
        new AlterColumn("returns", "status", change, Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty()));
  }

  @Test
  void changedTableCommentIsAlterTableComment() {
    assertDiff(
        schema(table("users", identity("id"))),
        schema(builder("users", identity("id")).comment(Optional.of("people")).build()),
        new AlterTableComment("users", new Change<>(Optional.empty(), Optional.of("people"))));
  }

  @Test
  void changedPrimaryKeyIsDroppedBeforeItsColumnsChangeAndAddedAfter() {
    TableModel before = builder("lines", notNull("order_id", BIGINT), nullable("line", Scalar.INTEGER))
        .primaryKey(Optional.of(new PrimaryKeyModel("pk_lines", List.of("order_id"))))
        .build();
    PrimaryKeyModel wider = new PrimaryKeyModel("pk_lines", List.of("order_id", "line"));
    TableModel after = builder("lines", notNull("order_id", BIGINT), notNull("line", Scalar.INTEGER))
        .primaryKey(Optional.of(wider))
        .build();

    assertDiff(schema(before), schema(after),
        new DropPrimaryKey("lines", "pk_lines"),
        new AlterColumn("lines", "line", Optional.empty(), Optional.of(new Change<>(true, false)), Optional.empty(),
            Optional.empty(), Optional.empty()),
        new AddPrimaryKey("lines", wider));
  }

  @Test
  void indexWithTheSameNameAndOtherColumnsIsDroppedAndCreated() {
    IndexModel after = index("ix_users_name", "last", "first");

    assertDiff(
        schema(builder("users", nullable("first", TEXT), nullable("last", TEXT))
            .index(index("ix_users_name", "last")).build()),
        schema(builder("users", nullable("first", TEXT), nullable("last", TEXT))
            .index(after).build()),
        new DropIndex("users", "ix_users_name", false),
        new CreateIndex("users", after, false));
  }

  @Test
  void indexThatBecomesUniqueIsDroppedAndCreated() {
    IndexModel unique = new IndexModel("ix_users_email", List.of("email"), true);

    assertDiff(
        schema(builder("users", nullable("email", TEXT)).index(index("ix_users_email", "email")).build()),
        schema(builder("users", nullable("email", TEXT)).index(unique).build()),
        new DropIndex("users", "ix_users_email", false),
        new CreateIndex("users", unique, false));
  }

  @Test
  void indexOnARenamedColumnIsKept() {
    assertDiff(
        schema(builder("users", nullable("email", TEXT)).index(index("ix_users_email", "email")).build()),
        schema(builder("users", nullable("mail", TEXT)).index(index("ix_users_email", "mail")).build()),
        RenameHints.none().withColumn("users", "mail", "email"),
        new RenameColumn("users", "email", "mail"));
  }

  @Test
  void addedAndDroppedUniquesAndChecksAreAddsAndDrops() {
    UniqueModel unique = new UniqueModel("uq_users_email", List.of("email"));
    CheckModel check = new CheckModel("ck_users_age", "age >= 0");

    assertDiff(
        schema(builder("users", nullable("email", TEXT), nullable("age", Scalar.INTEGER))
            .unique(new UniqueModel("uq_users_age", List.of("age")))
            .check(new CheckModel("ck_users_email", "email <> ''"))
            .build()),
        schema(builder("users", nullable("email", TEXT), nullable("age", Scalar.INTEGER))
            .unique(unique).check(check).build()),
        new DropCheck("users", "ck_users_email"),
        new DropUnique("users", "uq_users_age"),
        new AddUnique("users", unique),
        new AddCheck("users", check));
  }

  @Test
  void checkWithAChangedExpressionIsDroppedAndAdded() {
    CheckModel after = new CheckModel("ck_users_age", "age > 0");

    assertDiff(
        schema(builder("users", nullable("age", Scalar.INTEGER))
            .check(new CheckModel("ck_users_age", "age >= 0")).build()),
        schema(builder("users", nullable("age", Scalar.INTEGER)).check(after).build()),
        new DropCheck("users", "ck_users_age"),
        new AddCheck("users", after));
  }

  @Test
  void checkOnADroppedColumnIsDroppedBeforeTheColumnAndAddedAfterItOnTheWayBack() {
    ColumnModel code = nullable("code", TEXT);
    CheckModel check = new CheckModel("ck_products_code", "\"code\" <> ''");
    SchemaModel before = schema(keyed("products", code, nullable("name", TEXT)).check(check).build());
    SchemaModel after = schema(keyed("products", nullable("name", TEXT)).build());

    assertDiff(before, after,
        new DropCheck("products", "ck_products_code"),
        new DropColumn("products", "code"));
    assertDiff(after, before,
        new AddColumn("products", code),
        new AddCheck("products", check));
  }

  @Test
  void checkOnARenamedColumnIsKeptWhenItsExpressionFollowsTheRename() {
    SchemaModel before = schema(keyed("products", nullable("code", TEXT))
        .check(new CheckModel("ck_products_code", "code <> 'code' AND length(\"code\") < 20")).build());
    SchemaModel after = schema(keyed("products", nullable("sku", TEXT))
        .check(new CheckModel("ck_products_code", "sku <> 'code' AND length(\"sku\") < 20")).build());
    RenameHints hints = RenameHints.none().withColumn("products", "sku", "code");

    assertDiff(before, after, hints, new RenameColumn("products", "code", "sku"));
    assertDiff(after, before, hints.inverse(), new RenameColumn("products", "sku", "code"));
  }

  @Test
  void checkOnARenamedColumnWrittenOtherwiseIsDroppedBeforeTheRenameAndAddedAfter() {
    CheckModel written = new CheckModel("ck_products_code", "sku <> ''");

    assertDiff(
        schema(keyed("products", nullable("code", TEXT)).check(new CheckModel("ck_products_code", "\"code\" <> ''"))
            .build()),
        schema(keyed("products", nullable("sku", TEXT)).check(written).build()),
        RenameHints.none().withColumn("products", "sku", "code"),
        new DropCheck("products", "ck_products_code"),
        new RenameColumn("products", "code", "sku"),
        new AddCheck("products", written));
  }

  @Test
  void foreignKeyActionChangeIsDropAndAdd() {
    ForeignKeyModel before = foreignKey("fk_orders_user", "user_id", "users", "id");
    ForeignKeyModel after = new ForeignKeyModel("fk_orders_user", List.of("user_id"), "users", List.of("id"),
        ReferentialAction.CASCADE, ReferentialAction.NO_ACTION);
    TableModel users = keyed("users").build();

    assertDiff(
        schema(users, builder("orders", notNull("user_id", BIGINT)).foreignKey(before).build()),
        schema(users, builder("orders", notNull("user_id", BIGINT)).foreignKey(after).build()),
        new DropForeignKey("orders", "fk_orders_user"),
        new AddForeignKey("orders", after));
  }

  @Test
  void foreignKeyFollowsARenamedTableAndColumn() {
    ForeignKeyModel before = foreignKey("fk_orders_user", "user_id", "users", "id");
    ForeignKeyModel after = foreignKey("fk_orders_user", "account_id", "accounts", "id");

    assertDiff(
        schema(keyed("users").build(), builder("orders", notNull("user_id", BIGINT)).foreignKey(before).build()),
        schema(keyed("accounts").primaryKey(Optional.of(new PrimaryKeyModel("pk_users", List.of("id")))).build(),
            builder("orders", notNull("account_id", BIGINT)).foreignKey(after).build()),
        RenameHints.none().withTable("accounts", "users").withColumn("orders", "account_id", "user_id"),
        new RenameTable("users", "accounts"),
        new RenameColumn("orders", "user_id", "account_id"));
  }

  @Test
  void renamedTableWithItsDerivedKeyNameRenamesTheKeyAndKeepsTheForeignKeysToIt() {
    ForeignKeyModel before = foreignKey("fk_orders_user", "user_id", "users", "id");
    ForeignKeyModel after = foreignKey("fk_orders_user", "user_id", "accounts", "id");

    assertDiff(
        schema(keyed("users").build(), builder("orders", notNull("user_id", BIGINT)).foreignKey(before).build()),
        schema(keyed("accounts").build(), builder("orders", notNull("user_id", BIGINT)).foreignKey(after).build()),
        RenameHints.none().withTable("accounts", "users"),
        new RenameTable("users", "accounts"),
        new RenamePrimaryKey("accounts", "pk_users", "pk_accounts"));
  }

  @Test
  void primaryKeyKeepingItsRenamedColumnsIsRenamedAfterTheColumns() {
    assertDiff(
        schema(keyed("users").build()),
        schema(builder("users", identity("user_id"))
            .primaryKey(Optional.of(new PrimaryKeyModel("pk_users_user_id", List.of("user_id")))).build()),
        RenameHints.none().withColumn("users", "user_id", "id"),
        new RenameColumn("users", "id", "user_id"),
        new RenamePrimaryKey("users", "pk_users", "pk_users_user_id"));
  }

  @Test
  void primaryKeyRenamedToANameTheSourceUsesIsDroppedAndAdded() {
    assertDiff(
        schema(keyed("users").build(), builder("tags", nullable("name", TEXT)).index(index("pk_accounts", "name")).build()),
        schema(keyed("accounts").build(), table("tags", nullable("name", TEXT))),
        RenameHints.none().withTable("accounts", "users"),
        new DropIndex("tags", "pk_accounts", false),
        identityChange("users", "id", true, false),
        new DropPrimaryKey("users", "pk_users"),
        new RenameTable("users", "accounts"),
        new AddPrimaryKey("accounts", new PrimaryKeyModel("pk_accounts", List.of("id"))),
        identityChange("accounts", "id", false, true));
  }

  @Test
  void anIdentityColumnLeavingTheKeyLosesItsIdentityBeforeTheKeyIsDropped() {
    assertDiff(
        schema(keyed("users", notNull("code", BIGINT)).build()),
        schema(builder("users", notNull("id", BIGINT), notNull("code", BIGINT))
            .primaryKey(Optional.of(new PrimaryKeyModel("pk_users", List.of("code")))).build()),
        identityChange("users", "id", true, false),
        new DropPrimaryKey("users", "pk_users"),
        new AddPrimaryKey("users", new PrimaryKeyModel("pk_users", List.of("code"))));
  }

  @Test
  void aColumnBecomingAnIdentityKeyGetsItsIdentityAfterTheKeyIsAdded() {
    assertDiff(
        schema(builder("users", nullable("id", BIGINT), notNull("code", BIGINT))
            .primaryKey(Optional.of(new PrimaryKeyModel("pk_users", List.of("code")))).build()),
        schema(keyed("users", notNull("code", BIGINT)).build()),
        new DropPrimaryKey("users", "pk_users"),
        new AlterColumn("users", "id", Optional.empty(), Optional.of(new Change<>(true, false)), Optional.empty(),
            Optional.empty(), Optional.empty()),
        new AddPrimaryKey("users", new PrimaryKeyModel("pk_users", List.of("id"))),
        identityChange("users", "id", false, true));
  }

  @Test
  void anIdentityColumnDroppedWithItsKeyLosesItsIdentityBeforeTheKeyIsDropped() {
    assertDiff(
        schema(keyed("users", notNull("code", BIGINT)).build()),
        schema(builder("users", notNull("code", BIGINT))
            .primaryKey(Optional.of(new PrimaryKeyModel("pk_users", List.of("code")))).build()),
        identityChange("users", "id", true, false),
        new DropPrimaryKey("users", "pk_users"),
        new AddPrimaryKey("users", new PrimaryKeyModel("pk_users", List.of("code"))),
        new DropColumn("users", "id"));
  }

  @Test
  void primaryKeyChangingItsColumnsAndItsNameIsDroppedAndAdded() {
    assertDiff(
        schema(keyed("users", notNull("tenant", BIGINT)).build()),
        schema(builder("users", identity("id"), notNull("tenant", BIGINT))
            .primaryKey(Optional.of(new PrimaryKeyModel("pk_users_tenant", List.of("tenant", "id")))).build()),
        identityChange("users", "id", true, false),
        new DropPrimaryKey("users", "pk_users"),
        new AddPrimaryKey("users", new PrimaryKeyModel("pk_users_tenant", List.of("tenant", "id"))),
        identityChange("users", "id", false, true));
  }

  @Test
  void droppedTableReferencedByForeignKeyDropsTheKeyFirst() {
    TableModel users = keyed("users").build();
    TableModel ordersBefore = builder("orders", nullable("user_id", BIGINT))
        .foreignKey(foreignKey("fk_orders_user", "user_id", "users", "id")).build();

    assertDiff(
        schema(users, ordersBefore),
        schema(table("orders", nullable("user_id", BIGINT))),
        new DropForeignKey("orders", "fk_orders_user"),
        new DropTable("users"));
  }

  @Test
  void droppedColumnUsedByAnIndexDropsTheIndexFirst() {
    assertDiff(
        schema(builder("users", nullable("email", TEXT), nullable("name", TEXT))
            .index(index("ix_users_email", "email")).build()),
        schema(table("users", nullable("name", TEXT))),
        new DropIndex("users", "ix_users_email", false),
        new DropColumn("users", "email"));
  }

  @Test
  void droppedReferencedColumnDropsTheForeignKeyFirst() {
    ForeignKeyModel key = new ForeignKeyModel("fk_orders_user", List.of("user_code"), "users", List.of("code"),
        ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);

    assertDiff(
        schema(builder("users", identity("id"), notNull("code", TEXT))
                .unique(new UniqueModel("uq_users_code", List.of("code"))).build(),
            builder("orders", nullable("user_code", TEXT)).foreignKey(key).build()),
        schema(table("users", identity("id")), table("orders", nullable("user_code", TEXT))),
        new DropForeignKey("orders", "fk_orders_user"),
        new DropUnique("users", "uq_users_code"),
        new DropColumn("users", "code"));
  }

  @Test
  void newTablesAreCreatedAfterTheTablesTheyReference() {
    TableModel authors = keyed("authors").build();
    TableModel books = keyed("books", notNull("author_id", BIGINT))
        .foreignKey(foreignKey("fk_books_author", "author_id", "authors", "id")).build();
    TableModel awards = keyed("awards", notNull("book_id", BIGINT))
        .foreignKey(foreignKey("fk_awards_book", "book_id", "books", "id")).build();

    assertDiff(SchemaModel.empty(), schema(awards, books, authors),
        new CreateTable(authors),
        new CreateTable(books),
        new CreateTable(awards));
  }

  @Test
  void foreignKeysInACycleOfNewTablesAreAddedAfterTheCreates() {
    ForeignKeyModel toB = foreignKey("fk_a_b", "b_id", "b", "id");
    ForeignKeyModel toA = foreignKey("fk_b_a", "a_id", "a", "id");
    TableModel a = keyed("a", nullable("b_id", BIGINT)).build();
    TableModel b = keyed("b", nullable("a_id", BIGINT)).build();

    assertDiff(SchemaModel.empty(),
        schema(a.toBuilder().foreignKey(toB).build(), b.toBuilder().foreignKey(toA).build()),
        new CreateTable(a),
        new CreateTable(b),
        new AddForeignKey("a", toB),
        new AddForeignKey("b", toA));
  }

  @Test
  void selfReferencingForeignKeyOfANewTableIsPartOfItsCreation() {
    TableModel employees = keyed("employees", nullable("manager_id", BIGINT))
        .foreignKey(foreignKey("fk_employees_manager", "manager_id", "employees", "id")).build();

    assertDiff(SchemaModel.empty(), schema(employees), new CreateTable(employees));
  }

  @Test
  void newTableReferencingAnExistingKeyCreatesItsForeignKeyInline() {
    TableModel users = keyed("users").build();
    TableModel orders = keyed("orders", notNull("user_id", BIGINT))
        .foreignKey(foreignKey("fk_orders_user", "user_id", "users", "id")).build();

    assertDiff(schema(users), schema(users, orders), new CreateTable(orders));
  }

  @Test
  void newTableReferencingAnAddedColumnAddsItsForeignKeyAfterTheColumnAndItsKey() {
    ColumnModel code = notNull("code", TEXT);
    UniqueModel unique = new UniqueModel("uq_users_code", List.of("code"));
    ForeignKeyModel key = new ForeignKeyModel("fk_orders_user", List.of("user_code"), "users", List.of("code"),
        ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
    TableModel orders = keyed("orders", notNull("user_code", TEXT)).build();

    assertDiff(
        schema(keyed("users").build()),
        schema(keyed("users", code).unique(unique).build(),
            orders.toBuilder().foreignKey(key).build()),
        new CreateTable(orders),
        new AddColumn("users", code),
        new AddUnique("users", unique),
        new AddForeignKey("orders", key));
  }

  @Test
  void newTableReferencingAKeyAddedInTheSameDiffAddsItsForeignKeyAfterTheKey() {
    UniqueModel unique = new UniqueModel("uq_users_code", List.of("code"));
    ForeignKeyModel key = new ForeignKeyModel("fk_orders_user", List.of("user_code"), "users", List.of("code"),
        ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
    TableModel orders = keyed("orders", notNull("user_code", TEXT)).build();

    assertDiff(
        schema(keyed("users", notNull("code", TEXT)).build()),
        schema(keyed("users", notNull("code", TEXT)).unique(unique).build(),
            orders.toBuilder().foreignKey(key).build()),
        new CreateTable(orders),
        new AddUnique("users", unique),
        new AddForeignKey("orders", key));
  }

  @Test
  void droppedTablesAreDroppedBeforeTheTablesTheyReference() {
    TableModel authors = keyed("authors").build();
    TableModel books = keyed("books", notNull("author_id", BIGINT))
        .foreignKey(foreignKey("fk_books_author", "author_id", "authors", "id")).build();

    assertDiff(schema(authors, books), SchemaModel.empty(),
        new DropTable("books"),
        new DropTable("authors"));
  }

  @Test
  void droppedTablesThatReferenceEachOtherDropTheirForeignKeysFirst() {
    TableModel a = keyed("a", nullable("b_id", BIGINT))
        .foreignKey(foreignKey("fk_a_b", "b_id", "b", "id")).build();
    TableModel b = keyed("b", nullable("a_id", BIGINT))
        .foreignKey(foreignKey("fk_b_a", "a_id", "a", "id")).build();

    assertDiff(schema(a, b), SchemaModel.empty(),
        new DropForeignKey("a", "fk_a_b"),
        new DropForeignKey("b", "fk_b_a"),
        new DropTable("a"),
        new DropTable("b"));
  }

  @Test
  void typeChangeOfAReferencedColumnDropsAndAddsTheForeignKey() {
    ForeignKeyModel key = foreignKey("fk_orders_user", "user_id", "users", "id");
    TableModel.Builder users = builder("users", notNull("id", Scalar.INTEGER))
        .primaryKey(Optional.of(new PrimaryKeyModel("pk_users", List.of("id"))));
    TableModel ordersBefore = builder("orders", notNull("user_id", Scalar.INTEGER)).foreignKey(key).build();
    TableModel ordersAfter = builder("orders", notNull("user_id", BIGINT)).foreignKey(key).build();
    TableModel usersAfter = builder("users", notNull("id", BIGINT))
        .primaryKey(Optional.of(new PrimaryKeyModel("pk_users", List.of("id")))).build();
    Optional<Change<ColumnType>> widen = Optional.of(new Change<>(Scalar.INTEGER, BIGINT));

    assertDiff(schema(users.build(), ordersBefore), schema(usersAfter, ordersAfter),
        new DropForeignKey("orders", "fk_orders_user"),
        new AlterColumn("orders", "user_id", widen, Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty()),
        new AlterColumn("users", "id", widen, Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty()),
        new AddForeignKey("orders", key));
  }

  @Test
  void droppedIndexThatMayBackAForeignKeyDropsAndAddsTheKey() {
    ForeignKeyModel key = foreignKey("fk_books_author", "author_id", "authors", "id");
    IndexModel wider = index("ix_books_author", "author_id", "title");
    TableModel authors = keyed("authors").build();

    assertDiff(
        schema(authors, keyed("books", notNull("author_id", BIGINT), nullable("title", TEXT))
            .index(index("ix_books_author", "author_id")).foreignKey(key).build()),
        schema(authors, keyed("books", notNull("author_id", BIGINT), nullable("title", TEXT))
            .index(wider).foreignKey(key).build()),
        new DropForeignKey("books", "fk_books_author"),
        new DropIndex("books", "ix_books_author", false),
        new CreateIndex("books", wider, false),
        new AddForeignKey("books", key));
  }

  @Test
  void constraintNameTakenFromADroppedTableIsDroppedBeforeItIsReused() {
    TableModel people = builder("people", nullable("email", TEXT))
        .index(index("ix_email", "email")).build();

    assertDiff(
        schema(builder("users", nullable("email", TEXT)).index(index("ix_email", "email")).build()),
        schema(people),
        new DropIndex("users", "ix_email", false),
        new CreateTable(people),
        new DropTable("users"));
  }

  @Test
  void keyNameTakenFromADroppedTableDropsTheForeignKeysThatNeedTheKeyFirst() {
    TableModel people = keyed("people").primaryKey(Optional.of(new PrimaryKeyModel("pk_users", List.of("id")))).build();

    assertDiff(
        schema(keyed("users").build(),
            builder("orders", notNull("user_id", BIGINT))
                .foreignKey(foreignKey("fk_orders_user", "user_id", "users", "id")).build()),
        schema(people),
        new DropForeignKey("orders", "fk_orders_user"),
        new AlterColumn("users", "id", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.of(new Change<>(true, false))),
        new DropPrimaryKey("users", "pk_users"),
        new CreateTable(people),
        new DropTable("orders"),
        new DropTable("users"));
  }

  @Test
  void indexMovingToAnotherTableIsDroppedBeforeItIsCreated() {
    IndexModel moved = index("ix_name", "title");

    assertDiff(
        schema(builder("authors", nullable("name", TEXT)).index(index("ix_name", "name")).build(),
            table("books", nullable("title", TEXT))),
        schema(table("authors", nullable("name", TEXT)),
            builder("books", nullable("title", TEXT)).index(moved).build()),
        new DropIndex("authors", "ix_name", false),
        new CreateIndex("books", moved, false));
  }

  @Test
  void operationsAreSortedByTableNameThenConstraintName() {
    assertDiff(
        schema(builder("b", nullable("x", TEXT)).index(index("ix_2", "x")).index(index("ix_1", "x")).build(),
            builder("a", nullable("x", TEXT)).index(index("ix_4", "x")).index(index("ix_3", "x")).build()),
        schema(table("a", nullable("x", TEXT)), table("b", nullable("x", TEXT))),
        new DropIndex("a", "ix_3", false),
        new DropIndex("a", "ix_4", false),
        new DropIndex("b", "ix_1", false),
        new DropIndex("b", "ix_2", false));
  }

  /** An alteration of a column's identity alone. */
  private static AlterColumn identityChange(String table, String column, boolean before, boolean after) {
    return new AlterColumn(table, column, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of(new Change<>(before, after)));
  }

  private static void assertDiff(SchemaModel from, SchemaModel to, Operation... expected) {
    assertDiff(from, to, RenameHints.none(), expected);
  }

  private static void assertDiff(SchemaModel from, SchemaModel to, RenameHints hints, Operation... expected) {
    List<Operation> operations = SchemaDiff.diff(from, to, hints);

    assertThat(operations).containsExactly(expected);
    assertThat(from.applyAll(operations)).isEqualTo(to);
  }
}
