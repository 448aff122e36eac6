package dev.retort.runtime.dialect;

import static dev.retort.model.ColumnType.text;
import static dev.retort.model.ColumnType.uuid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.model.ColumnModel;
import dev.retort.operation.AddColumn;
import dev.retort.operation.Vendor;
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
}
