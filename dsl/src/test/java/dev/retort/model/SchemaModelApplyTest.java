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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.retort.operation.Execute;
import dev.retort.operation.JdbcStep;
import dev.retort.operation.Operation;
import dev.retort.operation.RenameColumn;
import dev.retort.operation.RenamePrimaryKey;
import dev.retort.operation.RenameTable;
import dev.retort.operation.ValidateConstraint;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link SchemaModel#apply}: what each operation does to the model, and each way it can misfit. */
class SchemaModelApplyTest {

  private static final ColumnType TEXT = Scalar.TEXT;
  private static final ColumnType BIGINT = Scalar.BIGINT;
  private static final ForeignKeyModel ORDERS_USER = foreignKey("fk_orders_user", "user_id", "users", "id");

  /** users(id pk, email ix) and orders(id pk, user_id fk → users.id). */
  private static final SchemaModel SHOP = schema(
      keyed("users", nullable("email", TEXT)).index(index("ix_users_email", "email")).build(),
      keyed("orders", notNull("user_id", BIGINT)).foreignKey(ORDERS_USER).build());

  @Test
  void createTableAddsTheTable() {
    TableModel items = keyed("items").build();

    assertThat(SHOP.apply(new CreateTable(items)).table("items")).contains(items);
  }

  @Test
  void createTableThatExistsIsRefused() {
    assertMisfit(SHOP, new CreateTable(table("users", identity("id"))),
        "cannot create table users: table users already exists");
  }

  @Test
  void createTableWithAForeignKeyToAMissingTableIsRefused() {
    TableModel lines = builder("lines", notNull("item_id", BIGINT))
        .foreignKey(foreignKey("fk_lines_item", "item_id", "items", "id")).build();

    assertMisfit(SHOP, new CreateTable(lines),
        "cannot create table lines: foreign key fk_lines_item on lines references missing table items");
  }

  @Test
  void createTableReusingAConstraintNameOfAnotherTableIsRefused() {
    TableModel people = builder("people", nullable("email", TEXT)).index(index("ix_users_email", "email")).build();

    assertMisfit(SHOP, new CreateTable(people),
        "cannot create table people: constraint or index name ix_users_email is used on both");
  }

  @Test
  void dropTableRemovesTheTable() {
    SchemaModel result = SHOP.apply(new DropForeignKey("orders", "fk_orders_user")).apply(new DropTable("users"));

    assertThat(result.table("users")).isEmpty();
    assertThat(result.table("orders")).isPresent();
  }

  @Test
  void dropTableThatIsMissingIsRefused() {
    assertMisfit(SHOP, new DropTable("items"), "cannot drop table items: there is no table items");
  }

  @Test
  void dropTableStillReferencedByAForeignKeyIsRefused() {
    assertMisfit(SHOP, new DropTable("users"),
        "cannot drop table users: foreign key fk_orders_user on orders references it; drop that key first");
  }

  @Test
  void dropTableWithAForeignKeyToItselfIsAllowed() {
    SchemaModel model = schema(keyed("nodes", nullable("parent_id", BIGINT))
        .foreignKey(foreignKey("fk_nodes_parent", "parent_id", "nodes", "id")).build());

    assertThat(model.apply(new DropTable("nodes")).tables()).isEmpty();
  }

  @Test
  void renameTableRenamesItAndRetargetsForeignKeysPointingAtIt() {
    SchemaModel result = SHOP.apply(new RenameTable("users", "accounts"));

    assertThat(result.table("users")).isEmpty();
    assertThat(result.table("accounts")).isPresent();
    assertThat(result.table("orders").orElseThrow().foreignKeys())
        .containsExactly(foreignKey("fk_orders_user", "user_id", "accounts", "id"));
  }

  @Test
  void renameTableRetargetsItsOwnSelfReference() {
    SchemaModel model = schema(keyed("nodes", nullable("parent_id", BIGINT))
        .foreignKey(foreignKey("fk_nodes_parent", "parent_id", "nodes", "id")).build());

    SchemaModel result = model.apply(new RenameTable("nodes", "tree"));

    assertThat(result.table("tree").orElseThrow().foreignKeys())
        .containsExactly(foreignKey("fk_nodes_parent", "parent_id", "tree", "id"));
  }

