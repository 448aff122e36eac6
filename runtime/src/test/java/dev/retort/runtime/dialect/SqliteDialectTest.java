package dev.retort.runtime.dialect;

import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.integer;
import static dev.retort.model.ColumnType.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.model.ColumnModel;
import dev.retort.model.DefaultValue;
import dev.retort.model.PrimaryKeyModel;
import dev.retort.model.SchemaModel;
import dev.retort.model.TableModel;
import dev.retort.operation.AddColumn;
import dev.retort.operation.CreateSequence;
import dev.retort.operation.CreateTable;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropView;
import dev.retort.operation.Operation;
import dev.retort.operation.RenameTable;
import dev.retort.operation.Vendor;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SQLite rendering of every operation: native where SQLite alters tables itself, the table rebuild elsewhere. */
class SqliteDialectTest {

  private final Dialect dialect = Dialects.forVendor(Vendor.SQLITE);

  private String render(SchemaModel before, Operation operation) {
    return Rendering.render(dialect, before, operation);
  }

  @Test
  void createsTableWithKeysCommentsAndIndexes() {
    assertThat(render(Shop.withoutOrder(), Shop.createOrder())).isEqualTo("""
        CREATE TABLE "order" (
          "id" INTEGER NOT NULL CONSTRAINT "pk_order" PRIMARY KEY AUTOINCREMENT,
          "user_id" BIGINT NOT NULL,
          "total" DECIMAL(12,2) NOT NULL DEFAULT 0,
          "quantity" VARCHAR(10) NOT NULL DEFAULT '1',
          "note" TEXT,
          "placed_at" TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
          CONSTRAINT "fk_order_user" FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON DELETE CASCADE
        );
        CREATE INDEX "ix_order_user_id" ON "order" ("user_id");
        """);
  }

  @Test
  void dropsTable() {
    assertThat(render(Shop.schema(), Shop.dropOrder())).isEqualTo("""
        DROP TABLE "order";
        """);
  }

  @Test
  void renamesTable() {
    assertThat(render(Shop.schema(), Shop.renameOrder())).isEqualTo("""
        ALTER TABLE "order" RENAME TO "purchase";
        """);
  }

  @Test
  void renamesTableWhoseNameChangesOnlyInCaseThroughAnotherName() {
    assertThat(render(Shop.schema(), new RenameTable("order", "Order"))).isEqualTo("""
        ALTER TABLE "order" RENAME TO "retort_rename_Order";
        ALTER TABLE "retort_rename_Order" RENAME TO "Order";
        """);
  }

  @Test
  void setsTableComment() {
    assertThat(render(Shop.schema(), Shop.commentUser())).isEmpty();
  }

  @Test
  void removesTableComment() {
    assertThat(render(Shop.schema(), Shop.uncommentOrder())).isEmpty();
  }

  @Test
  void addsTimeColumnsWithFewerDigitsOfTheSecond() {
    assertThat(render(Shop.schema(), Shop.addShippedAt())).isEqualTo("""
        ALTER TABLE "order" ADD COLUMN "shipped_at" TIMESTAMPTZ(3);
        """);
    assertThat(render(Shop.schema(), Shop.addOpensAt())).isEqualTo("""
        ALTER TABLE "order" ADD COLUMN "opens_at" TIME(0);
        """);
  }

  @Test
  void addsNullableColumnWithComment() {
    assertThat(render(Shop.schema(), Shop.addPhone())).isEqualTo("""
        ALTER TABLE "user" ADD COLUMN "phone" VARCHAR(20);
        """);
  }

  @Test
  void addsNotNullColumnWithExpressionDefault() {
    assertThat(render(Shop.schema(), Shop.addCreatedAt())).isEqualTo("""
        -- check that SQLite can rebuild table user, and save the triggers and views that depend on it
        CREATE TABLE "retort_rebuild_user" (
          "id" INTEGER NOT NULL CONSTRAINT "pk_user" PRIMARY KEY AUTOINCREMENT,
          "email" VARCHAR(255) NOT NULL,
          "select" VARCHAR(20) NOT NULL DEFAULT 'it''s',
          "status" TEXT NOT NULL DEFAULT 'active' CHECK ("status" IN ('active', 'blocked')),
          "created_at" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
          CONSTRAINT "uq_user_email" UNIQUE ("email"),
          CONSTRAINT "ck_user_email" CHECK ("email" <> '')
        );
        INSERT INTO "retort_rebuild_user" ("id", "email", "select", "status") SELECT "id", "email", "select", "status" FROM "user";
        DELETE FROM "sqlite_sequence" WHERE "name" = 'retort_rebuild_user';
        INSERT INTO "sqlite_sequence" ("name", "seq") SELECT 'retort_rebuild_user', "seq" FROM "sqlite_sequence" WHERE "name" = 'user';
        DROP TABLE "user";
        -- Rename as sqlite.org's procedure does, leaving the views and triggers that refer to user as they are; they are checked below
        PRAGMA legacy_alter_table = ON;
        ALTER TABLE "retort_rebuild_user" RENAME TO "user";
        PRAGMA legacy_alter_table = OFF;
        -- create the triggers of user again, and check the triggers and views that depend on it
        -- check the foreign keys of order after rebuilding user (PRAGMA foreign_key_check)
        """);
  }

