package dev.retort.runtime.dialect;

import static dev.retort.model.ColumnType.bool;
import static dev.retort.model.ColumnType.text;
import static dev.retort.model.ColumnType.uuid;
import static dev.retort.model.ColumnType.varchar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.model.CheckModel;
import dev.retort.model.ColumnModel;
import dev.retort.operation.AddCheck;
import dev.retort.operation.AddColumn;
import dev.retort.operation.Vendor;
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
}
