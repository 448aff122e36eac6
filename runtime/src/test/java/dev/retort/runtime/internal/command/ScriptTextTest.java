package dev.retort.runtime.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.operation.Vendor;
import dev.retort.runtime.SqlScript;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How a script's statements are written for the tools that split the text again. What the tools
 * then do with it is OfflineScriptToolTest's, on the real tools.
 */
class ScriptTextTest {

  @Test
  void eachStatementEndsWithASemicolonAfterItsBlocksComment() {
    assertThat(text(Vendor.POSTGRESQL, "BEGIN", "DROP TABLE \"t\"", "COMMIT")).isEqualTo("""
        -- Retort migration script for PostgreSQL: base -> 1

        -- Upgrade to 1
        BEGIN;
        DROP TABLE "t";
        COMMIT;
        """);
  }

  @Test
  void aStatementWhoseLastLineMayEndInACommentHasItsSemicolonOnTheNextLine() {
    assertThat(text(Vendor.H2, "UPDATE \"t\" SET \"a\" = 1 -- all rows", "UPDATE \"t\" SET \"a\" = 2 // H2's",
        "SELECT '--'", "SELECT 1 -- first line\nFROM \"t\""))
        .contains("UPDATE \"t\" SET \"a\" = 1 -- all rows\n;\n")
        .contains("UPDATE \"t\" SET \"a\" = 2 // H2's\n;\n")
        .as("the test is by text: a literal holding -- moves the semicolon too, which no tool minds")
        .contains("SELECT '--'\n;\n")
        .contains("FROM \"t\";\n");
    assertThat(text(Vendor.MARIADB, "UPDATE `t` SET `a` = 1 # MySQL's")).contains("# MySQL's\n;\n");
  }

  @Test
  void aMySqlStatementHoldingSemicolonsIsWrittenBetweenDelimiterCommands() {
    String trigger = "CREATE TRIGGER `t_stamp` BEFORE INSERT ON `t` FOR EACH ROW\nBEGIN\n  SET NEW.`a` = 1;\nEND";

    assertThat(text(Vendor.MARIADB, trigger, "DELETE FROM `t`"))
        .contains("DELIMITER $$\n" + trigger + "\n$$\nDELIMITER ;\nDELETE FROM `t`;\n");
    assertThat(text(Vendor.MYSQL, trigger.replace("1;", "'$$';"))).contains("DELIMITER //\n");
    assertThat(text(Vendor.POSTGRESQL, "DO $$ BEGIN PERFORM 1; END $$")).doesNotContain("DELIMITER")
        .as("psql reads dollar quotes itself").contains("DO $$ BEGIN PERFORM 1; END $$;\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "INSERT INTO `t` VALUES ('a;b')",
      "INSERT INTO `t` VALUES ('it\\'s; still a string')",
      "INSERT INTO `t` VALUES (\"a\\\";b\")",
      "INSERT INTO `a;b` VALUES (1)",
      "INSERT INTO `t` VALUES (1) -- a; comment",
      "INSERT INTO `t` VALUES (1) # a; comment",
      "INSERT INTO `t` /* a; comment */ VALUES (1)"})
  void theMySqlClientDoesNotSplitAtASemicolonInAStringANameOrAComment(String statement) {
    assertThat(ScriptText.mysqlClientSplits(statement)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "BEGIN SET @a = 1; END",
      "INSERT INTO `t` VALUES ('a\\\\'); SELECT 1",
      "SELECT 1 --; not a comment without a space",
      "SELECT 1 -- comment\n; SELECT 2",
      "SELECT 1 /*! ; executable comment */"})
  void theMySqlClientSplitsAtASemicolonOutsideThem(String statement) {
    assertThat(ScriptText.mysqlClientSplits(statement)).isTrue();
  }

  private static String text(Vendor vendor, String... statements) {
    return ScriptText.of(new SqlScript(vendor, "base", "1", List.of(new SqlScript.Block("Upgrade to 1",
        List.of(statements)))));
  }
}