  @Test
  void dropsColumn() {
    assertThat(render(Shop.schema(), Shop.dropNote())).isEqualTo("""
        ALTER TABLE "order" DROP COLUMN "note";
        -- check that the triggers and views that depend on order work without order.note
        """);
  }

  @Test
  void renamesColumnNamedByReservedWord() {
    assertThat(render(Shop.schema(), Shop.renameSelect())).isEqualTo("""
        ALTER TABLE "user" RENAME COLUMN "select" TO "from";
        """);
  }

  @Test
  void widensDecimalColumn() {
    assertThat(render(Shop.schema(), Shop.widenTotal())).isEqualTo("""
        -- check that SQLite can rebuild table order, and save the triggers and views that depend on it
        CREATE TABLE "retort_rebuild_order" (
          "id" INTEGER NOT NULL CONSTRAINT "pk_order" PRIMARY KEY AUTOINCREMENT,
          "user_id" BIGINT NOT NULL,
          "total" DECIMAL(14,2) NOT NULL DEFAULT 0,
          "quantity" VARCHAR(10) NOT NULL DEFAULT '1',
          "note" TEXT,
          "placed_at" TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
          CONSTRAINT "fk_order_user" FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON DELETE CASCADE
        );
        INSERT INTO "retort_rebuild_order" ("id", "user_id", "total", "quantity", "note", "placed_at") SELECT "id", "user_id", "total", "quantity", "note", "placed_at" FROM "order";
        DELETE FROM "sqlite_sequence" WHERE "name" = 'retort_rebuild_order';
        INSERT INTO "sqlite_sequence" ("name", "seq") SELECT 'retort_rebuild_order', "seq" FROM "sqlite_sequence" WHERE "name" = 'order';
        DROP TABLE "order";
        -- Rename as sqlite.org's procedure does, leaving the views and triggers that refer to order as they are; they are checked below
        PRAGMA legacy_alter_table = ON;
        ALTER TABLE "retort_rebuild_order" RENAME TO "order";
        PRAGMA legacy_alter_table = OFF;
        CREATE INDEX "ix_order_user_id" ON "order" ("user_id");
        -- create the triggers of order again, and check the triggers and views that depend on it
        -- check the foreign keys of order after rebuilding order (PRAGMA foreign_key_check)
        """);
  }

  @Test
  void convertsTextColumnToInteger() {
    assertThat(render(Shop.schema(), Shop.quantityToInteger())).isEqualTo("""
        -- check that SQLite can rebuild table order, and save the triggers and views that depend on it
        CREATE TABLE "retort_rebuild_order" (
          "id" INTEGER NOT NULL CONSTRAINT "pk_order" PRIMARY KEY AUTOINCREMENT,
          "user_id" BIGINT NOT NULL,
          "total" DECIMAL(12,2) NOT NULL DEFAULT 0,
          "quantity" INTEGER NOT NULL DEFAULT 1,
          "note" TEXT,
          "placed_at" TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
          CONSTRAINT "fk_order_user" FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON DELETE CASCADE
        );
        INSERT INTO "retort_rebuild_order" ("id", "user_id", "total", "quantity", "note", "placed_at") SELECT "id", "user_id", "total", "quantity", "note", "placed_at" FROM "order";
        DELETE FROM "sqlite_sequence" WHERE "name" = 'retort_rebuild_order';
        INSERT INTO "sqlite_sequence" ("name", "seq") SELECT 'retort_rebuild_order', "seq" FROM "sqlite_sequence" WHERE "name" = 'order';
        DROP TABLE "order";
        -- Rename as sqlite.org's procedure does, leaving the views and triggers that refer to order as they are; they are checked below
        PRAGMA legacy_alter_table = ON;
        ALTER TABLE "retort_rebuild_order" RENAME TO "order";
        PRAGMA legacy_alter_table = OFF;
        CREATE INDEX "ix_order_user_id" ON "order" ("user_id");
        -- create the triggers of order again, and check the triggers and views that depend on it
        -- check the foreign keys of order after rebuilding order (PRAGMA foreign_key_check)
        """);
  }

  @Test
  void makesColumnNotNull() {
    assertThat(render(Shop.schema(), Shop.requireNote())).isEqualTo("""
        -- check that SQLite can rebuild table order, and save the triggers and views that depend on it
        CREATE TABLE "retort_rebuild_order" (
          "id" INTEGER NOT NULL CONSTRAINT "pk_order" PRIMARY KEY AUTOINCREMENT,
          "user_id" BIGINT NOT NULL,
          "total" DECIMAL(12,2) NOT NULL DEFAULT 0,
          "quantity" VARCHAR(10) NOT NULL DEFAULT '1',
          "note" TEXT NOT NULL,
          "placed_at" TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
          CONSTRAINT "fk_order_user" FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON DELETE CASCADE
        );
        INSERT INTO "retort_rebuild_order" ("id", "user_id", "total", "quantity", "note", "placed_at") SELECT "id", "user_id", "total", "quantity", "note", "placed_at" FROM "order";
        DELETE FROM "sqlite_sequence" WHERE "name" = 'retort_rebuild_order';
        INSERT INTO "sqlite_sequence" ("name", "seq") SELECT 'retort_rebuild_order', "seq" FROM "sqlite_sequence" WHERE "name" = 'order';
        DROP TABLE "order";
        -- Rename as sqlite.org's procedure does, leaving the views and triggers that refer to order as they are; they are checked below
        PRAGMA legacy_alter_table = ON;
        ALTER TABLE "retort_rebuild_order" RENAME TO "order";
        PRAGMA legacy_alter_table = OFF;
        CREATE INDEX "ix_order_user_id" ON "order" ("user_id");
        -- create the triggers of order again, and check the triggers and views that depend on it
        -- check the foreign keys of order after rebuilding order (PRAGMA foreign_key_check)
        """);
  }

