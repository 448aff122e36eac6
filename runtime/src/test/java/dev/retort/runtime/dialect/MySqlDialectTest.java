package dev.retort.runtime.dialect;

import static dev.retort.model.ColumnType.bool;
import static dev.retort.model.ColumnType.decimal;
import static dev.retort.model.ColumnType.text;
import static dev.retort.model.ColumnType.timestampTz;
import static dev.retort.model.ColumnType.uuid;
import static dev.retort.model.ColumnType.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.model.CheckModel;
import dev.retort.model.ColumnModel;
import dev.retort.model.IndexModel;
import dev.retort.model.SchemaModel;
import dev.retort.model.UniqueModel;
import dev.retort.operation.AddCheck;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AddUnique;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.CreateSequence;
import dev.retort.operation.DropView;
import dev.retort.operation.Operation;
import dev.retort.operation.Vendor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MySQL rendering where it differs from MariaDB; what both share is in {@link MySqlFamilyDialectTest}. */
class MySqlDialectTest extends MySqlFamilyDialectTest {

  MySqlDialectTest() {
    super(Vendor.MYSQL);
  }

  @Test
  void dropsCheckConstraint() {
    assertThat(render(Shop.schema(), Shop.dropEmailCheck())).isEqualTo("""
        ALTER TABLE `user` DROP CHECK `ck_user_email`;
        """);
  }

  @Test
  void writesLiteralDefaultsOfLongTypesAsExpressions() {
    AddColumn add = new AddColumn("tag", ColumnModel.of("bio", text()).withDefaultValue(Shop.literal("none")));
    assertThat(render(Shop.schema(), add)).isEqualTo("""
        ALTER TABLE `tag` ADD COLUMN `bio` LONGTEXT NULL DEFAULT ('none');
        """);
  }

  /** MySQL keeps 30 digits after a decimal's point (MariaDB 38), and reads a timestamp literal's offset. */
  @Test
  void refusesADecimalScaleBeyond30AndTakesATimestampDefaultWithAnOffset() {
    AddColumn wide = new AddColumn("tag", ColumnModel.of("share", decimal(65, 31)));
    assertThatThrownBy(() -> render(Shop.schema(), wide))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("keeps at most 30 digits after the point of a decimal, and column tag.share is"
            + " decimal(65,31)");
    AddColumn fits = new AddColumn("tag", ColumnModel.of("share", decimal(65, 30)));
    assertThat(render(Shop.schema(), fits)).contains("DECIMAL(65,30)");
    AddColumn moment = new AddColumn("tag", ColumnModel.of("at", timestampTz())
        .withDefaultValue(Shop.literal("2024-01-31 12:30:00+01:00")));
    assertThat(render(Shop.schema(), moment)).contains("DEFAULT '2024-01-31 12:30:00+01:00'");
  }

  /**
   * MySQL keeps a TIMESTAMP from 1970-01-01 00:00:01 to 2038-01-19 03:14:07.999999 UTC (its
   * reference manual, "The DATE, DATETIME, and TIMESTAMP Types"), and reads a default's offset.
   */
  @Test
  void comparesATimestampWithTimeZoneDefaultWithItsOffsetToWhatTimestampHolds() {
    AddColumn lastMoment = new AddColumn("tag", ColumnModel.of("until", timestampTz())
        .withDefaultValue(Shop.literal("2038-01-19 04:14:07+01:00")));
    assertThat(render(Shop.schema(), lastMoment)).contains("DEFAULT '2038-01-19 04:14:07+01:00'");
    AddColumn later = new AddColumn("tag", ColumnModel.of("until", timestampTz())
        .withDefaultValue(Shop.literal("2038-01-19 02:14:08-01:00")));
    assertThatThrownBy(() -> render(Shop.schema(), later))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageStartingWith("MySQL 8.0 keeps a timestamp with time zone (TIMESTAMP(6)) only from"
            + " 1970-01-01 00:00:01 to 2038-01-19 03:14:07.999999 UTC, and the default '2038-01-19 02:14:08-01:00'"
            + " of column tag.until is outside them. Give the column");
    AddColumn beforeTheFirstSecond = new AddColumn("tag", ColumnModel.of("since", timestampTz())
        .withDefaultValue(Shop.literal("1970-01-01 00:00:00.5")));
    assertThatThrownBy(() -> render(Shop.schema(), beforeTheFirstSecond))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("the default '1970-01-01 00:00:00.5' of column tag.since is outside them");
  }