  @Test
  void renameTableOntoAnExistingTableIsRefused() {
    assertMisfit(SHOP, new RenameTable("users", "orders"),
        "cannot rename table users to orders: there is already a table orders");
  }

  @Test
  void renameTableThatIsMissingIsRefused() {
    assertMisfit(SHOP, new RenameTable("items", "things"),
        "cannot rename table items to things: there is no table items");
  }

  @Test
  void alterTableCommentSetsTheComment() {
    SchemaModel result = SHOP.apply(new AlterTableComment("users", new Change<>(Optional.empty(), Optional.of("people"))));

    assertThat(result.table("users").orElseThrow().comment()).contains("people");
  }

  @Test
  void alterTableCommentFromAStaleCommentIsRefused() {
    assertMisfit(SHOP, new AlterTableComment("users", new Change<>(Optional.of("old"), Optional.of("new"))),
        "cannot alter comment of table users: the comment of table users is none, but the operation changes it"
            + " from 'old'");
  }

  @Test
  void addColumnAppendsTheColumn() {
    ColumnModel phone = nullable("phone", TEXT);

    SchemaModel result = SHOP.apply(new AddColumn("users", phone));

    assertThat(result.table("users").orElseThrow().columnNames()).containsExactly("id", "email", "phone");
  }

  @Test
  void addColumnThatExistsIsRefused() {
    assertMisfit(SHOP, new AddColumn("users", nullable("email", TEXT)),
        "cannot add column users.email: table users already has a column email");
  }

  @Test
  void addColumnToAMissingTableIsRefused() {
    assertMisfit(SHOP, new AddColumn("items", nullable("name", TEXT)),
        "cannot add column items.name: there is no table items");
  }

  @Test
  void dropColumnRemovesTheColumn() {
    SchemaModel model = schema(table("users", identity("id"), nullable("fax", TEXT)));

    assertThat(model.apply(new DropColumn("users", "fax")).table("users").orElseThrow().columnNames())
        .containsExactly("id");
  }

  @Test
  void dropColumnThatIsMissingIsRefused() {
    assertMisfit(SHOP, new DropColumn("users", "fax"), "cannot drop column users.fax: table users has no column fax");
  }

  @Test
  void dropColumnStillUsedByAnIndexIsRefused() {
    assertMisfit(SHOP, new DropColumn("users", "email"),
        "cannot drop column users.email: index ix_users_email uses the column; drop the index first");
  }

  @Test
  void dropColumnStillUsedByThePrimaryKeyIsRefused() {
    assertMisfit(SHOP.apply(new DropForeignKey("orders", "fk_orders_user")), new DropColumn("users", "id"),
        "cannot drop column users.id: primary key pk_users uses the column; drop the key first");
  }

  @Test
  void dropColumnStillUsedByAUniqueConstraintIsRefused() {
    SchemaModel model = schema(builder("users", identity("id"), nullable("email", TEXT))
        .unique(new UniqueModel("uq_users_email", List.of("email"))).build());

    assertMisfit(model, new DropColumn("users", "email"),
        "cannot drop column users.email: unique constraint uq_users_email uses the column; drop the constraint first");
  }

  @Test
  void dropColumnStillUsedByItsTablesForeignKeyIsRefused() {
    assertMisfit(SHOP, new DropColumn("orders", "user_id"),
        "cannot drop column orders.user_id: foreign key fk_orders_user uses the column; drop the key first");
  }

  @Test
  void dropColumnStillReferencedByAnotherTablesForeignKeyIsRefused() {
    SchemaModel model = schema(table("users", notNull("id", BIGINT), nullable("email", TEXT)),
        keyed("orders", notNull("user_id", BIGINT)).foreignKey(ORDERS_USER).build());

    assertMisfit(model, new DropColumn("users", "id"),
        "cannot drop column users.id: foreign key fk_orders_user on orders references the column; drop that key first");
  }