  @Test
  void changesDefault() {
    assertThat(render(Shop.schema(), Shop.changeSelectDefault())).isEqualTo("""
        -- check that SQLite can rebuild table user, and save the triggers and views that depend on it
        CREATE TABLE "retort_rebuild_user" (
          "id" INTEGER NOT NULL CONSTRAINT "pk_user" PRIMARY KEY AUTOINCREMENT,
          "email" VARCHAR(255) NOT NULL,
          "select" VARCHAR(20) NOT NULL DEFAULT 'none',
          "status" TEXT NOT NULL DEFAULT 'active' CHECK ("status" IN ('active', 'blocked')),
          CONSTRAINT "uq_user_email" UNIQUE ("email"),
          CONSTRAINT "ck_user_email" CHECK ("email" <> '')
        );
        INSERT INTO "retort_rebuild_user" ("id", "email", "select", "status") SELECT "id", "email", "select", "status" FROM "user";
        DELETE FROM "sqlite_sequence" WHERE "name" = 'retort_rebuild_user';
        INSERT INTO "sqlite_sequence" ("name", "seq") SELECT 'retort_rebuild_user', "seq" FROM "sqlite_sequence" WHERE "name" = 'user';
        DROP TABLE "user";
        -- Rename as sqlite.org's procedure does, leaving the views and triggers that refer to user as they are; they are checked below
        PRAGMA legacy_alter_table = ON;
        ALTER TABLE "retort_rebuild_user" RENAME TO "user";
        PRAGMA legacy_alter_table = OFF;
        -- create the triggers of user again, and check the triggers and views that depend on it
        -- check the foreign keys of order after rebuilding user (PRAGMA foreign_key_check)
        """);
  }

  @Test
  void addsEnumValues() {
    assertThat(render(Shop.schema(), Shop.addStatusValue())).isEqualTo("""
        -- check that SQLite can rebuild table user, and save the triggers and views that depend on it
        CREATE TABLE "retort_rebuild_user" (
          "id" INTEGER NOT NULL CONSTRAINT "pk_user" PRIMARY KEY AUTOINCREMENT,
          "email" VARCHAR(255) NOT NULL,
          "select" VARCHAR(20) NOT NULL DEFAULT 'it''s',
          "status" TEXT NOT NULL DEFAULT 'active' CHECK ("status" IN ('pending', 'active', 'invited', 'blocked')),
          CONSTRAINT "uq_user_email" UNIQUE ("email"),
          CONSTRAINT "ck_user_email" CHECK ("email" <> '')
        );
        INSERT INTO "retort_rebuild_user" ("id", "email", "select", "status") SELECT "id", "email", "select", "status" FROM "user";
        DELETE FROM "sqlite_sequence" WHERE "name" = 'retort_rebuild_user';
        INSERT INTO "sqlite_sequence" ("name", "seq") SELECT 'retort_rebuild_user', "seq" FROM "sqlite_sequence" WHERE "name" = 'user';
        DROP TABLE "user";
        -- Rename as sqlite.org's procedure does, leaving the views and triggers that refer to user as they are; they are checked below
        PRAGMA legacy_alter_table = ON;
        ALTER TABLE "retort_rebuild_user" RENAME TO "user";
        PRAGMA legacy_alter_table = OFF;
        -- create the triggers of user again, and check the triggers and views that depend on it
        -- check the foreign keys of order after rebuilding user (PRAGMA foreign_key_check)
        """);
  }

  @Test
  void removesEnumValue() {
    assertThat(render(Shop.schema(), Shop.removeStatusValue())).isEqualTo("""
        -- check that SQLite can rebuild table user, and save the triggers and views that depend on it
        CREATE TABLE "retort_rebuild_user" (
          "id" INTEGER NOT NULL CONSTRAINT "pk_user" PRIMARY KEY AUTOINCREMENT,
          "email" VARCHAR(255) NOT NULL,
          "select" VARCHAR(20) NOT NULL DEFAULT 'it''s',
          "status" TEXT NOT NULL DEFAULT 'active' CHECK ("status" IN ('active')),
          CONSTRAINT "uq_user_email" UNIQUE ("email"),
          CONSTRAINT "ck_user_email" CHECK ("email" <> '')
        );
        INSERT INTO "retort_rebuild_user" ("id", "email", "select", "status") SELECT "id", "email", "select", "status" FROM "user";
        DELETE FROM "sqlite_sequence" WHERE "name" = 'retort_rebuild_user';
        INSERT INTO "sqlite_sequence" ("name", "seq") SELECT 'retort_rebuild_user', "seq" FROM "sqlite_sequence" WHERE "name" = 'user';
        DROP TABLE "user";
        -- Rename as sqlite.org's procedure does, leaving the views and triggers that refer to user as they are; they are checked below
        PRAGMA legacy_alter_table = ON;
        ALTER TABLE "retort_rebuild_user" RENAME TO "user";
        PRAGMA legacy_alter_table = OFF;
        -- create the triggers of user again, and check the triggers and views that depend on it
        -- check the foreign keys of order after rebuilding user (PRAGMA foreign_key_check)
        """);
  }

