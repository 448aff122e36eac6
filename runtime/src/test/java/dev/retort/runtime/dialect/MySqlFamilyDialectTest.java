package dev.retort.runtime.dialect;

import static dev.retort.dsl.ColumnOption.defaultExpression;
import static dev.retort.dsl.ColumnOption.defaultValue;
import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.blob;
import static dev.retort.model.ColumnType.integer;
import static dev.retort.model.ColumnType.text;
import static dev.retort.model.ColumnType.timestampTz;
import static dev.retort.model.ColumnType.varbinary;
import static dev.retort.model.ColumnType.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.ReferentialAction;
import dev.retort.dsl.Schema;
import dev.retort.model.CheckModel;
import dev.retort.model.ColumnModel;
import dev.retort.model.DefaultValue;
import dev.retort.model.ForeignKeyModel;
import dev.retort.model.PrimaryKeyModel;
import dev.retort.model.SchemaModel;
import dev.retort.model.UniqueModel;
import dev.retort.operation.AddCheck;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AddForeignKey;
import dev.retort.operation.AddPrimaryKey;
import dev.retort.operation.AddUnique;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.CreateTable;
import dev.retort.operation.DropIndex;
import dev.retort.operation.DropPrimaryKey;
import dev.retort.operation.DropUnique;
import dev.retort.operation.Operation;
import dev.retort.operation.Vendor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rendering MySQL and MariaDB share, written once: backquoted identifiers, inline enums,
 * {@code MODIFY} with the full column definition. {@link MySqlDialectTest} and
 * {@link MariaDbDialectTest} run these for their database and add what differs.
 */
abstract class MySqlFamilyDialectTest {

  final Dialect dialect;

  MySqlFamilyDialectTest(Vendor vendor) {
    this.dialect = Dialects.forVendor(vendor);
  }

  String render(SchemaModel before, Operation operation) {
    return Rendering.render(dialect, before, operation);
  }

  @Test
  void createsTableWithKeysCommentsAndIndexes() {
    assertThat(render(Shop.withoutOrder(), Shop.createOrder())).isEqualTo("""
        CREATE TABLE `order` (
          `id` BIGINT NOT NULL AUTO_INCREMENT,
          `user_id` BIGINT NOT NULL,
          `total` DECIMAL(12,2) NOT NULL DEFAULT 0,
          `quantity` VARCHAR(10) NOT NULL DEFAULT '1',
          `note` LONGTEXT NULL COMMENT 'free text',
          `placed_at` DATETIME(6) NULL DEFAULT CURRENT_TIMESTAMP(6),
          CONSTRAINT `pk_order` PRIMARY KEY (`id`),
          CONSTRAINT `fk_order_user` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`) ON DELETE CASCADE
        ) COMMENT = 'a customer''s order';
        CREATE INDEX `ix_order_user_id` ON `order` (`user_id`);
        """);
  }

  @Test
  void dropsTable() {
    assertThat(render(Shop.schema(), Shop.dropOrder())).isEqualTo("""
        DROP TABLE `order`;
        """);
  }

  @Test
  void renamesTable() {
    assertThat(render(Shop.schema(), Shop.renameOrder())).isEqualTo("""
        RENAME TABLE `order` TO `purchase`;
        """);
  }

  @Test
  void setsTableComment() {
    assertThat(render(Shop.schema(), Shop.commentUser())).isEqualTo("""
        ALTER TABLE `user` COMMENT = 'people''s accounts';
        """);
  }

  @Test
  void removesTableComment() {
    assertThat(render(Shop.schema(), Shop.uncommentOrder())).isEqualTo("""
        ALTER TABLE `order` COMMENT = '';
        """);
  }

  @Test
  void addsNullableColumnWithComment() {
    assertThat(render(Shop.schema(), Shop.addPhone())).isEqualTo("""
        ALTER TABLE `user` ADD COLUMN `phone` VARCHAR(20) NULL COMMENT 'mobile';
        """);
  }

  @Test
  void addsNotNullColumnWithExpressionDefault() {
    assertThat(render(Shop.schema(), Shop.addCreatedAt())).isEqualTo("""
        ALTER TABLE `user` ADD COLUMN `created_at` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6);
        """);
  }