  @Test
  void dropColumnStillUsedByACheckIsRefused() {
    SchemaModel model = schema(keyed("products", nullable("code", TEXT), nullable("name", TEXT))
        .check(new CheckModel("ck_products_code", "\"code\" <> '' AND length(name) > 0")).build());

    assertMisfit(model, new DropColumn("products", "code"),
        "cannot drop column products.code: check constraint ck_products_code uses the column; drop the check first");
  }

  @Test
  void dropColumnThatAChecksLiteralOrFunctionSpellsIsAllowed() {
    SchemaModel model = schema(
        keyed("products", nullable("name", TEXT), nullable("code", TEXT), nullable("length", Scalar.INTEGER))
            .check(new CheckModel("ck_products_name", "length(name) > 0 AND name <> 'code'")).build());

    SchemaModel result = model.apply(new DropColumn("products", "code")).apply(new DropColumn("products", "length"));

    assertThat(result.table("products").orElseThrow().columnNames()).containsExactly("id", "name");
  }

  @Test
  void dropColumnNamedLikeTheFieldOfAnExtractInACheckIsAllowed() {
    SchemaModel model = schema(keyed("events", nullable("year", Scalar.INTEGER), nullable("born", Scalar.DATE))
        .check(new CheckModel("ck_events_born", "EXTRACT(YEAR FROM born) > 1900")).build());

    SchemaModel result = model.apply(new DropColumn("events", "year"));

    assertThat(result.table("events").orElseThrow().columnNames()).containsExactly("id", "born");
  }

  @Test
  void dropTheLastColumnIsRefused() {
    assertMisfit(schema(table("flags", nullable("on", Scalar.BOOLEAN))), new DropColumn("flags", "on"),
        "cannot drop column flags.on: it is the last column of table flags; drop the table instead");
  }

  @Test
  void renameColumnRenamesItInKeysIndexesAndForeignKeysOnBothSides() {
    SchemaModel model = schema(
        keyed("users", nullable("email", TEXT)).index(index("ix_users_email", "email")).build(),
        keyed("orders", notNull("user_id", BIGINT)).foreignKey(ORDERS_USER).build(),
        keyed("nodes", nullable("parent_id", BIGINT))
            .foreignKey(foreignKey("fk_nodes_parent", "parent_id", "nodes", "id")).build());

    SchemaModel users = model.apply(new RenameColumn("users", "id", "user_id"))
        .apply(new RenameColumn("users", "email", "mail"));
    SchemaModel orders = model.apply(new RenameColumn("orders", "user_id", "buyer_id"));
    SchemaModel nodes = model.apply(new RenameColumn("nodes", "id", "node_id"));

    TableModel renamed = users.table("users").orElseThrow();
    assertThat(renamed.columnNames()).containsExactly("user_id", "mail");
    assertThat(renamed.primaryKey()).contains(new PrimaryKeyModel("pk_users", List.of("user_id")));
    assertThat(renamed.indexes()).containsExactly(index("ix_users_email", "mail"));
    assertThat(users.table("orders").orElseThrow().foreignKeys())
        .containsExactly(foreignKey("fk_orders_user", "user_id", "users", "user_id"));
    assertThat(orders.table("orders").orElseThrow().foreignKeys())
        .containsExactly(foreignKey("fk_orders_user", "buyer_id", "users", "id"));
    assertThat(nodes.table("nodes").orElseThrow().foreignKeys())
        .containsExactly(foreignKey("fk_nodes_parent", "parent_id", "nodes", "node_id"));
  }

  @Test
  void renameColumnRewritesTheChecksOfItsTableOnly() {
    SchemaModel model = schema(
        keyed("products", nullable("code", TEXT))
            .check(new CheckModel("ck_products_code", "\"code\" <> 'code' AND length(code) < 20"))
            .check(new CheckModel("ck_products_id", "id > 0"))
            .build(),
        keyed("orders", nullable("code", TEXT)).check(new CheckModel("ck_orders_code", "code <> ''")).build());

    SchemaModel result = model.apply(new RenameColumn("products", "code", "sku"));

    assertThat(result.table("products").orElseThrow().checks()).containsExactly(
        new CheckModel("ck_products_code", "\"sku\" <> 'code' AND length(sku) < 20"),
        new CheckModel("ck_products_id", "id > 0"));
    assertThat(result.table("orders").orElseThrow().checks())
        .containsExactly(new CheckModel("ck_orders_code", "code <> ''"));
  }