  @Test
  void setsColumnComment() {
    assertThat(render(Shop.schema(), Shop.commentTotal())).isEmpty();
  }

  @Test
  void makesColumnIdentity() {
    assertThat(render(Shop.schema(), Shop.addTagIdentity())).isEqualTo("""
        -- check that SQLite can rebuild table tag, and save the triggers and views that depend on it
        CREATE TABLE "retort_rebuild_tag" (
          "id" INTEGER NOT NULL CONSTRAINT "pk_tag" PRIMARY KEY AUTOINCREMENT,
          "name" VARCHAR(50)
        );
        INSERT INTO "retort_rebuild_tag" ("id", "name") SELECT "id", "name" FROM "tag";
        DROP TABLE "tag";
        -- Rename as sqlite.org's procedure does, leaving the views and triggers that refer to tag as they are; they are checked below
        PRAGMA legacy_alter_table = ON;
        ALTER TABLE "retort_rebuild_tag" RENAME TO "tag";
        PRAGMA legacy_alter_table = OFF;
        -- create the triggers of tag again, and check the triggers and views that depend on it
        """);
  }

  @Test
  void dropsIdentity() {
    assertThat(render(Shop.schema(), Shop.dropUserIdentity())).isEqualTo("""
        -- check that SQLite can rebuild table user, and save the triggers and views that depend on it
        CREATE TABLE "retort_rebuild_user" (
          "id" BIGINT NOT NULL,
          "email" VARCHAR(255) NOT NULL,
          "select" VARCHAR(20) NOT NULL DEFAULT 'it''s',
          "status" TEXT NOT NULL DEFAULT 'active' CHECK ("status" IN ('active', 'blocked')),
          CONSTRAINT "pk_user" PRIMARY KEY ("id"),
          CONSTRAINT "uq_user_email" UNIQUE ("email"),
          CONSTRAINT "ck_user_email" CHECK ("email" <> '')
        );
        INSERT INTO "retort_rebuild_user" ("id", "email", "select", "status") SELECT "id", "email", "select", "status" FROM "user";
        DROP TABLE "user";
        -- Rename as sqlite.org's procedure does, leaving the views and triggers that refer to user as they are; they are checked below
        PRAGMA legacy_alter_table = ON;
        ALTER TABLE "retort_rebuild_user" RENAME TO "user";
        PRAGMA legacy_alter_table = OFF;
        -- create the triggers of user again, and check the triggers and views that depend on it
        -- check the foreign keys of order after rebuilding user (PRAGMA foreign_key_check)
        """);
  }

  @Test
  void dropsPrimaryKey() {
    assertThat(render(Shop.schema(), Shop.dropTagKey())).isEqualTo("""
        -- check that SQLite can rebuild table tag, and save the triggers and views that depend on it
        CREATE TABLE "retort_rebuild_tag" (
          "id" INTEGER NOT NULL,
          "name" VARCHAR(50)
        );
        INSERT INTO "retort_rebuild_tag" ("id", "name") SELECT "id", "name" FROM "tag";
        DROP TABLE "tag";
        -- Rename as sqlite.org's procedure does, leaving the views and triggers that refer to tag as they are; they are checked below
        PRAGMA legacy_alter_table = ON;
        ALTER TABLE "retort_rebuild_tag" RENAME TO "tag";
        PRAGMA legacy_alter_table = OFF;
        -- create the triggers of tag again, and check the triggers and views that depend on it
        """);
  }

  @Test
  void addsPrimaryKey() {
    assertThat(render(Shop.after(Shop.dropTagKey()), Shop.addTagKey())).isEqualTo("""
        -- check that SQLite can rebuild table tag, and save the triggers and views that depend on it
        CREATE TABLE "retort_rebuild_tag" (
          "id" INTEGER NOT NULL,
          "name" VARCHAR(50),
          CONSTRAINT "pk_tag" PRIMARY KEY ("id")
        );
        INSERT INTO "retort_rebuild_tag" ("id", "name") SELECT "id", "name" FROM "tag";
        DROP TABLE "tag";
        -- Rename as sqlite.org's procedure does, leaving the views and triggers that refer to tag as they are; they are checked below
        PRAGMA legacy_alter_table = ON;
        ALTER TABLE "retort_rebuild_tag" RENAME TO "tag";
        PRAGMA legacy_alter_table = OFF;
        -- create the triggers of tag again, and check the triggers and views that depend on it
        """);
  }