  @Test
  void dropsColumn() {
    assertThat(render(Shop.schema(), Shop.dropNote())).isEqualTo("""
        ALTER TABLE `order` DROP COLUMN `note`;
        """);
  }

  @Test
  void renamesColumnNamedByReservedWord() {
    assertThat(render(Shop.schema(), Shop.renameSelect())).isEqualTo("""
        ALTER TABLE `user` RENAME COLUMN `select` TO `from`;
        """);
  }

  @Test
  void widensDecimalColumn() {
    assertThat(render(Shop.schema(), Shop.widenTotal())).isEqualTo("""
        ALTER TABLE `order` MODIFY COLUMN `total` DECIMAL(14,2) NOT NULL DEFAULT 0;
        """);
  }

  @Test
  void addsTimeColumnsWithFewerDigitsOfTheSecond() {
    assertThat(render(Shop.schema(), Shop.addShippedAt())).isEqualTo("""
        ALTER TABLE `order` ADD COLUMN `shipped_at` TIMESTAMP(3) NULL;
        """);
    assertThat(render(Shop.schema(), Shop.addPackedAt())).isEqualTo("""
        ALTER TABLE `order` ADD COLUMN `packed_at` DATETIME(0) NOT NULL DEFAULT CURRENT_TIMESTAMP(0);
        """);
    assertThat(render(Shop.schema(), Shop.addOpensAt())).isEqualTo("""
        ALTER TABLE `order` ADD COLUMN `opens_at` TIME(0) NULL;
        """);
  }

  @Test
  void changesTheDigitsOfTheSecondWithTheWholeDefinition() {
    assertThat(render(Shop.schema(), Shop.placedAtToSeconds())).isEqualTo("""
        ALTER TABLE `order` MODIFY COLUMN `placed_at` DATETIME(0) NULL DEFAULT CURRENT_TIMESTAMP(0);
        """);
  }

  @Test
  void convertsTextColumnToInteger() {
    assertThat(render(Shop.schema(), Shop.quantityToInteger())).isEqualTo("""
        ALTER TABLE `order` MODIFY COLUMN `quantity` INT NOT NULL DEFAULT 1;
        """);
  }

  @Test
  void makesColumnNotNull() {
    assertThat(render(Shop.schema(), Shop.requireNote())).isEqualTo("""
        ALTER TABLE `order` MODIFY COLUMN `note` LONGTEXT NOT NULL COMMENT 'free text';
        """);
  }

  @Test
  void changesDefault() {
    assertThat(render(Shop.schema(), Shop.changeSelectDefault())).isEqualTo("""
        ALTER TABLE `user` MODIFY COLUMN `select` VARCHAR(20) NOT NULL DEFAULT 'none';
        """);
  }

  @Test
  void addsEnumValues() {
    assertThat(render(Shop.schema(), Shop.addStatusValue())).isEqualTo("""
        ALTER TABLE `user` MODIFY COLUMN `status` ENUM('pending','active','invited','blocked') NOT NULL DEFAULT 'active';
        """);
  }

  @Test
  void removesEnumValue() {
    assertThat(render(Shop.schema(), Shop.removeStatusValue())).isEqualTo("""
        ALTER TABLE `user` MODIFY COLUMN `status` ENUM('active') NOT NULL DEFAULT 'active';
        """);
  }

  @Test
  void setsColumnComment() {
    assertThat(render(Shop.schema(), Shop.commentTotal())).isEqualTo("""
        ALTER TABLE `order` MODIFY COLUMN `total` DECIMAL(12,2) NOT NULL DEFAULT 0 COMMENT 'gross';
        """);
  }

  @Test
  void makesColumnIdentity() {
    assertThat(render(Shop.schema(), Shop.addTagIdentity())).isEqualTo("""
        ALTER TABLE `tag` MODIFY COLUMN `id` INT NOT NULL AUTO_INCREMENT;
        """);
  }

  @Test
  void dropsIdentity() {
    assertThat(render(Shop.schema(), Shop.dropUserIdentity())).isEqualTo("""
        ALTER TABLE `user` MODIFY COLUMN `id` BIGINT NOT NULL;
        """);
  }

