package dev.retort.runtime.dialect;

import static dev.retort.dsl.ColumnOption.defaultValue;
import static dev.retort.model.ColumnType.text;
import static dev.retort.model.ColumnType.timestampTz;
import static dev.retort.model.ColumnType.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.ReferentialAction;
import dev.retort.dsl.Schema;
import dev.retort.model.CheckModel;
import dev.retort.model.ColumnModel;
import dev.retort.model.ForeignKeyModel;
import dev.retort.model.IndexModel;
import dev.retort.model.SchemaModel;
import dev.retort.model.UniqueModel;
import dev.retort.operation.AddCheck;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AddForeignKey;
import dev.retort.operation.AddUnique;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.DropSequence;
import dev.retort.operation.DropView;
import dev.retort.operation.Operation;
import dev.retort.operation.Vendor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MariaDB rendering where it differs from MySQL; what both share is in {@link MySqlFamilyDialectTest}. */
class MariaDbDialectTest extends MySqlFamilyDialectTest {

  MariaDbDialectTest() {
    super(Vendor.MARIADB);
  }

  @Test
  void dropsCheckConstraint() {
    assertThat(render(Shop.schema(), Shop.dropEmailCheck())).isEqualTo("""
        ALTER TABLE `user` DROP CONSTRAINT `ck_user_email`;
        """);
  }

  @Test
  void writesLiteralDefaultsOfLongTypesAsLiterals() {
    AddColumn add = new AddColumn("tag", ColumnModel.of("bio", text()).withDefaultValue(Shop.literal("none")));
    assertThat(render(Shop.schema(), add)).isEqualTo("""
        ALTER TABLE `tag` ADD COLUMN `bio` LONGTEXT NULL DEFAULT 'none';
        """);
  }

  @Test
  void storesUuidsInItsUuidTypeFromVersion107() {
    assertThat(dialect.columnType(uuid())).isEqualTo("UUID");
    assertThat(Dialects.forProduct("MariaDB", "10.6.18-MariaDB").columnType(uuid())).isEqualTo("CHAR(36)");
  }

  @Test
  void renamesColumnsWithChangeColumnBeforeVersion105() {
    Dialect old = Dialects.forProduct("MySQL", "5.5.5-10.4.32-MariaDB");
    assertThat(Rendering.render(old, Shop.schema(), Shop.renameSelect())).isEqualTo("""
        ALTER TABLE `user` CHANGE COLUMN `select` `from` VARCHAR(20) NOT NULL DEFAULT 'it''s';
        """);
  }

  @Test
  void indexesALongtextColumnByAPrefixAndEnforcesAUniqueOneWithAHashFromVersion104() {
    CreateIndex index = new CreateIndex("order", new IndexModel("ix_order_note", List.of("note"), false), false);
    AddUnique unique = new AddUnique("order", new UniqueModel("uq_order_note", List.of("note")));

    assertThat(render(Shop.schema(), index)).isEqualTo("""
        CREATE INDEX `ix_order_note` ON `order` (`note`);
        """);
    assertThat(render(Shop.schema(), unique)).isEqualTo("""
        ALTER TABLE `order` ADD CONSTRAINT `uq_order_note` UNIQUE (`note`);
        """);
    Dialect before104 = Dialects.forProduct("MySQL", "5.5.5-10.3.39-MariaDB");
    assertThatThrownBy(() -> Rendering.render(before104, Shop.schema(), index))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageStartingWith("MariaDB 10.3 cannot index text column order.note (LONGTEXT), as index"
            + " ix_order_note of order would");
    assertThatThrownBy(() -> Rendering.render(before104, Shop.schema(), unique))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageStartingWith("MariaDB 10.3 cannot index text column order.note (LONGTEXT), as unique constraint"
            + " uq_order_note of order would");
  }

  @Test
  void takesACheckOnAColumnThatAForeignKeyCascadesOnlyADeleteTo() {
    AddCheck check = new AddCheck("order", new CheckModel("ck_order_user", "user_id > 0"));

    assertThat(render(Shop.schema(), check)).isEqualTo("""
        ALTER TABLE `order` ADD CONSTRAINT `ck_order_user` CHECK (user_id > 0);
        """);
  }