  @Test
  void renamesPrimaryKeyWithNothingSinceOnlyTheCreateTableTextHoldsItsName() {
    assertThat(render(Shop.schema(), Shop.renameUserKey())).isEmpty();
  }

  @Test
  void addsUniqueConstraint() {
    assertThat(render(Shop.schema(), Shop.addSelectUnique())).isEqualTo("""
        -- check that SQLite can rebuild table user, and save the triggers and views that depend on it
        CREATE TABLE "retort_rebuild_user" (
          "id" INTEGER NOT NULL CONSTRAINT "pk_user" PRIMARY KEY AUTOINCREMENT,
          "email" VARCHAR(255) NOT NULL,
          "select" VARCHAR(20) NOT NULL DEFAULT 'it''s',
          "status" TEXT NOT NULL DEFAULT 'active' CHECK ("status" IN ('active', 'blocked')),
          CONSTRAINT "uq_user_email" UNIQUE ("email"),
          CONSTRAINT "uq_user_select" UNIQUE ("select"),
          CONSTRAINT "ck_user_email" CHECK ("email" <> '')
        );
        INSERT INTO "retort_rebuild_user" ("id", "email", "select", "status") SELECT "id", "email", "select", "status" FROM "user";
        DELETE FROM "sqlite_sequence" WHERE "name" = 'retort_rebuild_user';
        INSERT INTO "sqlite_sequence" ("name", "seq") SELECT 'retort_rebuild_user', "seq" FROM "sqlite_sequence" WHERE "name" = 'user';
        DROP TABLE "user";
        -- Rename as sqlite.org's procedure does, leaving the views and triggers that refer to user as they are; they are checked below
        PRAGMA legacy_alter_table = ON;
        ALTER TABLE "retort_rebuild_user" RENAME TO "user";
        PRAGMA legacy_alter_table = OFF;
        -- create the triggers of user again, and check the triggers and views that depend on it
        -- check the foreign keys of order after rebuilding user (PRAGMA foreign_key_check)
        """);
  }

  @Test
  void dropsUniqueConstraint() {
    assertThat(render(Shop.schema(), Shop.dropEmailUnique())).isEqualTo("""
        -- check that SQLite can rebuild table user, and save the triggers and views that depend on it
        CREATE TABLE "retort_rebuild_user" (
          "id" INTEGER NOT NULL CONSTRAINT "pk_user" PRIMARY KEY AUTOINCREMENT,
          "email" VARCHAR(255) NOT NULL,
          "select" VARCHAR(20) NOT NULL DEFAULT 'it''s',
          "status" TEXT NOT NULL DEFAULT 'active' CHECK ("status" IN ('active', 'blocked')),
          CONSTRAINT "ck_user_email" CHECK ("email" <> '')
        );
        INSERT INTO "retort_rebuild_user" ("id", "email", "select", "status") SELECT "id", "email", "select", "status" FROM "user";
        DELETE FROM "sqlite_sequence" WHERE "name" = 'retort_rebuild_user';
        INSERT INTO "sqlite_sequence" ("name", "seq") SELECT 'retort_rebuild_user', "seq" FROM "sqlite_sequence" WHERE "name" = 'user';
        DROP TABLE "user";
        -- Rename as sqlite.org's procedure does, leaving the views and triggers that refer to user as they are; they are checked below
        PRAGMA legacy_alter_table = ON;
        ALTER TABLE "retort_rebuild_user" RENAME TO "user";
        PRAGMA legacy_alter_table = OFF;
        -- create the triggers of user again, and check the triggers and views that depend on it
        -- check the foreign keys of order after rebuilding user (PRAGMA foreign_key_check)
        """);
  }

  @Test
  void addsCheckConstraint() {
    assertThat(render(Shop.schema(), Shop.addTotalCheck())).isEqualTo("""
        -- check that SQLite can rebuild table order, and save the triggers and views that depend on it
        CREATE TABLE "retort_rebuild_order" (
          "id" INTEGER NOT NULL CONSTRAINT "pk_order" PRIMARY KEY AUTOINCREMENT,
          "user_id" BIGINT NOT NULL,
          "total" DECIMAL(12,2) NOT NULL DEFAULT 0,
          "quantity" VARCHAR(10) NOT NULL DEFAULT '1',
          "note" TEXT,
          "placed_at" TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
          CONSTRAINT "fk_order_user" FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON DELETE CASCADE,
          CONSTRAINT "ck_order_total" CHECK ("total" >= 0)
        );
        INSERT INTO "retort_rebuild_order" ("id", "user_id", "total", "quantity", "note", "placed_at") SELECT "id", "user_id", "total", "quantity", "note", "placed_at" FROM "order";
        DELETE FROM "sqlite_sequence" WHERE "name" = 'retort_rebuild_order';
        INSERT INTO "sqlite_sequence" ("name", "seq") SELECT 'retort_rebuild_order', "seq" FROM "sqlite_sequence" WHERE "name" = 'order';
        DROP TABLE "order";
        -- Rename as sqlite.org's procedure does, leaving the views and triggers that refer to order as they are; they are checked below
        PRAGMA legacy_alter_table = ON;
        ALTER TABLE "retort_rebuild_order" RENAME TO "order";
        PRAGMA legacy_alter_table = OFF;
        CREATE INDEX "ix_order_user_id" ON "order" ("user_id");
        -- create the triggers of order again, and check the triggers and views that depend on it
        -- check the foreign keys of order after rebuilding order (PRAGMA foreign_key_check)
        """);
  }

