package dev.retort.runtime;

import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.enumType;
import static dev.retort.model.ColumnType.integer;
import static dev.retort.runtime.Codes.code;
import static dev.retort.runtime.Probe.retort;
import static dev.retort.runtime.SqliteOfflineScriptTest.contents;
import static dev.retort.runtime.SqliteOfflineScriptTest.contentsOf;
import static dev.retort.runtime.SqliteOfflineScriptTest.rows;
import static dev.retort.runtime.SqliteOfflineScriptTest.runScript;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.Migration;
import dev.retort.RevisionInfo;
import dev.retort.dsl.Schema;
import dev.retort.operation.Vendor;
import dev.retort.runtime.testdb.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dropping a column on SQLite, with its own {@code ALTER TABLE … DROP COLUMN} whatever the checks
 * of the table say, and the views and triggers that use the table: SQLite fails on one whose
 * expressions use the column, Retort's check after it on one that names the column in a column
 * list or in double quotes, which SQLite would read as a string; either way the migration fails
 * with the database and its version table as they were. Run by Retort and by an offline script
 * on real database files.
 */
class SqliteDropColumnTest {

  private static final String FIX = ". Drop the %s with schema.execute before this change in the migration, and create"
      + " it again after the change to fit the new table";

  private static final String QUOTED = "; it writes \"total\" in double quotes, which SQLite would read as a string"
      + " once the column is gone";

  @Test
  void dropsTheColumnsKeepingTheRowsTheChecksAndTheTriggersAndViewsThatDoNotUseThem() throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = retort(db, revisions());
      retort.upgrade("01");
      Probe.execute(db,
          "CREATE VIEW \"order_subtotals\" AS SELECT \"id\", \"subtotal\" FROM \"order\"",
          "CREATE TABLE \"order_log\" (\"seq\" INTEGER PRIMARY KEY, \"entry\" TEXT)",
          "CREATE TRIGGER \"order_placed\" AFTER INSERT ON \"order\""
              + " BEGIN INSERT INTO \"order_log\" (\"entry\") VALUES ('placed ' || NEW.\"subtotal\"); END",
          "CREATE TRIGGER \"order_counted\" AFTER INSERT ON \"order\""
              + " BEGIN INSERT INTO \"order_log\" (\"entry\") VALUES ('counted ' || NEW.\"id\"); END");
      List<String> triggers = rows(db, "SELECT \"name\", \"sql\" FROM \"sqlite_master\" WHERE \"type\" = 'trigger'"
          + " ORDER BY \"name\"");

      retort.upgrade();

