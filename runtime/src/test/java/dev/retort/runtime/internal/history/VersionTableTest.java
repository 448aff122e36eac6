package dev.retort.runtime.internal.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.operation.Vendor;
import dev.retort.runtime.dialect.Dialects;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionTableTest {

  @Test
  void descriptionsAreStoredOnOneLineAndCutToTheColumn() {
    assertThat(VersionTable.description("  add\n  users.phone\t ")).isEqualTo("add users.phone");
    String tooLong = "x".repeat(VersionTable.DESCRIPTION_LENGTH + 10);
    assertThat(VersionTable.description(tooLong)).hasSize(VersionTable.DESCRIPTION_LENGTH).endsWith("...");
  }

  @Test
  void aCutNeverSplitsASurrogatePair() {
    String text = "x".repeat(VersionTable.DESCRIPTION_LENGTH - 4) + "\uD83D\uDE00" + "tail";

    String stored = VersionTable.description(text);

    assertThat(stored).endsWith("x...").hasSizeLessThanOrEqualTo(VersionTable.DESCRIPTION_LENGTH);
  }

  @Test
  void offlineLiteralsEscapeQuotesEverywhereAndBackslashesOnMysqlAndMariadb() {
    VersionTable postgres = new VersionTable("", "retort_version", Dialects.forVendor(Vendor.POSTGRESQL));
    VersionTable mariadb = new VersionTable("", "retort_version", Dialects.forVendor(Vendor.MARIADB));

    assertThat(postgres.insertLiteral("1", "it's a \\ path", "abc", Optional.empty()))
        .contains("'it''s a \\ path'").endsWith(", NULL, NULL)");
    assertThat(mariadb.insertLiteral("1", "it's a \\ path", "abc", Optional.of("0f")))
        .contains("'it''s a \\\\ path'").endsWith(", NULL, '0f')");
    assertThat(mariadb.deleteLiteral("o'clock")).isEqualTo("DELETE FROM `retort_version` WHERE `revision` = 'o''clock'");
  }

  @Test
  void aSchemaQualifiesTheTable() {
    VersionTable table = new VersionTable("meta", "history", Dialects.forVendor(Vendor.H2));

    assertThat(table.displayName()).isEqualTo("meta.history");
    assertThat(table.deleteLiteral("1")).startsWith("DELETE FROM \"meta\".\"history\" WHERE");
    assertThat(table.model().schema()).isEqualTo("meta");
    assertThat(table.model().primaryKey()).hasValueSatisfying(key -> assertThat(key.columns()).containsExactly("revision"));
  }
}