  @Test
  void dropsCheckConstraint() {
    assertThat(render(Shop.schema(), Shop.dropEmailCheck())).isEqualTo("""
        -- check that SQLite can rebuild table user, and save the triggers and views that depend on it
        CREATE TABLE "retort_rebuild_user" (
          "id" INTEGER NOT NULL CONSTRAINT "pk_user" PRIMARY KEY AUTOINCREMENT,
          "email" VARCHAR(255) NOT NULL,
          "select" VARCHAR(20) NOT NULL DEFAULT 'it''s',
          "status" TEXT NOT NULL DEFAULT 'active' CHECK ("status" IN ('active', 'blocked')),
          CONSTRAINT "uq_user_email" UNIQUE ("email")
        );
        INSERT INTO "retort_rebuild_user" ("id", "email", "select", "status") SELECT "id", "email", "select", "status" FROM "user";
        DELETE FROM "sqlite_sequence" WHERE "name" = 'retort_rebuild_user';
        INSERT INTO "sqlite_sequence" ("name", "seq") SELECT 'retort_rebuild_user', "seq" FROM "sqlite_sequence" WHERE "name" = 'user';
        DROP TABLE "user";
        -- Rename as sqlite.org's procedure does, leaving the views and triggers that refer to user as they are; they are checked below
        PRAGMA legacy_alter_table = ON;
        ALTER TABLE "retort_rebuild_user" RENAME TO "user";
        PRAGMA legacy_alter_table = OFF;
        -- create the triggers of user again, and check the triggers and views that depend on it
        -- check the foreign keys of order after rebuilding user (PRAGMA foreign_key_check)
        """);
  }

  @Test
  void addsForeignKeyWithActions() {
    assertThat(render(Shop.schema(), Shop.addOrderTag())).isEqualTo("""
        -- check that SQLite can rebuild table tag, and save the triggers and views that depend on it
        CREATE TABLE "retort_rebuild_tag" (
          "id" INTEGER NOT NULL,
          "name" VARCHAR(50),
          CONSTRAINT "pk_tag" PRIMARY KEY ("id"),
          CONSTRAINT "fk_tag_tag" FOREIGN KEY ("id") REFERENCES "tag" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
        );
        INSERT INTO "retort_rebuild_tag" ("id", "name") SELECT "id", "name" FROM "tag";
        DROP TABLE "tag";
        -- Rename as sqlite.org's procedure does, leaving the views and triggers that refer to tag as they are; they are checked below
        PRAGMA legacy_alter_table = ON;
        ALTER TABLE "retort_rebuild_tag" RENAME TO "tag";
        PRAGMA legacy_alter_table = OFF;
        -- create the triggers of tag again, and check the triggers and views that depend on it
        -- check the foreign keys of tag after rebuilding tag (PRAGMA foreign_key_check)
        """);
  }

  @Test
  void addsCheckConstraintNotValidAsAValidatedOneHavingNoOtherWay() {
    assertThat(render(Shop.schema(), Shop.addTotalCheckNotValid()))
        .isEqualTo(render(Shop.schema(), Shop.addTotalCheck()));
  }

  @Test
  void addsForeignKeyNotValidAsAValidatedOneHavingNoOtherWay() {
    assertThat(render(Shop.schema(), Shop.addOrderTagNotValid()))
        .isEqualTo(render(Shop.schema(), Shop.addOrderTag()));
  }

  @Test
  void validatesConstraintWithNothingSinceTheAddCheckedEveryRow() {
    assertThat(render(Shop.schema(), Shop.validateOrderUser())).isEmpty();
  }

  @Test
  void dropsForeignKey() {
    assertThat(render(Shop.schema(), Shop.dropOrderUser())).isEqualTo("""
        -- check that SQLite can rebuild table order, and save the triggers and views that depend on it
        CREATE TABLE "retort_rebuild_order" (
          "id" INTEGER NOT NULL CONSTRAINT "pk_order" PRIMARY KEY AUTOINCREMENT,
          "user_id" BIGINT NOT NULL,
          "total" DECIMAL(12,2) NOT NULL DEFAULT 0,
          "quantity" VARCHAR(10) NOT NULL DEFAULT '1',
          "note" TEXT,
          "placed_at" TIMESTAMP DEFAULT CURRENT_TIMESTAMP
        );
        INSERT INTO "retort_rebuild_order" ("id", "user_id", "total", "quantity", "note", "placed_at") SELECT "id", "user_id", "total", "quantity", "note", "placed_at" FROM "order";
        DELETE FROM "sqlite_sequence" WHERE "name" = 'retort_rebuild_order';
        INSERT INTO "sqlite_sequence" ("name", "seq") SELECT 'retort_rebuild_order', "seq" FROM "sqlite_sequence" WHERE "name" = 'order';
        DROP TABLE "order";
        -- Rename as sqlite.org's procedure does, leaving the views and triggers that refer to order as they are; they are checked below
        PRAGMA legacy_alter_table = ON;
        ALTER TABLE "retort_rebuild_order" RENAME TO "order";
        PRAGMA legacy_alter_table = OFF;
        CREATE INDEX "ix_order_user_id" ON "order" ("user_id");
        -- create the triggers of order again, and check the triggers and views that depend on it
        """);
  }