  @Test
  void dropsPrimaryKey() {
    assertThat(render(Shop.schema(), Shop.dropTagKey())).isEqualTo("""
        ALTER TABLE `tag` DROP PRIMARY KEY;
        """);
  }

  @Test
  void addsPrimaryKey() {
    assertThat(render(Shop.after(Shop.dropTagKey()), Shop.addTagKey())).isEqualTo("""
        ALTER TABLE `tag` ADD CONSTRAINT `pk_tag` PRIMARY KEY (`id`);
        """);
  }

  @Test
  void renamesPrimaryKeyWithNothingSinceEveryKeyIsNamedPrimary() {
    assertThat(render(Shop.schema(), Shop.renameUserKey())).isEmpty();
  }

  @Test
  void addsUniqueConstraint() {
    assertThat(render(Shop.schema(), Shop.addSelectUnique())).isEqualTo("""
        ALTER TABLE `user` ADD CONSTRAINT `uq_user_select` UNIQUE (`select`);
        """);
  }

  @Test
  void dropsUniqueConstraint() {
    assertThat(render(Shop.schema(), Shop.dropEmailUnique())).isEqualTo("""
        ALTER TABLE `user` DROP INDEX `uq_user_email`;
        """);
  }

  @Test
  void addsCheckConstraint() {
    assertThat(render(Shop.schema(), Shop.addTotalCheck())).isEqualTo("""
        ALTER TABLE `order` ADD CONSTRAINT `ck_order_total` CHECK (`total` >= 0);
        """);
  }

  @Test
  void addsForeignKeyWithActions() {
    assertThat(render(Shop.schema(), Shop.addOrderTag())).isEqualTo("""
        ALTER TABLE `tag` ADD CONSTRAINT `fk_tag_tag` FOREIGN KEY (`id`) REFERENCES `tag` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
        """);
  }

  @Test
  void refusesTheSetDefaultActionWhichInnoDbDoesNotKeep() {
    AddForeignKey setDefault = new AddForeignKey("tag", new ForeignKeyModel("fk_tag_tag", List.of("id"), "tag",
        List.of("id"), ReferentialAction.SET_DEFAULT, ReferentialAction.NO_ACTION));

    assertThatThrownBy(() -> render(Shop.schema(), setDefault))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageEndingWith(" has no SET DEFAULT action: foreign key fk_tag_tag would get another (InnoDB refuses"
            + " SET DEFAULT on MySQL and keeps RESTRICT instead on MariaDB). Give the key NO_ACTION, RESTRICT,"
            + " CASCADE or SET_NULL, or write it for this database with execute(…).");
  }

  @Test
  void refusesAPrimaryKeyOnALongblobColumn() {
    SchemaModel before = Shop.after(new AddColumn("tag", ColumnModel.of("picture", blob()).withNullable(false)),
        new DropPrimaryKey("tag", "pk_tag"));
    AddPrimaryKey key = new AddPrimaryKey("tag", new PrimaryKeyModel("pk_tag", List.of("id", "picture")));

    assertThatThrownBy(() -> render(before, key))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageEndingWith(" cannot index blob column tag.picture (LONGBLOB), as primary key pk_tag of tag would"
            + " (it indexes LONGTEXT, LONGBLOB and JSON columns only by a prefix length or through a generated"
            + " column, which execute(…) can write). Give the column a bounded type such as varbinary(n), or leave"
            + " it out of the primary key");
  }

  @Test
  void refusesToMakeAKeyColumnLongtext() {
    AlterColumn toText = Shop.alter("tag", "id").type(integer(), text()).build();

    assertThatThrownBy(() -> render(Shop.schema(), toText))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining(" cannot index text column tag.id (LONGTEXT), as primary key pk_tag of tag would");
  }

  @Test
  void refusesACheckOnAnAutoIncrementColumn() {
    AddCheck check = new AddCheck("order", new CheckModel("ck_order_id", "\"id\" > 0"));

    assertThatThrownBy(() -> render(Shop.schema(), check))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageEndingWith(" refuses a check constraint on an identity (AUTO_INCREMENT) column: check ck_order_id"
            + " of order uses order.id, an identity column. Drop the check, or take identity() off the column");
  }