  @Test
  void aBareNameQuotedByARenameStaysQuotedWhenRenamedBack() {
    SchemaModel model = schema(keyed("products", nullable("code", TEXT))
        .check(new CheckModel("ck_products_code", "code <> '' AND \"code\" <> 'x'")).build());

    SchemaModel result = model.applyAll(
        List.of(new RenameColumn("products", "code", "Sku"), new RenameColumn("products", "Sku", "code")));

    assertThat(result.table("products").orElseThrow().checks())
        .containsExactly(new CheckModel("ck_products_code", "\"code\" <> '' AND \"code\" <> 'x'"));
  }

  @Test
  void renameColumnOntoAnExistingColumnIsRefused() {
    assertMisfit(SHOP, new RenameColumn("users", "email", "id"),
        "cannot rename column users.email to id: table users already has a column id");
  }

  @Test
  void renameColumnThatIsMissingIsRefused() {
    assertMisfit(SHOP, new RenameColumn("users", "mail", "email2"),
        "cannot rename column users.mail to email2: table users has no column mail");
  }

  @Test
  void alterColumnAppliesEveryChangeAtOnce() {
    SchemaModel model = schema(table("items", identity("id"), nullable("name", TEXT)));

    SchemaModel result = model.apply(new AlterColumn("items", "id",
        Optional.of(new Change<>(BIGINT, new ColumnType.Varchar(36))),
        Optional.of(new Change<>(false, true)),
        Optional.of(new Change<>(Optional.empty(), Optional.of(DefaultValue.expression("uuid()")))),
        Optional.of(new Change<>(Optional.empty(), Optional.of("key"))),
        Optional.of(new Change<>(true, false))));

    assertThat(result.table("items").orElseThrow().column("id")).contains(new ColumnModel("id",
        new ColumnType.Varchar(36), true, Optional.of(DefaultValue.expression("uuid()")), false, Optional.of("key")));
  }