  @Test
  void doublesBackslashesInStringLiterals() {
    AddColumn add = new AddColumn("tag", ColumnModel.of("path", varchar(50)).withDefaultValue(Shop.literal("C:\\temp")));
    assertThat(render(Shop.schema(), add)).isEqualTo("""
        ALTER TABLE `tag` ADD COLUMN `path` VARCHAR(50) NULL DEFAULT 'C:\\\\temp';
        """);
  }

  @Test
  void dropsTheIndexMySqlCreatedForAForeignKeyThatNoOtherIndexCovers() {
    assertThat(render(Shop.after(Shop.dropUserIdIndex(false)), Shop.dropOrderUser())).isEqualTo("""
        ALTER TABLE `order` DROP FOREIGN KEY `fk_order_user`;
        DROP INDEX `fk_order_user` ON `order`;
        """);
  }

  @Test
  void storesUuidsAsTextAndBooleansAsTinyInts() {
    assertThat(dialect.columnType(uuid())).isEqualTo("CHAR(36)");
    AddColumn add = new AddColumn("tag", ColumnModel.of("active", bool()).withDefaultValue(Shop.literal("true")));
    assertThat(render(Shop.schema(), add)).isEqualTo("""
        ALTER TABLE `tag` ADD COLUMN `active` BOOLEAN NULL DEFAULT TRUE;
        """);
  }

  @Test
  void turnsStandardQuotedIdentifiersOfCheckExpressionsIntoBackticks() {
    AddCheck check = new AddCheck("tag",
        new CheckModel("ck_tag_name", "\"name\" <> 'say \"hi\"' AND \"a\"\"b\" IS NULL"));
    assertThat(render(Shop.schema(), check)).isEqualTo("""
        ALTER TABLE `tag` ADD CONSTRAINT `ck_tag_name` CHECK (`name` <> 'say "hi"' AND `a"b` IS NULL);
        """);
  }

  @Test
  void refusesAnIndexOnALongtextColumnWhichItIndexesOnlyByAPrefix() {
    CreateIndex index = new CreateIndex("order", new IndexModel("ix_order_note", List.of("note"), false), false);

    assertThatThrownBy(() -> render(Shop.schema(), index))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("MySQL 8.0 cannot index text column order.note (LONGTEXT), as index ix_order_note of order"
            + " would (it indexes LONGTEXT, LONGBLOB and JSON columns only by a prefix length or through a"
            + " generated column, which execute(…) can write). Give the column a bounded type such as varchar(n),"
            + " or leave it out of the index");
  }

  @Test
  void refusesAUniqueConstraintOnALongtextColumn() {
    AddUnique unique = new AddUnique("order", new UniqueModel("uq_order_note", List.of("note")));

    assertThatThrownBy(() -> render(Shop.schema(), unique))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageStartingWith("MySQL 8.0 cannot index text column order.note (LONGTEXT), as unique constraint"
            + " uq_order_note of order would");
  }

  @Test
  void refusesACheckOnAColumnThatAForeignKeyCascadesADeleteTo() {
    AddCheck check = new AddCheck("order", new CheckModel("ck_order_user", "user_id > 0"));

    assertThatThrownBy(() -> render(Shop.schema(), check))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("MySQL 8.0 refuses a check constraint on a column that a foreign key's action changes: check"
            + " ck_order_user of order uses order.user_id, which foreign key fk_order_user changes ON DELETE CASCADE."
            + " Drop the check, or give the key NO_ACTION or RESTRICT");
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