  @Test
  void refusesToMakeAColumnThatACheckUsesAnIdentity() {
    SchemaModel before = Shop.after(new AddCheck("tag", new CheckModel("ck_tag_id", "id > 0")));

    assertThatThrownBy(() -> render(before, Shop.alter("tag", "id").identity(false, true).build()))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("check ck_tag_id of tag uses tag.id, an identity column");
  }

  @Test
  void refusesAForeignKeyThatSetsNullInAColumnThatACheckUses() {
    AddForeignKey key = new AddForeignKey("tag", new ForeignKeyModel("fk_tag_owner", List.of("owner"), "user",
        List.of("id"), ReferentialAction.SET_NULL, ReferentialAction.NO_ACTION));

    assertThatThrownBy(() -> render(withCheckedOwner(), key))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining(" refuses a check constraint on a column that a foreign key's action changes: check"
            + " ck_tag_owner of tag uses tag.owner, which foreign key fk_tag_owner changes ON DELETE SET NULL. Drop"
            + " the check, or give the key NO_ACTION or RESTRICT");
  }

  @Test
  void refusesACheckOnAColumnThatAForeignKeyCascadesAnUpdateTo() {
    SchemaModel before = Shop.after(new AddColumn("tag", ColumnModel.of("owner", bigint())),
        new AddForeignKey("tag", new ForeignKeyModel("fk_tag_owner", List.of("owner"), "user", List.of("id"),
            ReferentialAction.NO_ACTION, ReferentialAction.CASCADE)));
    AddCheck check = new AddCheck("tag", new CheckModel("ck_tag_owner", "\"owner\" > 0"));

    assertThatThrownBy(() -> render(before, check))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("check ck_tag_owner of tag uses tag.owner, which foreign key fk_tag_owner changes"
            + " ON UPDATE CASCADE");
  }

  @Test
  void takesAKeyThatRestrictsOnAColumnThatACheckUses() {
    AddForeignKey key = new AddForeignKey("tag", new ForeignKeyModel("fk_tag_owner", List.of("owner"), "user",
        List.of("id"), ReferentialAction.RESTRICT, ReferentialAction.NO_ACTION));

    assertThat(render(withCheckedOwner(), key)).isEqualTo("""
        ALTER TABLE `tag` ADD CONSTRAINT `fk_tag_owner` FOREIGN KEY (`owner`) REFERENCES `user` (`id`) ON DELETE RESTRICT;
        """);
  }

  /**
   * Only what an operation adds is refused: a table may already hold what the database now
   * refuses (applied by an older server, say), and other changes to it still render.
   */
  @Test
  void refusesOnlyWhatTheOperationAdds() {
    SchemaModel before = Shop.after(new AddCheck("order", new CheckModel("ck_order_id", "\"id\" > 0")));
    AddColumn add = new AddColumn("order", ColumnModel.of("memo", varchar(20)));

    assertThat(render(before, add)).isEqualTo("""
        ALTER TABLE `order` ADD COLUMN `memo` VARCHAR(20) NULL;
        """);
  }