  @Test
  void alterColumnFromAStaleTypeIsRefused() {
    assertMisfit(SHOP, new AlterColumn("users", "email",
            Optional.of(new Change<>(new ColumnType.Varchar(10), new ColumnType.Varchar(20))),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
        "cannot alter column users.email (type varchar(10) -> varchar(20)): the type of column users.email is text,"
            + " but the operation changes it from varchar(10)");
  }

  @Test
  void alterColumnFromAStaleNullabilityIsRefused() {
    assertMisfit(SHOP, new AlterColumn("users", "email", Optional.empty(), Optional.of(new Change<>(false, true)),
            Optional.empty(), Optional.empty(), Optional.empty()),
        "the nullability of column users.email is true, but the operation changes it from false");
  }

  @Test
  void alterColumnIntoAnInvalidColumnIsRefused() {
    assertMisfit(SHOP, new AlterColumn("users", "email", Optional.empty(), Optional.of(new Change<>(true, false)),
            Optional.empty(), Optional.empty(), Optional.of(new Change<>(false, true))),
        "cannot alter column users.email (not null, identity): identity column email has type text");
  }

  @Test
  void alterColumnMakingAKeyColumnNullableIsRefused() {
    assertMisfit(SHOP, new AlterColumn("users", "id", Optional.empty(), Optional.of(new Change<>(false, true)),
            Optional.empty(), Optional.empty(), Optional.of(new Change<>(true, false))),
        "primary key column users.id is nullable");
  }

  @Test
  void alterColumnThatIsMissingIsRefused() {
    assertMisfit(SHOP, new AlterColumn("users", "fax", Optional.empty(), Optional.of(new Change<>(true, false)),
            Optional.empty(), Optional.empty(), Optional.empty()),
        "cannot alter column users.fax (not null): table users has no column fax");
  }

  @Test
  void addAndDropPrimaryKey() {
    SchemaModel model = schema(table("tags", notNull("name", TEXT)));
    PrimaryKeyModel key = new PrimaryKeyModel("pk_tags", List.of("name"));

    SchemaModel keyed = model.apply(new AddPrimaryKey("tags", key));

    assertThat(keyed.table("tags").orElseThrow().primaryKey()).contains(key);
    assertThat(keyed.apply(new DropPrimaryKey("tags", "pk_tags"))).isEqualTo(model);
  }

  @Test
  void addPrimaryKeyToATableThatHasOneIsRefused() {
    assertMisfit(SHOP, new AddPrimaryKey("users", new PrimaryKeyModel("pk_users2", List.of("id"))),
        "cannot add primary key pk_users2 on users: table users already has primary key pk_users");
  }

  @Test
  void addPrimaryKeyOnANullableColumnIsRefused() {
    assertMisfit(SHOP.apply(new DropForeignKey("orders", "fk_orders_user")).apply(new DropPrimaryKey("users", "pk_users")),
        new AddPrimaryKey("users", new PrimaryKeyModel("pk_users", List.of("email"))),
        "cannot add primary key pk_users on users: primary key column users.email is nullable");
  }

  @Test
  void dropPrimaryKeyThatAForeignKeyReferencesIsRefused() {
    assertMisfit(SHOP, new DropPrimaryKey("users", "pk_users"),
        "cannot drop primary key pk_users on users: foreign key fk_orders_user on orders references users [id],"
            + " which no other key covers; drop that foreign key first");
  }

  @Test
  void dropUniqueIndexThatAForeignKeyReferencesIsRefused() {
    SchemaModel model = SHOP.apply(new CreateIndex("users", new IndexModel("ux_users_email", List.of("email"), true),
        false)).apply(new AddForeignKey("orders", new ForeignKeyModel("fk_orders_email", List.of("user_id"), "users",
        List.of("email"), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION)));

    assertMisfit(model, new DropIndex("users", "ux_users_email", false),
        "cannot drop index ux_users_email on users: foreign key fk_orders_email on orders references users [email]");
  }

  @Test
  void dropKeyThatAForeignKeyReferencesIsAllowedWhileAnotherKeyCoversTheColumns() {
    UniqueModel unique = new UniqueModel("uq_users_id", List.of("id"));
    SchemaModel model = SHOP.apply(new AddUnique("users", unique));

    SchemaModel result = model.apply(new DropPrimaryKey("users", "pk_users"));

    assertThat(result.table("users").orElseThrow().primaryKey()).isEmpty();
    assertThat(result.apply(new DropIndex("users", "ix_users_email", false)).table("users").orElseThrow().indexes())
        .isEmpty();
  }

  @Test
  void dropPrimaryKeyByAnotherNameIsRefused() {
    assertMisfit(SHOP, new DropPrimaryKey("users", "pk_people"),
        "cannot drop primary key pk_people on users: table users has no primary key named pk_people");
  }

  @Test
  void renamePrimaryKeyKeepsItsColumnsAndTheForeignKeysToIt() {
    SchemaModel result = SHOP.apply(new RenamePrimaryKey("users", "pk_users", "pk_accounts"));

    assertThat(result.table("users").orElseThrow().primaryKey())
        .contains(new PrimaryKeyModel("pk_accounts", List.of("id")));
    assertThat(result.table("orders").orElseThrow().foreignKeys()).containsExactly(ORDERS_USER);
    assertThat(result.apply(new RenamePrimaryKey("users", "pk_accounts", "pk_users"))).isEqualTo(SHOP);
  }

  @Test
  void renamePrimaryKeyByAnotherNameIsRefused() {
    assertMisfit(SHOP, new RenamePrimaryKey("users", "pk_people", "pk_accounts"),
        "cannot rename primary key pk_people on users to pk_accounts: table users has no primary key named pk_people");
  }

  @Test
  void renamePrimaryKeyToANameInUseIsRefused() {
    assertMisfit(SHOP, new RenamePrimaryKey("users", "pk_users", "ix_users_email"),
        "cannot rename primary key pk_users on users to ix_users_email: table users already has a constraint or"
            + " index named ix_users_email");
    assertMisfit(SHOP, new RenamePrimaryKey("users", "pk_users", "fk_orders_user"),
        "cannot rename primary key pk_users on users to fk_orders_user: constraint or index name fk_orders_user is"
            + " used on both");
  }

  @Test
  void addAndDropUnique() {
    UniqueModel unique = new UniqueModel("uq_users_email", List.of("email"));

    SchemaModel result = SHOP.apply(new AddUnique("users", unique));

    assertThat(result.table("users").orElseThrow().uniques()).containsExactly(unique);
    assertThat(result.apply(new DropUnique("users", "uq_users_email"))).isEqualTo(SHOP);
  }

  @Test
  void addUniqueOnAMissingColumnIsRefused() {
    assertMisfit(SHOP, new AddUnique("users", new UniqueModel("uq_users_fax", List.of("fax"))),
        "cannot add unique constraint uq_users_fax on users: unique constraint uq_users_fax on table users names"
            + " unknown column fax");
  }

  @Test
  void addConstraintWithANameTheTableUsesIsRefused() {
    assertMisfit(SHOP, new AddUnique("users", new UniqueModel("ix_users_email", List.of("email"))),
        "cannot add unique constraint ix_users_email on users: table users already has a constraint or index named"
            + " ix_users_email");
  }

  @Test
  void addConstraintWithANameAnotherTableUsesIsRefused() {
    assertMisfit(SHOP, new AddCheck("orders", new CheckModel("ix_users_email", "user_id > 0")),
        "cannot add check constraint ix_users_email on orders: constraint or index name ix_users_email is used on"
            + " both");
  }

  @Test
  void dropUniqueThatIsAnIndexIsRefused() {
    assertMisfit(SHOP, new DropUnique("users", "ix_users_email"),
        "cannot drop unique constraint ix_users_email on users: table users has no unique constraint named"
            + " ix_users_email");
  }

  @Test
  void addAndDropCheck() {
    CheckModel check = new CheckModel("ck_orders_user", "user_id > 0");

    SchemaModel result = SHOP.apply(new AddCheck("orders", check));

    assertThat(result.table("orders").orElseThrow().checks()).containsExactly(check);
    assertThat(result.apply(new DropCheck("orders", "ck_orders_user"))).isEqualTo(SHOP);
  }

  @Test
  void dropCheckThatIsMissingIsRefused() {
    assertMisfit(SHOP, new DropCheck("orders", "ck_orders_user"),
        "cannot drop check constraint ck_orders_user on orders: table orders has no check constraint named"
            + " ck_orders_user");
  }

  @Test
  void addAndDropForeignKey() {
    SchemaModel withoutKey = SHOP.apply(new DropForeignKey("orders", "fk_orders_user"));

    assertThat(withoutKey.table("orders").orElseThrow().foreignKeys()).isEmpty();
    assertThat(withoutKey.apply(new AddForeignKey("orders", ORDERS_USER))).isEqualTo(SHOP);
  }

  @Test
  void addForeignKeyToAMissingColumnIsRefused() {
    ForeignKeyModel key = new ForeignKeyModel("fk_orders_user_email", List.of("user_id"), "users", List.of("mail"),
        ReferentialAction.CASCADE, ReferentialAction.NO_ACTION);

    assertMisfit(SHOP, new AddForeignKey("orders", key),
        "cannot add foreign key fk_orders_user_email on orders: foreign key fk_orders_user_email on orders references"
            + " missing column users.mail");
  }

  @Test
  void dropForeignKeyThatIsMissingIsRefused() {
    assertMisfit(SHOP, new DropForeignKey("users", "fk_orders_user"),
        "cannot drop foreign key fk_orders_user on users: table users has no foreign key named fk_orders_user");
  }

  @Test
  void aConstraintAddedNotValidIsInTheModelAsTheValidatedOneAndValidatingChangesNothing() {
    SchemaModel withoutKey = SHOP.apply(new DropForeignKey("orders", "fk_orders_user"));
    CheckModel check = new CheckModel("ck_orders_user", "user_id > 0");

    SchemaModel notValid = withoutKey.applyAll(List.of(new AddForeignKey("orders", ORDERS_USER, true),
        new AddCheck("orders", check, true)));

    assertThat(notValid).isEqualTo(SHOP.apply(new AddCheck("orders", check)));
    assertThat(notValid.applyAll(List.of(new ValidateConstraint("orders", "fk_orders_user"),
        new ValidateConstraint("orders", "ck_orders_user")))).isSameAs(notValid);
  }

  @Test
  void theDowngradeOfANotValidAddIsTheDropAndThatOfAValidationIsNothing() {
    SchemaModel withoutKey = SHOP.apply(new DropForeignKey("orders", "fk_orders_user"));

    SchemaModel added = withoutKey.apply(new AddForeignKey("orders", ORDERS_USER, true));

    assertThat(added.apply(new DropForeignKey("orders", "fk_orders_user"))).isEqualTo(withoutKey);
    // The downgrade of a migration that only validates has no operations: the schema stays as it is.
    assertThat(added.apply(new ValidateConstraint("orders", "fk_orders_user")).applyAll(List.of())).isEqualTo(added);
  }

  @Test
  void validateConstraintThatIsMissingIsRefused() {
    assertMisfit(SHOP, new ValidateConstraint("orders", "fk_orders_team"),
        "cannot validate constraint fk_orders_team on orders: table orders has no foreign key or check constraint"
            + " named fk_orders_team");
    assertMisfit(SHOP, new ValidateConstraint("teams", "fk_orders_user"),
        "cannot validate constraint fk_orders_user on teams: there is no table teams");
  }

  @Test
  void validateConstraintThatIsAnIndexOrKeyIsRefusedSayingWhatCanBeValidated() {
    assertMisfit(SHOP, new ValidateConstraint("users", "ix_users_email"),
        "cannot validate constraint ix_users_email on users: ix_users_email of table users is neither a foreign key"
            + " nor a check constraint; only those two are added not valid and validated");
  }

  @Test
  void createAndDropIndex() {
    IndexModel index = new IndexModel("ix_orders_user", List.of("user_id"), true);

    SchemaModel result = SHOP.apply(new CreateIndex("orders", index, false));

    assertThat(result.table("orders").orElseThrow().indexes()).containsExactly(index);
    assertThat(result.apply(new DropIndex("orders", "ix_orders_user", false))).isEqualTo(SHOP);
  }

  @Test
  void dropIndexThatIsMissingIsRefused() {
    assertMisfit(SHOP, new DropIndex("users", "ix_users_name", false),
        "cannot drop index ix_users_name on users: table users has no index named ix_users_name");
  }

  @Test
  void rawSqlAndJdbcStepsLeaveTheModelAsItIs() {
    assertThat(SHOP.apply(Execute.of("UPDATE users SET email = lower(email)"))).isSameAs(SHOP);
    assertThat(SHOP.apply(new JdbcStep("backfill users.email", connection -> { }))).isSameAs(SHOP);
  }

  @Test
  void applyAllStopsAtTheFirstMisfit() {
    List<Operation> operations = List.of(new AddColumn("users", nullable("phone", TEXT)), new DropTable("users"));

    assertMisfit(SHOP, operations, "cannot drop table users: foreign key fk_orders_user on orders references it");
  }

  @Test
  void applyAllGivesWhatApplyingOneAtATimeGives() {
    TableModel items = keyed("items", nullable("name", TEXT)).index(index("ix_items_name", "name")).build();
    List<Operation> operations = List.of(
        new CreateTable(items),
        new AddColumn("orders", nullable("item_id", BIGINT)),
        new AddForeignKey("orders", foreignKey("fk_orders_item", "item_id", "items", "id")),
        new RenameTable("items", "products"),
        new RenameColumn("products", "id", "product_id"),
        new DropIndex("users", "ix_users_email", false),
        new CreateIndex("products", index("ix_users_email", "name"), false),
        Execute.of("UPDATE users SET email = lower(email)"));

    SchemaModel oneAtATime = SHOP;
    for (Operation operation : operations) {
      oneAtATime = oneAtATime.apply(operation);
    }

    assertThat(SHOP.applyAll(operations)).isEqualTo(oneAtATime);
    assertThat(oneAtATime.table("orders").orElseThrow().foreignKeys())
        .contains(foreignKey("fk_orders_item", "item_id", "products", "product_id"));
  }

  @Test
  void applyAllOfNothingOrOnlyRawSqlIsTheSameSchema() {
    assertThat(SHOP.applyAll(List.of())).isSameAs(SHOP);
    assertThat(SHOP.applyAll(List.of(Execute.of("SELECT 1"), Execute.of("SELECT 2")))).isSameAs(SHOP);
  }

  @Test
  void aNameTakenByATableCreatedEarlierInTheListIsRefused() {
    TableModel items = keyed("items", nullable("name", TEXT)).index(index("ix_items_name", "name")).build();
    TableModel archive = keyed("archive", nullable("name", TEXT)).index(index("ix_items_name", "name")).build();

    assertMisfit(SHOP, List.of(new CreateTable(items), new CreateTable(archive)),
        "cannot create table archive: constraint or index name ix_items_name is used on both archive and items;"
            + " such names must be unique across the schema");
  }

  @Test
  void aNameFreedEarlierInTheListCanBeTakenAgain() {
    TableModel people = builder("people", nullable("email", TEXT)).index(index("ix_users_email", "email")).build();

    SchemaModel result = SHOP.applyAll(List.of(new DropIndex("users", "ix_users_email", false), new CreateTable(people)));

    assertThat(result.table("people")).contains(people);
  }

  @Test
  void aForeignKeyToATableDroppedEarlierInTheListIsRefused() {
    TableModel items = keyed("items").build();

    assertMisfit(SHOP, List.of(new CreateTable(items), new DropTable("items"),
            new AddForeignKey("orders", foreignKey("fk_orders_user_item", "user_id", "items", "id"))),
        "cannot add foreign key fk_orders_user_item on orders: foreign key fk_orders_user_item on orders"
            + " references missing table items");
  }

  @Test
  void aForeignKeyToAColumnRenamedEarlierInTheListIsRefused() {
    assertMisfit(SHOP, List.of(new DropForeignKey("orders", "fk_orders_user"), new RenameColumn("users", "id", "user_id"),
            new AddForeignKey("orders", ORDERS_USER)),
        "cannot add foreign key fk_orders_user on orders: foreign key fk_orders_user on orders references missing"
            + " column users.id");
  }

  @Test
  void droppingATableThatAForeignKeyAddedEarlierInTheListReferencesIsRefused() {
    TableModel items = keyed("items").build();

    assertMisfit(SHOP, List.of(new CreateTable(items),
            new AddForeignKey("orders", foreignKey("fk_orders_user_item", "user_id", "items", "id")),
            new DropTable("items")),
        "cannot drop table items: foreign key fk_orders_user_item on orders references it; drop that key first");
  }

  /**
   * Expects the operation to misfit alone, through {@link SchemaModel#apply} (which validates the
   * resulting schema as a whole), and in a list, through {@link SchemaModel#applyAll} (which checks
   * each change on its own), with the same message.
   */
  private static void assertMisfit(SchemaModel schema, Operation operation, String message) {
    assertThatThrownBy(() -> schema.apply(operation))
        .isInstanceOf(SchemaException.class)
        .hasMessageContaining(message);
    assertMisfit(schema, List.of(Execute.of("SELECT 1"), operation), message);
  }

  private static void assertMisfit(SchemaModel schema, List<Operation> operations, String message) {
    assertThatThrownBy(() -> schema.applyAll(operations))
        .isInstanceOf(SchemaException.class)
        .hasMessageContaining(message);
  }
}