  @Test
  void createsUniqueIndex() {
    assertThat(render(Shop.schema(), Shop.indexTotal(false))).isEqualTo("""
        CREATE UNIQUE INDEX "ix_order_total" ON "order" ("total", "id");
        """);
  }

  @Test
  void createsIndexConcurrently() {
    assertThat(render(Shop.schema(), Shop.indexTotal(true))).isEqualTo("""
        CREATE UNIQUE INDEX "ix_order_total" ON "order" ("total", "id");
        """);
  }

  @Test
  void dropsIndex() {
    assertThat(render(Shop.schema(), Shop.dropUserIdIndex(false))).isEqualTo("""
        DROP INDEX "ix_order_user_id";
        """);
  }

  @Test
  void dropsIndexConcurrently() {
    assertThat(render(Shop.schema(), Shop.dropUserIdIndex(true))).isEqualTo("""
        DROP INDEX "ix_order_user_id";
        """);
  }

  @Test
  void qualifiesTablesByTheirSchema() {
    assertThat(render(Shop.schema(), new CreateTable(Shop.invoice()))).isEqualTo("""
        CREATE TABLE "billing"."invoice" (
          "id" BIGINT NOT NULL,
          "user_id" BIGINT NOT NULL,
          CONSTRAINT "pk_invoice" PRIMARY KEY ("id"),
          CONSTRAINT "fk_invoice_user" FOREIGN KEY ("user_id") REFERENCES "user" ("id")
        );
        CREATE INDEX "billing"."ix_invoice_user_id" ON "invoice" ("user_id");
        """);
  }

  @Test
  void addsANotNullColumnWithALiteralDefaultNatively() {
    AddColumn add = new AddColumn("tag", ColumnModel.of("rank", integer()).withNullable(false)
        .withDefaultValue(Shop.literal("0")));
    assertThat(render(Shop.schema(), add)).isEqualTo("""
        ALTER TABLE "tag" ADD COLUMN "rank" INTEGER NOT NULL DEFAULT 0;
        """);
  }

  @Test
  void addsAnEnumColumnNativelyWithItsCheck() {
    AddColumn add = new AddColumn("tag", ColumnModel.of("colour", Shop.USER_STATUS));
    assertThat(render(Shop.schema(), add)).isEqualTo("""
        ALTER TABLE "tag" ADD COLUMN "colour" TEXT CHECK ("colour" IN ('active', 'blocked'));
        """);
  }

  @Test
  void dropsAColumnNativelyWhenACheckOfTheTableHoldsItsNameInText() {
    SchemaModel before = Shop.after(Shop.addQuantityCheck());
    assertThat(before.table("order").orElseThrow().checks()).singleElement()
        .satisfies(check -> assertThat(check.expression()).contains("total"));

    assertThat(render(before, new DropColumn("order", "total"))).isEqualTo("""
        ALTER TABLE "order" DROP COLUMN "total";
        -- check that the triggers and views that depend on order work without order.total
        """);
  }

  @Test
  void dropsAnEnumColumnNativelyWithItsOwnCheck() {
    assertThat(render(Shop.schema(), new DropColumn("user", "status"))).isEqualTo("""
        ALTER TABLE "user" DROP COLUMN "status";
        -- check that the triggers and views that depend on user work without user.status
        """);
  }

  @Test
  void rebuildsToAddAColumnWithAnExpressionDefaultWrittenInParentheses() {
    AddColumn add = new AddColumn("tag", ColumnModel.of("slug", varchar(50))
        .withDefaultValue(Optional.of(new DefaultValue.Expression("lower('X')"))));
    assertThat(render(Shop.schema(), add)).isEqualTo("""
        -- check that SQLite can rebuild table tag, and save the triggers and views that depend on it
        CREATE TABLE "retort_rebuild_tag" (
          "id" INTEGER NOT NULL,
          "name" VARCHAR(50),
          "slug" VARCHAR(50) DEFAULT (lower('X')),
          CONSTRAINT "pk_tag" PRIMARY KEY ("id")
        );
        INSERT INTO "retort_rebuild_tag" ("id", "name") SELECT "id", "name" FROM "tag";
        DROP TABLE "tag";
        -- Rename as sqlite.org's procedure does, leaving the views and triggers that refer to tag as they are; they are checked below
        PRAGMA legacy_alter_table = ON;
        ALTER TABLE "retort_rebuild_tag" RENAME TO "tag";
        PRAGMA legacy_alter_table = OFF;
        -- create the triggers of tag again, and check the triggers and views that depend on it
        """);
  }