  /** The shop with a column tag.owner that a check uses. */
  static SchemaModel withCheckedOwner() {
    return Shop.after(new AddColumn("tag", ColumnModel.of("owner", bigint())),
        new AddCheck("tag", new CheckModel("ck_tag_owner", "\"owner\" > 0")));
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
        ALTER TABLE `order` DROP FOREIGN KEY `fk_order_user`;
        """);
  }

  @Test
  void createsUniqueIndex() {
    assertThat(render(Shop.schema(), Shop.indexTotal(false))).isEqualTo("""
        CREATE UNIQUE INDEX `ix_order_total` ON `order` (`total`, `id`);
        """);
  }

  @Test
  void createsIndexConcurrently() {
    assertThat(render(Shop.schema(), Shop.indexTotal(true))).isEqualTo("""
        CREATE UNIQUE INDEX `ix_order_total` ON `order` (`total`, `id`);
        """);
  }

  @Test
  void dropsAnIndexAForeignKeyUsesBetweenDroppingAndAddingTheKey() {
    assertThat(render(Shop.schema(), Shop.dropUserIdIndex(false))).isEqualTo("""
        ALTER TABLE `order` DROP FOREIGN KEY `fk_order_user`;
        DROP INDEX `ix_order_user_id` ON `order`;
        ALTER TABLE `order` ADD CONSTRAINT `fk_order_user` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`) ON DELETE CASCADE;
        """);
  }

  @Test
  void dropsIndexNoForeignKeyNeedsAlone() {
    SchemaModel indexed = Shop.after(Shop.indexTotal(false));
    assertThat(render(indexed, new DropIndex("order", "ix_order_total", false))).isEqualTo("""
        DROP INDEX `ix_order_total` ON `order`;
        """);
  }

  @Test
  void dropsIndexConcurrently() {
    SchemaModel indexed = Shop.after(Shop.indexTotal(false));
    assertThat(render(indexed, new DropIndex("order", "ix_order_total", true))).isEqualTo("""
        DROP INDEX `ix_order_total` ON `order`;
        """);
  }

  @Test
  void dropsAUniqueConstraintAForeignKeyUsesBetweenDroppingAndAddingTheKey() {
    SchemaModel unique = Shop.after(Shop.dropUserIdIndex(false),
        new AddUnique("order", new UniqueModel("uq_order_user_total", List.of("user_id", "total"))));
    assertThat(render(unique, new DropUnique("order", "uq_order_user_total"))).isEqualTo("""
        ALTER TABLE `order` DROP FOREIGN KEY `fk_order_user`;
        ALTER TABLE `order` DROP INDEX `uq_order_user_total`;
        ALTER TABLE `order` ADD CONSTRAINT `fk_order_user` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`) ON DELETE CASCADE;
        """);
  }

  @Test
  void qualifiesTablesByTheirSchema() {
    assertThat(render(Shop.schema(), new CreateTable(Shop.invoice()))).isEqualTo("""
        CREATE TABLE `billing`.`invoice` (
          `id` BIGINT NOT NULL,
          `user_id` BIGINT NOT NULL,
          CONSTRAINT `pk_invoice` PRIMARY KEY (`id`),
          CONSTRAINT `fk_invoice_user` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`)
        );
        CREATE INDEX `ix_invoice_user_id` ON `billing`.`invoice` (`user_id`);
        """);
  }

  /**
   * InnoDB's 3072-byte keys and 65535-byte rows, counted as MariaDB 10.11 counts them (4 bytes per
   * character of utf8mb4 text; see DatabaseLimitsTest): a key or row over them is refused in a
   * created table, an added column and a changed one; one at them is taken.
   */
  @Test
  void refusesKeysAndRowsLongerThanInnoDbHolds() {
    Schema keys = new Schema().createTable("tag", t -> t
        .column("name", varchar(766), notNull())
        .column("owner", bigint(), notNull())
        .column("city", varchar(500))
        .column("street", varchar(268))
        .column("digest", varbinary(3072))
        .primaryKey("pk_tag", "name", "owner")
        .uniqueIndex("ux_tag_place", "city", "street")
        .unique("uq_tag_digest", "digest"));
    SchemaModel tags = SchemaModel.empty().applyAll(keys.operations());
    assertThat(render(SchemaModel.empty(), keys.operations().get(0))).startsWith("CREATE TABLE `tag`");

    Schema longKey = new Schema().createTable("label", t -> t
        .column("name", varchar(767), notNull())
        .column("owner", bigint(), notNull())
        .primaryKey("pk_label", "name", "owner"));
    assertThatThrownBy(() -> render(SchemaModel.empty(), longKey.operations().get(0)))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining(" keys hold at most 3072 bytes, and primary key pk_label of label over name"
            + " varchar(767), owner bigint takes 3076 (4 bytes per character of char and varchar). Shorten the"
            + " columns, key fewer of them, or drop the primary key");
    Operation wider = new Schema().alterTable("tag", t -> t
        .alterColumn("street", c -> c.type(varchar(268), varchar(269)))).operations().get(0);
    assertThatThrownBy(() -> render(tags, wider))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("unique index ux_tag_place of tag over city varchar(500), street varchar(269) takes 3076");
    Operation longIndex = new Schema().alterTable("tag", t -> t
        .createIndex("ix_tag_digest_city", "digest", "city")).operations().get(0);
    assertThatThrownBy(() -> render(tags, longIndex))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("index ix_tag_digest_city of tag over digest varbinary(3072), city varchar(500) takes 5072");

    Schema page = new Schema().createTable("page", t -> t
        .column("id", bigint(), notNull())
        .column("title", varchar(8000))
        .column("data", varbinary(33522)));
    SchemaModel pages = SchemaModel.empty().applyAll(page.operations());
    assertThat(render(SchemaModel.empty(), page.operations().get(0))).startsWith("CREATE TABLE `page`");
    Operation oneMore = new Schema().alterTable("page", t -> t
        .alterColumn("data", c -> c.type(varbinary(33522), varbinary(33523)))).operations().get(0);
    assertThatThrownBy(() -> render(pages, oneMore))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining(" takes rows of at most 65535 bytes, and a row of page could take 65536 (4 bytes per"
            + " character of char and varchar, text and blob counting 12): its largest columns are data"
            + " varbinary(33523) (33525 bytes), title varchar(8000) (32002 bytes), id bigint (8 bytes). Make the"
            + " long varchar or varbinary columns text or blob, or shorten them");
    Operation body = new Schema().alterTable("page", t -> t.addColumn("body", text())).operations().get(0);
    assertThatThrownBy(() -> render(pages, body))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("a row of page could take 65547");
  }

  /**
   * A timestamp with time zone is a TIMESTAMP(6), which keeps only the instants up to
   * 2038-01-19 03:14:07.999999 UTC (MySQL, MariaDB before 11.5): a literal default beyond them,
   * such as a 9999-12-31 "valid until", is refused before anything runs, as the database refuses
   * it at its statement ("Invalid default value"). A default without an offset is taken as UTC.
   */
  @Test
  void refusesATimestampWithTimeZoneDefaultLaterThanTimestampHolds() {
    Schema contract = new Schema().createTable("contract", t -> t
        .column("id", bigint(), notNull())
        .column("signed_at", timestampTz(), notNull(), defaultExpression("CURRENT_TIMESTAMP"))
        .column("valid_until", timestampTz(), defaultValue("2038-01-19 03:14:07.999999")));
    SchemaModel contracts = SchemaModel.empty().applyAll(contract.operations());
    assertThat(render(SchemaModel.empty(), contract.operations().get(0))).contains(
        "`valid_until` TIMESTAMP(6) NULL DEFAULT '2038-01-19 03:14:07.999999'");

    Schema sentinel = new Schema().createTable("offer", t -> t
        .column("id", bigint(), notNull())
        .column("valid_until", timestampTz(), notNull(), defaultValue("9999-12-31")));
    assertThatThrownBy(() -> render(SchemaModel.empty(), sentinel.operations().get(0)))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining(" to 2038-01-19 03:14:07.999999 UTC, and the default '9999-12-31' of column"
            + " offer.valid_until is outside them (a default without an offset taken as UTC). Give the column a"
            + " default within them; for later instants, make it a timestamp without time zone"
            + " (@Column(type = \"timestamp\"), DATETIME(6)) and write its values in UTC");
    Operation later = new Schema().alterTable("contract", t -> t
        .alterColumn("valid_until", c -> c.changeDefault(DefaultValue.literal("2038-01-19 03:14:07.999999"),
            DefaultValue.literal("2038-01-19 03:14:08")))).operations().get(0);
    assertThatThrownBy(() -> render(contracts, later))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("the default '2038-01-19 03:14:08' of column contract.valid_until is outside them");
    Operation epoch = new Schema().alterTable("contract", t -> t
        .addColumn("since", timestampTz(), defaultValue("1970-01-01 00:00:00"))).operations().get(0);
    assertThatThrownBy(() -> render(contracts, epoch))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("the default '1970-01-01 00:00:00' of column contract.since is outside them");
  }
}
