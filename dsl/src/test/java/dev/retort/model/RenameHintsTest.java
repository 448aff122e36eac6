package dev.retort.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RenameHintsTest {

  @Test
  void withTableAndWithColumnAddHintsByTargetName() {
    RenameHints hints = RenameHints.none().withTable("accounts", "users").withColumn("accounts", "mail", "email");

    assertThat(hints.tables()).isEqualTo(Map.of("accounts", "users"));
    assertThat(hints.columns()).isEqualTo(Map.of("accounts", Map.of("mail", "email")));
  }

  @Test
  void inverseTurnsEveryHintAroundAndKeepsTheTableKeyOfColumnHints() {
    RenameHints hints = RenameHints.none()
        .withTable("accounts", "users")
        .withColumn("accounts", "mail", "email")
        .withColumn("orders", "buyer_id", "user_id");

    RenameHints inverse = hints.inverse();

    assertThat(inverse.tables()).isEqualTo(Map.of("users", "accounts"));
    assertThat(inverse.columns())
        .isEqualTo(Map.of("accounts", Map.of("email", "mail"), "orders", Map.of("user_id", "buyer_id")));
  }

  @Test
  void invertingTwiceGivesEqualHints() {
    RenameHints hints = RenameHints.none().withTable("b", "a").withTable("d", "c").withColumn("b", "y", "x");

    assertThat(hints.inverse().inverse()).isEqualTo(hints);
  }

  @Test
  void columnHintsAreFoundByTheTargetNameOrByTheSourceNameOfARenamedTable() {
    RenameHints byTarget = RenameHints.none().withColumn("accounts", "mail", "email");
    RenameHints bySource = RenameHints.none().withColumn("users", "mail", "email");

    assertThat(byTarget.columnsOf("users", "accounts")).isEqualTo(Map.of("mail", "email"));
    assertThat(bySource.columnsOf("users", "accounts")).isEqualTo(Map.of("mail", "email"));
    assertThat(bySource.columnsOf("accounts", "accounts")).isEmpty();
  }

  @Test
  void tablesWithoutColumnHintsAreLeftOut() {
    RenameHints hints = new RenameHints(Map.of(), Map.of("users", Map.of()));

    assertThat(hints).isEqualTo(RenameHints.none());
  }

  @Test
  void renameToTheSameNameIsRefused() {
    assertThatThrownBy(() -> RenameHints.none().withTable("users", "users"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("table users is hinted as renamed from itself");
    assertThatThrownBy(() -> RenameHints.none().withColumn("users", "email", "email"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("column email of table users is hinted as renamed from itself");
  }

  @Test
  void twoTablesRenamedFromOneTableAreRefused() {
    assertThatThrownBy(() -> new RenameHints(Map.of("a", "old", "b", "old"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("two tables are hinted as renamed from old; at most one can be");
  }

  @Test
  void twoColumnsRenamedFromOneColumnAreRefused() {
    assertThatThrownBy(() -> new RenameHints(Map.of(), Map.of("users", Map.of("a", "old", "b", "old"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("two columns of table users are hinted as renamed from old; at most one can be");
  }

  @Test
  void columnHintsUnderBothNamesOfARenamedTableAreMergedInBothDirections() {
    RenameHints hints = RenameHints.none().withTable("accounts", "users")
        .withColumn("accounts", "mail", "email")
        .withColumn("users", "phone", "tel");

    assertThat(hints.columnsOf("users", "accounts")).isEqualTo(Map.of("mail", "email", "phone", "tel"));
    assertThat(hints.inverse().columnsOf("accounts", "users")).isEqualTo(Map.of("email", "mail", "tel", "phone"));
  }

  @Test
  void contradictingColumnHintsUnderBothNamesOfARenamedTableAreNotUsed() {
    RenameHints twoSources = RenameHints.none().withColumn("accounts", "mail", "email").withColumn("users", "mail", "e");
    RenameHints twoTargets = RenameHints.none().withColumn("accounts", "mail", "email").withColumn("users", "m", "email");

    assertThat(twoSources.columnsOf("users", "accounts")).isEmpty();
    assertThat(twoTargets.columnsOf("users", "accounts")).isEmpty();
    assertThat(twoTargets.inverse().columnsOf("accounts", "users")).isEmpty();
    assertThat(twoTargets.columnsOf("accounts", "accounts")).isEqualTo(Map.of("mail", "email"));
  }

  @Test
  void blankNamesAreRefused() {
    assertThatThrownBy(() -> RenameHints.none().withTable(" ", "users"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("table name is blank");
    assertThatThrownBy(() -> RenameHints.none().withColumn("users", "mail", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("previous name of column mail of table users is blank");
  }
}
