package dev.retort.runtime;

import static dev.retort.dsl.ColumnOption.defaultExpression;
import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.integer;
import static dev.retort.model.ColumnType.text;
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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A SQLite table rebuild, here to add a column with an expression default, and the triggers and
 * views that use the table: those that still fit the new table keep working, and one that the new
 * column breaks fails the migration, naming it, with the database left exactly as it was. Run by
 * Retort and by an offline script on real database files.
 */
class SqliteRebuildDependentsTest {

  /** A view that the new column {@code order.note} makes ambiguous, as {@code refund} has a {@code note} too. */
  private static final String VIEW_OF_REFUNDS = "CREATE VIEW \"order_refunds\" AS SELECT \"order\".\"id\", note"
      + " FROM \"order\" JOIN \"refund\" ON \"refund\".\"order_id\" = \"order\".\"id\"";

  private static final String FIX = ". Drop the %s with schema.execute before this change in the migration, and create"
      + " it again after the change to fit the new table";

  @Test
  void aViewThatTheChangeBreaksFailsTheUpgradeNamingItAndChangesNothing() {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = retort(db, revisions());
      retort.upgrade("01");
      Probe.execute(db, VIEW_OF_REFUNDS);
      List<String> before = contentsOf(db);

      assertThatThrownBy(retort::upgrade)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.MIGRATION_FAILED))
          .hasMessageContaining("after rebuilding table order on SQLite, view order_refunds no longer works: ")
          .hasMessageContaining("ambiguous column name: note")
          .hasMessageContaining(FIX.formatted("view"));

      assertThat(contentsOf(db)).isEqualTo(before);
    }
  }

  @Test
  void aTriggerOfTheTableThatTheChangeBreaksFailsTheUpgradeNamingItAndChangesNothing() {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = retort(db, revisions());
      retort.upgrade("01");
      Probe.execute(db, "CREATE TABLE \"order_log\" (\"id\" INTEGER, \"total\" INTEGER, \"subtotal\" INTEGER)",
          "CREATE TRIGGER \"order_logged\" AFTER INSERT ON \"order\""
              + " BEGIN INSERT INTO \"order_log\" SELECT * FROM \"order\" WHERE \"id\" = NEW.\"id\"; END");
      List<String> before = contentsOf(db);

      assertThatThrownBy(retort::upgrade)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.MIGRATION_FAILED))
          .hasMessageContaining("after rebuilding table order on SQLite, its trigger order_logged, which the rebuild"
              + " dropped, no longer works: ")
          .hasMessageContaining("table order_log has 3 columns but 4 values were supplied")
          .hasMessageContaining(FIX.formatted("trigger"));

      assertThat(contentsOf(db)).isEqualTo(before);
    }
  }

  @Test
  void aTriggerOfAnotherTableThatTheChangeBreaksFailsTheUpgradeNamingIt() {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = retort(db, revisions());
      retort.upgrade("01");
      Probe.execute(db, "CREATE TRIGGER \"reordered\" AFTER INSERT ON \"refund\""
          + " BEGIN INSERT INTO \"order\" VALUES (NEW.\"order_id\" + 100, 0, 0); END");
      List<String> before = contentsOf(db);

      assertThatThrownBy(retort::upgrade)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.MIGRATION_FAILED))
          .hasMessageContaining("after rebuilding table order on SQLite, trigger reordered on refund, which refers to"
              + " order, no longer works: ")
          .hasMessageContaining("table order has 4 columns but 3 values were supplied")
          .hasMessageContaining(FIX.formatted("trigger"));

      assertThat(contentsOf(db)).isEqualTo(before);
    }
  }

  @Test
  void triggersAndViewsThatFitTheNewTableKeepWorking() throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = retort(db, revisions());
      retort.upgrade("01");
      Probe.execute(db,
          "CREATE VIEW \"order_subtotals\" AS SELECT \"id\", \"subtotal\" FROM \"order\"",
          "CREATE TABLE \"order_log\" (\"entry\" INTEGER)",
          "CREATE TRIGGER \"order_logged\" AFTER INSERT ON \"order\""
              + " BEGIN INSERT INTO \"order_log\" VALUES (NEW.\"subtotal\"); END");

      retort.upgrade();

      assertThat(rows(db, "SELECT * FROM \"order_subtotals\" ORDER BY 1")).containsExactly("1 9", "2 18");
      Probe.execute(db, "INSERT INTO \"order\" (\"id\", \"subtotal\") VALUES (3, 27)");
      assertThat(rows(db, "SELECT * FROM \"order_log\"")).containsExactly("27");
      assertThat(rows(db, "SELECT \"note\" FROM \"order\" WHERE \"id\" = 3")).containsExactly("none");
    }
  }

  @Test
  void aViewThatTheChangeBreaksStopsTheScriptAfterTheRebuildWithSqlitesErrorAndChangesNothing()
      throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = retort(db, revisions());
      runScript(db, retort.sql("base", "01", Vendor.SQLITE).statements());
      Probe.execute(db, VIEW_OF_REFUNDS);
      List<String> before = contents(db);

      assertThatThrownBy(() -> runScript(db, retort.sql("01", "head", Vendor.SQLITE).statements()))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("ambiguous column name: note");

      assertThat(contents(db)).isEqualTo(before);
    }
  }

  @Test
  void aViewThatFitsTheNewTableLetsTheScriptLeaveWhatTheUpgradeLeaves() throws SQLException {
    try (TestDatabase online = TestDatabase.create(TestDatabase.Kind.SQLITE);
        TestDatabase offline = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      String view = "CREATE VIEW \"order_subtotals\" AS SELECT \"id\", \"subtotal\" FROM \"order\"";
      Retort byRetort = retort(online, revisions());
      byRetort.upgrade("01");
      Probe.execute(online, view);
      byRetort.upgrade();
      Retort byScript = retort(offline, revisions());
      runScript(offline, byScript.sql("base", "01", Vendor.SQLITE).statements());
      Probe.execute(offline, view);

      runScript(offline, byScript.sql("01", "head", Vendor.SQLITE).statements());

      assertThat(contents(offline)).isEqualTo(contents(online));
      assertThat(rows(offline, "SELECT * FROM \"order_subtotals\" ORDER BY 1")).containsExactly("1 9", "2 18");
    }
  }

  /**
   * {@code 01} creates {@code order} and {@code refund} with rows; {@code 02} adds {@code order.note}
   * with an expression default, which SQLite does by rebuilding the table.
   */
  private static List<RevisionInfo> revisions() {
    return List.of(
        Retort.revision("01", List.of(), CreateOrder::new),
        Retort.revision("02", List.of("01"), AddOrderNote::new));
  }

  /** Creates {@code order}, with two rows, and {@code refund}, whose rows have a {@code note}. */
  public static final class CreateOrder implements Migration {
    @Override
    public void upgrade(Schema schema) {
      schema.createTable("order", t -> t
              .column("id", integer(), notNull())
              .column("total", integer())
              .column("subtotal", integer())
              .primaryKey("pk_order", "id"))
          .createTable("refund", t -> t
              .column("order_id", integer(), notNull())
              .column("note", text()))
          .execute("INSERT INTO \"order\" (\"id\", \"total\", \"subtotal\") VALUES (1, 10, 9), (2, 20, 18)")
          .execute("INSERT INTO \"refund\" (\"order_id\", \"note\") VALUES (2, 'broken')");
    }

    @Override
    public void downgrade(Schema schema) {
      schema.dropTable("refund").dropTable("order");
    }
  }

  /** Adds {@code order.note} with the default {@code lower('NONE')}. */
  public static final class AddOrderNote implements Migration {
    @Override
    public void upgrade(Schema schema) {
      schema.alterTable("order", t -> t.addColumn("note", text(), defaultExpression("lower('NONE')")));
    }

    @Override
    public void downgrade(Schema schema) {
      schema.alterTable("order", t -> t.dropColumn("note"));
    }
  }
}