      assertThat(rows(db, "SELECT \"name\" FROM pragma_table_info('order') ORDER BY \"cid\""))
          .containsExactly("id", "subtotal");
      assertThat(rows(db, "SELECT * FROM \"order_subtotals\" ORDER BY 1")).containsExactly("1 9", "2 18");
      assertThat(rows(db, "SELECT \"name\", \"sql\" FROM \"sqlite_master\" WHERE \"type\" = 'trigger'"
          + " ORDER BY \"name\"")).isEqualTo(triggers);
      assertThatThrownBy(() -> Probe.execute(db, "INSERT INTO \"order\" VALUES (3, -1)"))
          .as("the check on subtotal, whose text holds the name total, is kept")
          .hasRootCauseMessage("[SQLITE_CONSTRAINT_CHECK] A CHECK constraint failed (CHECK constraint failed:"
              + " ck_order_subtotal)");
      Probe.execute(db, "INSERT INTO \"order\" VALUES (3, 27)");
      assertThat(rows(db, "SELECT \"entry\" FROM \"order_log\" ORDER BY \"seq\""))
          .as("the triggers fire in the order they did").containsExactly("counted 3", "placed 27");
    }
  }

  @Test
  void aViewUsingTheColumnFailsTheUpgradeWithSqlitesErrorAndChangesNothing() {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = retort(db, revisions());
      retort.upgrade("01");
      Probe.execute(db, "CREATE VIEW \"order_totals\" AS SELECT id, total FROM [order]");
      List<String> before = contentsOf(db);

      assertThatThrownBy(retort::upgrade)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.MIGRATION_FAILED))
          .hasMessageContaining("error in view order_totals after drop column: no such column: total");

      assertThat(contentsOf(db)).isEqualTo(before);
    }
  }

  /** Whether the view is named by an identifier or, as SQLite also accepts, by a string literal. */
  @ParameterizedTest
  @ValueSource(strings = {"\"order_totals\"", "'order_totals'"})
  void aViewWritingTheColumnInDoubleQuotesFailsTheUpgradeNamingItAndChangesNothing(String name) {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = retort(db, revisions());
      retort.upgrade("01");
      Probe.execute(db, "CREATE VIEW " + name + " AS SELECT \"id\", \"total\" FROM \"order\"");
      List<String> before = contentsOf(db);

      assertThatThrownBy(retort::upgrade)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.MIGRATION_FAILED))
          .hasMessageContaining("after dropping column order.total on SQLite, view order_totals no longer works: ")
          .hasMessageContaining("no such column: total)" + QUOTED + FIX.formatted("view"));

      assertThat(contentsOf(db)).isEqualTo(before);
    }
  }

  @Test
  void aViewReadingTheTableNamedByAStringLiteralIsCheckedToo() {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = retort(db, revisions());
      retort.upgrade("01");
      Probe.execute(db, "CREATE VIEW \"order_totals\" AS SELECT \"id\", \"total\" FROM 'order'");
      List<String> before = contentsOf(db);

      assertThatThrownBy(retort::upgrade)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.MIGRATION_FAILED))
          .hasMessageContaining("after dropping column order.total on SQLite, view order_totals no longer works: ");

      assertThat(contentsOf(db)).isEqualTo(before);
    }
  }

  /** Uses of the column that SQLite's DROP COLUMN does not check. */
  @ParameterizedTest
  @ValueSource(strings = {
      "AFTER INSERT ON \"order\" BEGIN UPDATE \"order\" SET \"total\" = 0 WHERE \"id\" = NEW.\"id\"; END",
      "AFTER DELETE ON \"order\" BEGIN INSERT INTO \"order\" (\"id\", \"total\") VALUES (OLD.\"id\" + 100, 0); END",
      "AFTER UPDATE OF \"total\" ON \"order\" BEGIN SELECT 1; END",
      "AFTER UPDATE OF 'total' ON \"order\" BEGIN SELECT 1; END",
      "AFTER INSERT ON \"order\" BEGIN INSERT INTO \"order_log\" SELECT \"total\" FROM \"order\"; END"})
  void aTriggerOfTheTableUsingTheColumnWhereSqliteDoesNotCheckFailsTheUpgradeNamingIt(String trigger) {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = retort(db, revisions());
      retort.upgrade("01");
      Probe.execute(db, "CREATE TABLE \"order_log\" (\"entry\" INTEGER)", "CREATE TRIGGER \"order_logged\" " + trigger);
      List<String> before = contentsOf(db);

      assertThatThrownBy(retort::upgrade)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.MIGRATION_FAILED))
          .hasMessageContaining("after dropping column order.total on SQLite, its trigger order_logged no longer"
              + " works: ")
          .hasMessageContaining(FIX.formatted("trigger"));

      assertThat(contentsOf(db)).isEqualTo(before);
    }
  }

  @Test
  void theFailureNamesTheTriggerThatNoLongerWorksAmongTheTriggersOfTheSameStatement() {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = retort(db, revisions());
      retort.upgrade("01");
      Probe.execute(db, "CREATE TABLE \"order_log\" (\"entry\" INTEGER)",
          "CREATE TRIGGER \"order_logged\" AFTER INSERT ON \"order\""
              + " BEGIN INSERT INTO \"order_log\" VALUES (NEW.\"id\"); END",
          "CREATE TRIGGER \"order_reset\" AFTER INSERT ON \"order\""
              + " BEGIN UPDATE \"order\" SET \"total\" = 0 WHERE \"id\" = NEW.\"id\"; END");

      assertThatThrownBy(retort::upgrade)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.MIGRATION_FAILED))
          .hasMessageContaining("after dropping column order.total on SQLite, its trigger order_reset no longer"
              + " works: ")
          .hasMessageContaining("no such column: total");
    }
  }

  @Test
  void aTriggerOfAnotherTableSettingTheColumnFailsTheUpgradeNamingIt() {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = retort(db, revisions());
      retort.upgrade("01");
      Probe.execute(db, "CREATE TABLE \"refund\" (\"order_id\" INTEGER)", "CREATE TRIGGER \"refunded\" AFTER INSERT"
          + " ON \"refund\" BEGIN UPDATE \"order\" SET \"total\" = 0 WHERE \"id\" = NEW.\"order_id\"; END");
      List<String> before = contentsOf(db);

      assertThatThrownBy(retort::upgrade)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.MIGRATION_FAILED))
          .hasMessageContaining("after dropping column order.total on SQLite, trigger refunded on refund, which refers"
              + " to order, no longer works: ")
          .hasMessageContaining("no such column: total)" + FIX.formatted("trigger"));

      assertThat(contentsOf(db)).isEqualTo(before);
    }
  }

  @Test
  void aScriptLeavesWhatTheUpgradeLeaves() throws SQLException {
    try (TestDatabase online = TestDatabase.create(TestDatabase.Kind.SQLITE);
        TestDatabase offline = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      String[] dependents = {
          "CREATE VIEW \"order_subtotals\" AS SELECT \"id\", \"subtotal\" FROM \"order\"",
          "CREATE TABLE \"order_log\" (\"entry\" INTEGER)",
          "CREATE TRIGGER \"order_logged\" AFTER INSERT ON \"order\""
              + " BEGIN INSERT INTO \"order_log\" VALUES (NEW.\"subtotal\"); END"};
      Retort byRetort = retort(online, revisions());
      byRetort.upgrade("01");
      Probe.execute(online, dependents);
      byRetort.upgrade();
      Retort byScript = retort(offline, revisions());
      runScript(offline, byScript.sql("base", "01", Vendor.SQLITE).statements());
      Probe.execute(offline, dependents);

      runScript(offline, byScript.sql("01", "head", Vendor.SQLITE).statements());

      assertThat(contents(offline)).isEqualTo(contents(online));
      assertThat(rows(offline, "SELECT \"name\" FROM pragma_table_info('order') ORDER BY \"cid\""))
          .containsExactly("id", "subtotal");
    }
  }

  @Test
  void aViewUsingTheColumnStopsTheScriptWithSqlitesErrorAndChangesNothing() throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = retort(db, revisions());
      runScript(db, retort.sql("base", "01", Vendor.SQLITE).statements());
      Probe.execute(db, "CREATE VIEW \"order_totals\" AS SELECT id, total FROM [order]");
      List<String> before = contents(db);

      assertThatThrownBy(() -> runScript(db, retort.sql("01", "head", Vendor.SQLITE).statements()))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("error in view order_totals after drop column: no such column: total");

      assertThat(contents(db)).isEqualTo(before);
    }
  }

  /**
   * With {@code legacy_alter_table} on, SQLite's {@code DROP COLUMN} does not check the views, and
   * would leave this one broken: the script's opening turns it off, as Retort's upgrade does.
   */
  @Test
  void aViewUsingTheColumnStopsTheScriptInASessionWithLegacyAlterTableOn() throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = retort(db, revisions());
      runScript(db, retort.sql("base", "01", Vendor.SQLITE).statements());
      Probe.execute(db, "CREATE VIEW \"order_totals\" AS SELECT id, total FROM [order]");
      List<String> before = contents(db);
      List<String> session = new ArrayList<>(List.of("PRAGMA legacy_alter_table = ON"));
      session.addAll(retort.sql("01", "head", Vendor.SQLITE).statements());

      assertThatThrownBy(() -> runScript(db, session))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("error in view order_totals after drop column: no such column: total");

      assertThat(contents(db)).isEqualTo(before);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "CREATE VIEW \"order_totals\" AS SELECT \"id\", \"total\" FROM \"order\"",
      "CREATE TRIGGER \"order_logged\" AFTER INSERT ON \"order\" BEGIN INSERT INTO \"order_log\" SELECT \"TOTAL\""
          + " FROM \"order\"; END"})
  void aViewOrTriggerWritingTheColumnInDoubleQuotesStopsTheScriptAndChangesNothing(String dependent)
      throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = retort(db, revisions());
      runScript(db, retort.sql("base", "01", Vendor.SQLITE).statements());
      Probe.execute(db, "CREATE TABLE \"order_log\" (\"entry\" INTEGER)", dependent);
      List<String> before = contents(db);

      assertThatThrownBy(() -> runScript(db, retort.sql("01", "head", Vendor.SQLITE).statements()))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("CHECK constraint failed: cannot drop column order.total on SQLite in an offline"
              + " script: a view or trigger that may use order writes \"total\" in double quotes, which SQLite now"
              + " reads as a string instead of failing (sqlite_master lists the views and triggers). Let Retort run"
              + " this migration, which checks them exactly; or drop the view or trigger in an earlier step of the"
              + " migration and create it again after this change");

      assertThat(contents(db)).isEqualTo(before);
    }
  }

  /** {@code 01} creates {@code order} with rows; {@code 02} drops {@code order.total} and {@code order.status}. */
  private static List<RevisionInfo> revisions() {
    return List.of(
        Retort.revision("01", List.of(), CreateOrder::new),
        Retort.revision("02", List.of("01"), DropOrderTotalAndStatus::new));
  }

  /**
   * Creates {@code order}, whose check on {@code subtotal} holds the name {@code total} in its text,
   * and whose enum column {@code status} has a check of its own, with two rows.
   */
  public static final class CreateOrder implements Migration {
    @Override
    public void upgrade(Schema schema) {
      schema.createTable("order", t -> t
              .column("id", integer(), notNull())
              .column("total", integer())
              .column("subtotal", integer())
              .column("status", enumType("order_status", "open", "paid"))
              .primaryKey("pk_order", "id")
              .check("ck_order_subtotal", "\"subtotal\" >= 0"))
          .execute("INSERT INTO \"order\" (\"id\", \"total\", \"subtotal\", \"status\") VALUES (1, 10, 9, 'open'),"
              + " (2, 20, 18, 'paid')");
    }

    @Override
    public void downgrade(Schema schema) {
      schema.dropTable("order");
    }
  }

  /** Drops {@code order.total} and {@code order.status}. */
  public static final class DropOrderTotalAndStatus implements Migration {
    @Override
    public void upgrade(Schema schema) {
      schema.alterTable("order", t -> t.dropColumn("total").dropColumn("status"));
    }

    @Override
    public void downgrade(Schema schema) {
      schema.alterTable("order", t -> t
          .addColumn("total", integer())
          .addColumn("status", enumType("order_status", "open", "paid")));
    }
  }
}