  @Test
  void saysThatCascadeOnDeleteIsLeftBesideACheck() {
    AddForeignKey key = new AddForeignKey("tag", new ForeignKeyModel("fk_tag_owner", List.of("owner"), "user",
        List.of("id"), ReferentialAction.NO_ACTION, ReferentialAction.SET_NULL));

    assertThatThrownBy(() -> render(withCheckedOwner(), key))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("MariaDB 10.11 refuses a check constraint on a column that a foreign key's action changes:"
            + " check ck_tag_owner of tag uses tag.owner, which foreign key fk_tag_owner changes ON UPDATE SET NULL."
            + " Drop the check, or give the key NO_ACTION or RESTRICT (or CASCADE on delete)");
  }

  /**
   * MariaDB keeps a TIMESTAMP from just after the epoch (1970-01-01 00:00:00.000001 UTC, measured
   * on 10.11) to 2038-01-19 03:14:07.999999 UTC, and from 11.5 on to 2106-02-07 06:28:15.999999
   * UTC (MDEV-32188, 64-bit platforms).
   */
  @Test
  void takesATimestampWithTimeZoneDefaultUpTo2106FromVersion115() {
    Operation in2100 = new Schema().createTable("offer", t -> t
        .column("valid_until", timestampTz(), defaultValue("2100-01-01 00:00:00"))).operations().get(0);
    Operation after2106 = new Schema().createTable("offer", t -> t
        .column("valid_until", timestampTz(), defaultValue("2106-02-07 06:28:16"))).operations().get(0);
    Operation justAfterTheEpoch = new Schema().createTable("offer", t -> t
        .column("valid_until", timestampTz(), defaultValue("1970-01-01 00:00:00.000001"))).operations().get(0);

    assertThatThrownBy(() -> render(SchemaModel.empty(), in2100))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageStartingWith("MariaDB 10.11 keeps a timestamp with time zone (TIMESTAMP(6)) only from"
            + " 1970-01-01 00:00:00.000001 to 2038-01-19 03:14:07.999999 UTC, and the default '2100-01-01 00:00:00'");
    assertThat(render(SchemaModel.empty(), justAfterTheEpoch)).contains("DEFAULT '1970-01-01 00:00:00.000001'");
    Dialect v115 = Dialects.forProduct("MariaDB", "11.5.2-MariaDB");
    assertThat(Rendering.render(v115, SchemaModel.empty(), in2100)).contains("DEFAULT '2100-01-01 00:00:00'");
    assertThatThrownBy(() -> Rendering.render(v115, SchemaModel.empty(), after2106))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageStartingWith("MariaDB 11.5 keeps a timestamp with time zone (TIMESTAMP(6)) only from"
            + " 1970-01-01 00:00:00.000001 to 2106-02-07 06:28:15.999999 UTC, and the default '2106-02-07 06:28:16'");
  }

  @Test
  void createsSequence() {
    assertThat(render(Shop.schema(), Shop.createSelectSequence())).isEqualTo("""
        CREATE SEQUENCE `select` START WITH 1 INCREMENT BY 50;
        """);
    assertThat(render(Shop.schema(), Shop.createInvoiceSequence())).isEqualTo("""
        CREATE SEQUENCE `billing`.`invoice_seq` START WITH 1000 INCREMENT BY 1;
        """);
  }

  @Test
  void altersSequence() {
    assertThat(render(Shop.after(Shop.createSelectSequence()), Shop.alterSelectSequence())).isEqualTo("""
        ALTER SEQUENCE `select` START WITH 100 INCREMENT BY 1;
        """);
  }

  @Test
  void dropsSequence() {
    assertThat(render(Shop.after(Shop.createSelectSequence()), Shop.dropSelectSequence())).isEqualTo("""
        DROP SEQUENCE `select`;
        """);
    assertThat(render(Shop.after(Shop.createInvoiceSequence()), new DropSequence("invoice_seq"))).isEqualTo("""
        DROP SEQUENCE `billing`.`invoice_seq`;
        """);
  }

  @Test
  void createsAndDropsViewWithItsQueryAsWritten() {
    assertThat(render(Shop.schema(), Shop.createSelectView())).isEqualTo("""
        CREATE VIEW `select` AS SELECT 1 AS one
        WHERE 'a' <> 'b';
        """);
    assertThat(render(Shop.after(Shop.createSelectView()), new DropView("select"))).isEqualTo("""
        DROP VIEW `select`;
        """);
    assertThat(render(Shop.schema(), Shop.createInvoiceView())).isEqualTo("""
        CREATE VIEW `billing`.`open_invoices` AS SELECT 1 AS one;
        """);
    assertThat(render(Shop.after(Shop.createInvoiceView()), new DropView("open_invoices"))).isEqualTo("""
        DROP VIEW `billing`.`open_invoices`;
        """);
  }
}