  @Test
  void refusesAnIdentityColumnThatIsNotTheWholePrimaryKey() {
    TableModel table = new TableModel.Builder("counter")
        .column(ColumnModel.of("id", bigint()).withNullable(false).withIdentity(true))
        .column(ColumnModel.of("other", bigint()).withNullable(false))
        .primaryKey(Optional.of(new PrimaryKeyModel("pk_counter", List.of("id", "other"))))
        .build();
    assertThatThrownBy(() -> render(Shop.schema(), new CreateTable(table)))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("SQLite generates values only for an INTEGER PRIMARY KEY: identity column counter.id must be"
            + " the table's whole primary key; make it so, or drop identity() from it");
  }

  @Test
  void refusesSequencesSayingWhatToDoInstead() {
    for (Operation operation : List.of(Shop.createSelectSequence(), Shop.alterSelectSequence(), Shop.dropSelectSequence())) {
      SchemaModel before = operation instanceof CreateSequence ? Shop.schema() : Shop.after(Shop.createSelectSequence());
      assertThatThrownBy(() -> render(before, operation))
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessageStartingWith(dialect + " has no sequences: give the table an identity column instead"
              + " (@Id(generated = true)");
    }
  }

  @Test
  void createsAndDropsViewWithItsQueryAsWritten() {
    assertThat(render(Shop.schema(), Shop.createSelectView())).isEqualTo("""
        CREATE VIEW "select" AS SELECT 1 AS one
        WHERE 'a' <> 'b';
        """);
    assertThat(render(Shop.after(Shop.createSelectView()), new DropView("select"))).isEqualTo("""
        DROP VIEW "select";
        """);
    assertThat(render(Shop.schema(), Shop.createInvoiceView())).isEqualTo("""
        CREATE VIEW "billing"."open_invoices" AS SELECT 1 AS one;
        """);
    assertThat(render(Shop.after(Shop.createInvoiceView()), new DropView("open_invoices"))).isEqualTo("""
        DROP VIEW "billing"."open_invoices";
        """);
  }

  @Test
  void namesTheTableOfEachColumnChangeThatRebuildsIt() {
    SchemaModel schema = Shop.schema();
    assertThat(rebuiltTable(schema, Shop.widenTotal())).contains("order");
    assertThat(rebuiltTable(schema, Shop.requireNote())).contains("order");
    assertThat(rebuiltTable(schema, Shop.addPackedAt())).as("ADD COLUMN takes no expression default").contains("order");
    assertThat(rebuiltTable(schema, Shop.commentTotal())).as("renders nothing").isEmpty();
    assertThat(rebuiltTable(schema, Shop.addOpensAt())).as("ADD COLUMN").isEmpty();
    assertThat(rebuiltTable(schema, Shop.dropNote())).as("DROP COLUMN").isEmpty();
    assertThat(rebuiltTable(schema, Shop.addTotalCheck())).as("a constraint's rebuild is done on its own").isEmpty();
  }

  @Test
  void rendersOneRebuildFromTheTableBeforeTheFirstChangeToTheTableAfterTheLast() {
    SchemaModel after = Shop.after(Shop.widenTotal(), Shop.addPackedAt());
    StringBuilder out = new StringBuilder();
    for (Step step : dialect.renderRebuild("order", Shop.schema(), after)) {
      out.append(step instanceof Step.Sql sql ? sql.sql() + ";" : "-- " + ((Step.Callback) step).step().description())
          .append('\n');
    }

    assertThat(out.toString()).isEqualTo("""
        -- check that SQLite can rebuild table order, and save the triggers and views that depend on it
        CREATE TABLE "retort_rebuild_order" (
          "id" INTEGER NOT NULL CONSTRAINT "pk_order" PRIMARY KEY AUTOINCREMENT,
          "user_id" BIGINT NOT NULL,
          "total" DECIMAL(14,2) NOT NULL DEFAULT 0,
          "quantity" VARCHAR(10) NOT NULL DEFAULT '1',
          "note" TEXT,
          "placed_at" TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
          "packed_at" TIMESTAMP(0) NOT NULL DEFAULT CURRENT_TIMESTAMP,
          CONSTRAINT "fk_order_user" FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON DELETE CASCADE
        );
        INSERT INTO "retort_rebuild_order" ("id", "user_id", "total", "quantity", "note", "placed_at") SELECT "id", "user_id", "total", "quantity", "note", "placed_at" FROM "order";
        DELETE FROM "sqlite_sequence" WHERE "name" = 'retort_rebuild_order';
        INSERT INTO "sqlite_sequence" ("name", "seq") SELECT 'retort_rebuild_order', "seq" FROM "sqlite_sequence" WHERE "name" = 'order';
        DROP TABLE "order";
        -- Rename as sqlite.org's procedure does, leaving the views and triggers that refer to order as they are; they are checked below
        PRAGMA legacy_alter_table = ON;
        ALTER TABLE "retort_rebuild_order" RENAME TO "order";
        PRAGMA legacy_alter_table = OFF;
        CREATE INDEX "ix_order_user_id" ON "order" ("user_id");
        -- create the triggers of order again, and check the triggers and views that depend on it
        -- check the foreign keys of order after rebuilding order (PRAGMA foreign_key_check)
        """);
  }

  private Optional<String> rebuiltTable(SchemaModel before, Operation operation) {
    return dialect.rebuiltTable(operation, before, before.apply(operation));
  }
}
