package dev.retort.runtime;

import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.integer;
import static dev.retort.runtime.Codes.code;
import static dev.retort.runtime.Probe.retort;
import static dev.retort.runtime.SqliteOfflineScriptTest.contents;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A SQLite table rebuild that drops a column, and the triggers and views that use the table: those
 * that still fit the new table keep working, and one that uses the dropped column fails the
 * migration, naming it, with the database left exactly as it was. Run by Retort and by an offline
 * script on real database files.
 */
class SqliteRebuildDependentsTest {

  private static final String VIEW_OF_TOTALS = "CREATE VIEW \"order_totals\" AS SELECT \"id\", \"total\" FROM \"order\"";

  private static final String FIX = ". Drop the %s with schema.execute before this change in the migration, and create"
      + " it again after the change to fit the new table";

  /**
   * Whether the view names the column bare, where SQLite fails on a missing column, or in double
   * quotes, where it would read the name as a string.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "CREATE VIEW order_totals AS SELECT id, total FROM [order]",
      VIEW_OF_TOTALS})
  void aViewUsingTheDroppedColumnFailsTheUpgradeNamingItAndChangesNothing(String view) {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = retort(db, revisions());
      retort.upgrade("01");
      Probe.execute(db, view);
      List<String> before = contentsOf(db);

      assertThatThrownBy(retort::upgrade)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.MIGRATION_FAILED))
          .hasMessageContaining("after rebuilding table order on SQLite, view order_totals no longer works: ")
          .hasMessageContaining("no such column: total")
          .hasMessageContaining(FIX.formatted("view"));

      assertThat(contentsOf(db)).isEqualTo(before);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "AFTER INSERT ON \"order\" BEGIN INSERT INTO \"order_log\" VALUES (NEW.total); END",
      "AFTER INSERT ON \"order\" BEGIN INSERT INTO \"order_log\" SELECT \"total\" FROM \"order\" WHERE \"id\" = NEW.\"id\"; END",
      "AFTER UPDATE OF \"total\" ON \"order\" BEGIN INSERT INTO \"order_log\" VALUES (NEW.\"id\"); END"})
  void aTriggerOfTheTableUsingTheDroppedColumnFailsTheUpgradeNamingItAndChangesNothing(String trigger) {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = retort(db, revisions());
      retort.upgrade("01");
      Probe.execute(db, "CREATE TABLE \"order_log\" (\"entry\" INTEGER)", "CREATE TRIGGER \"order_logged\" " + trigger);
      List<String> before = contentsOf(db);

      assertThatThrownBy(retort::upgrade)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.MIGRATION_FAILED))
          .hasMessageContaining("after rebuilding table order on SQLite, its trigger order_logged, which the rebuild"
              + " dropped, no longer works: ")
          .hasMessageContaining("no such column: ")
          .hasMessageContaining(FIX.formatted("trigger"));

      assertThat(contentsOf(db)).isEqualTo(before);
    }
  }

  @Test
  void aTriggerOfAnotherTableUsingTheDroppedColumnFailsTheUpgradeNamingIt() {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = retort(db, revisions());
      retort.upgrade("01");
      Probe.execute(db, "CREATE TABLE \"refund\" (\"order_id\" INTEGER)", "CREATE TRIGGER \"refunded\" AFTER INSERT"
          + " ON \"refund\" BEGIN UPDATE \"order\" SET \"total\" = 0 WHERE \"id\" = NEW.\"order_id\"; END");
      List<String> before = contentsOf(db);

      assertThatThrownBy(retort::upgrade)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.MIGRATION_FAILED))
          .hasMessageContaining("after rebuilding table order on SQLite, trigger refunded on refund, which refers to"
              + " order, no longer works: ")
          .hasMessageContaining("no such column: total")
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
      Probe.execute(db, "INSERT INTO \"order\" VALUES (3, 27)");
      assertThat(rows(db, "SELECT * FROM \"order_log\"")).containsExactly("27");
    }
  }

  @Test
  void aViewUsingTheDroppedColumnStopsTheScriptAfterTheRebuildWithSqlitesErrorAndChangesNothing()
      throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = retort(db, revisions());
      runScript(db, retort.sql("base", "01", Vendor.SQLITE).statements());
      Probe.execute(db, "CREATE VIEW \"order_totals\" AS SELECT id, total FROM [order]");
      List<String> before = contents(db);

      assertThatThrownBy(() -> runScript(db, retort.sql("01", "head", Vendor.SQLITE).statements()))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("no such column: total");

      assertThat(contents(db)).isEqualTo(before);
    }
  }

  @Test
  void aViewNamingTheDroppedColumnInDoubleQuotesStopsTheScriptBeforeTheRebuild() throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = retort(db, revisions());
      runScript(db, retort.sql("base", "01", Vendor.SQLITE).statements());
      Probe.execute(db, VIEW_OF_TOTALS);
      List<String> before = contents(db);

      assertThatThrownBy(() -> runScript(db, retort.sql("01", "head", Vendor.SQLITE).statements()))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("CHECK constraint failed: cannot rebuild table order on SQLite in an offline script:"
              + " a view that may read it writes the name of a column that the rebuild drops (total) in double"
              + " quotes, which SQLite would then read as a string instead of failing (sqlite_master lists the"
              + " views). Let Retort run this migration, which checks such views exactly; or drop the view in an"
              + " earlier step of the migration and create it again after this change");

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

  /** {@link SqliteOfflineScriptTest#contents}, for tests whose database reads must not throw checked exceptions. */
  private static List<String> contentsOf(TestDatabase db) {
    try {
      return contents(db);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read " + db, e);
    }
  }

  /**
   * {@code 01} creates {@code order} with rows; {@code 02} drops {@code order.total}, which
   * SQLite does by rebuilding the table, as the text of a check holds the column's name.
   */
  private static List<RevisionInfo> revisions() {
    return List.of(
        Retort.revision("01", List.of(), CreateOrder::new),
        Retort.revision("02", List.of("01"), DropOrderTotal::new));
  }

  /** Creates {@code order}, whose check on {@code subtotal} holds the name {@code total} in its text, with two rows. */
  public static final class CreateOrder implements Migration {
    @Override
    public void upgrade(Schema schema) {
      schema.createTable("order", t -> t
              .column("id", integer(), notNull())
              .column("total", integer())
              .column("subtotal", integer())
              .primaryKey("pk_order", "id")
              .check("ck_order_subtotal", "\"subtotal\" >= 0"))
          .execute("INSERT INTO \"order\" (\"id\", \"total\", \"subtotal\") VALUES (1, 10, 9), (2, 20, 18)");
    }

    @Override
    public void downgrade(Schema schema) {
      schema.dropTable("order");
    }
  }

  /** Drops {@code order.total}. */
  public static final class DropOrderTotal implements Migration {
    @Override
    public void upgrade(Schema schema) {
      schema.alterTable("order", t -> t.dropColumn("total"));
    }

    @Override
    public void downgrade(Schema schema) {
      schema.alterTable("order", t -> t.addColumn("total", integer()));
    }
  }
}
