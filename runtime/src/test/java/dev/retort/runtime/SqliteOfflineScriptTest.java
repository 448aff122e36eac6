package dev.retort.runtime;

import static dev.retort.model.ColumnType.varchar;
import static dev.retort.runtime.Codes.code;
import static dev.retort.runtime.Probe.retort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.Migration;
import dev.retort.RevisionInfo;
import dev.retort.dsl.Schema;
import dev.retort.operation.Vendor;
import dev.retort.runtime.fixtures.Rebuilds;
import dev.retort.runtime.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SQLite offline script, table rebuilds included, run statement by statement through JDBC on
 * a real database file as a database administrator runs it with {@code sqlite3 -bail}: it leaves
 * the same schema, rows and version records as Retort's own upgrade, and where Retort's checks
 * would fail the migration, the script stops with its migration uncommitted.
 */
class SqliteOfflineScriptTest {

  @Test
  void anUpgradeScriptLeavesWhatTheOnlineUpgradeLeaves() throws SQLException {
    try (TestDatabase online = TestDatabase.create(TestDatabase.Kind.SQLITE);
        TestDatabase offline = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort byRetort = retort(online, Rebuilds.revisions());
      byRetort.upgrade();
      Retort byScript = retort(offline, Rebuilds.revisions());

      int foreignKeysAfter = runScript(offline, byScript.sql("base", "head", Vendor.SQLITE).statements());

      assertThat(byScript.current().atHead()).isTrue();
      assertThat(byScript.check().differences()).isEmpty();
      assertThat(byRetort.check().differences()).isEmpty();
      assertThat(contents(offline)).isEqualTo(contents(online));
      assertThat(rows(offline, "SELECT \"id\", \"name\" FROM \"customer\"")).containsExactly("1 Ann", "2 Bob");
      assertThat(rows(offline, "SELECT \"id\", \"customer_id\", \"product_id\" FROM \"order\""))
          .containsExactly("10 1 1", "11 1 2", "12 2 null");
      assertThat(rows(offline, "SELECT \"seq\" FROM \"sqlite_sequence\" WHERE \"name\" = 'customer'"))
          .as("the AUTOINCREMENT counter survives the rebuild, so id 3 is never reused").containsExactly("3");
      assertThat(foreignKeysAfter).as("the script turns enforcement back on").isEqualTo(1);
    }
  }

  @Test
  void aDowngradeScriptLeavesWhatTheOnlineDowngradeLeaves() throws SQLException {
    try (TestDatabase online = TestDatabase.create(TestDatabase.Kind.SQLITE);
        TestDatabase offline = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort byRetort = retort(online, Rebuilds.revisions());
      byRetort.upgrade();
      byRetort.downgrade("02");
      Retort byScript = retort(offline, Rebuilds.revisions());
      runScript(offline, byScript.sql("base", "head", Vendor.SQLITE).statements());

      runScript(offline, byScript.sql("head", "02", Vendor.SQLITE).statements());

      assertThat(byScript.current().applied()).extracting(AppliedRevision::revision).containsExactly("01", "02");
      assertThat(byScript.check().differences()).isEmpty();
      assertThat(contents(offline)).isEqualTo(contents(online));
      assertThat(rows(offline, "SELECT \"id\", \"code\" FROM \"product\"")).containsExactly("1 null", "2 null");
    }
  }

  @Test
  void aTriggerOnATableToRebuildStopsTheScriptBeforeAnythingOfItsMigrationChanges() throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = retort(db, Rebuilds.revisions());
      runScript(db, retort.sql("base", "02", Vendor.SQLITE).statements());
      String trigger = "CREATE TRIGGER \"customer_renamed\" AFTER UPDATE ON \"customer\" BEGIN SELECT 1; END";
      Probe.execute(db, trigger);
      List<String> before = contents(db);

      assertThatThrownBy(() -> runScript(db, retort.sql("02", "head", Vendor.SQLITE).statements()))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("CHECK constraint failed: " + triggerStops("customer"));

      assertThat(contents(db)).isEqualTo(before);
      retort.upgrade();
      assertThat(rows(db, "SELECT \"sql\" FROM \"sqlite_master\" WHERE \"name\" = 'customer_renamed'"))
          .as("Retort's own upgrade rebuilds the table and creates its trigger again").containsExactly(trigger);
    }
  }

  @Test
  void aTriggerOfAnotherTableThatRefersToATableToRebuildStopsTheScript() throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = retort(db, Rebuilds.revisions());
      runScript(db, retort.sql("base", "02", Vendor.SQLITE).statements());
      Probe.execute(db, "CREATE TRIGGER \"price_kept\" AFTER UPDATE ON \"product\""
          + " BEGIN UPDATE \"customer\" SET \"name\" = \"name\" WHERE 0; END");
      List<String> before = contents(db);

      assertThatThrownBy(() -> runScript(db, retort.sql("02", "head", Vendor.SQLITE).statements()))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("CHECK constraint failed: " + triggerStops("customer"));

      assertThat(contents(db)).isEqualTo(before);
    }
  }

  @Test
  void viewsOfRebuiltTablesKeepWorkingAndAViewSayingOrderByDoesNotStopTheRebuildOfOrder() throws SQLException {
    try (TestDatabase online = TestDatabase.create(TestDatabase.Kind.SQLITE);
        TestDatabase offline = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      String[] views = {
          "CREATE VIEW \"customer_names\" AS SELECT \"name\" FROM \"customer\" ORDER BY \"name\" DESC",
          "CREATE VIEW \"order_lines\" AS SELECT \"o\".\"id\", \"c\".\"name\", \"p\".\"name\" AS \"product\""
              + " FROM \"order\" AS \"o\" JOIN \"customer\" AS \"c\" ON \"c\".\"id\" = \"o\".\"customer_id\""
              + " LEFT JOIN \"product\" AS \"p\" ON \"p\".\"id\" = \"o\".\"product_id\""};
      Retort byRetort = retort(online, Rebuilds.revisions());
      byRetort.upgrade("02");
      Probe.execute(online, views);
      byRetort.upgrade();
      Retort byScript = retort(offline, Rebuilds.revisions());
      runScript(offline, byScript.sql("base", "02", Vendor.SQLITE).statements());
      Probe.execute(offline, views);

      runScript(offline, byScript.sql("02", "head", Vendor.SQLITE).statements());

      assertThat(contents(offline)).isEqualTo(contents(online));
      assertThat(rows(offline, "SELECT * FROM \"customer_names\"")).containsExactly("Bob", "Ann");
      assertThat(rows(offline, "SELECT * FROM \"order_lines\" ORDER BY 1"))
          .containsExactly("10 Ann Kettle", "11 Ann Teapot", "12 Bob null");
    }
  }

  @Test
  void rowsBreakingAnAddedForeignKeyStopTheScriptWhereTheOnlineUpgradeStops() throws SQLException {
    try (TestDatabase online = TestDatabase.create(TestDatabase.Kind.SQLITE);
        TestDatabase offline = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      String orphan = "INSERT INTO \"order\" VALUES (13, 2, 99)";
      Retort byRetort = retort(online, Rebuilds.revisions());
      byRetort.upgrade("02");
      Probe.execute(online, orphan);
      assertThatThrownBy(byRetort::upgrade)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.MIGRATION_FAILED));
      Retort byScript = retort(offline, Rebuilds.revisions());
      runScript(offline, byScript.sql("base", "02", Vendor.SQLITE).statements());
      Probe.execute(offline, orphan);

      assertThatThrownBy(() -> runScript(offline, byScript.sql("02", "head", Vendor.SQLITE).statements()))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("CHECK constraint failed: after rebuilding table order on SQLite, rows of order"
              + " break foreign keys (PRAGMA foreign_key_check lists them). Fix those rows (or the migration) and"
              + " run the script again");

      assertThat(byScript.current().applied()).extracting(AppliedRevision::revision)
          .containsExactly("01", "02", "03", "04");
      assertThat(byScript.check().differences()).isEmpty();
      assertThat(contents(offline)).isEqualTo(contents(online));
    }
  }

  @Test
  void aRebuildOfAReferencedTableStopsTheScriptWhenForeignKeysAreEnforced() throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = retort(db, Rebuilds.revisions());
      runScript(db, retort.sql("base", "02", Vendor.SQLITE).statements());
      List<String> before = contents(db);
      SqlScript script = retort.sql("02", "head", Vendor.SQLITE);
      assertThat(script.blocks().get(0).statements())
          .containsExactly("PRAGMA foreign_keys = OFF", "PRAGMA legacy_alter_table = OFF");
      List<String> withoutOpening = script.blocks().subList(1, script.blocks().size()).stream()
          .flatMap(block -> block.statements().stream())
          .toList();

      assertThatThrownBy(() -> runScript(db, withoutOpening))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("CHECK constraint failed: cannot rebuild table customer on SQLite while foreign keys"
              + " are enforced: dropping the old table would delete its rows first, cascading into or failing on"
              + " order. Run PRAGMA foreign_keys = OFF before BEGIN, as the script's opening does");

      assertThat(contents(db)).isEqualTo(before);
    }
  }

  @Test
  void aJavaStepOfTheMigrationStopsTheScriptNamingItsRevisionButTheRebuildsChecksDoNot() {
    List<RevisionInfo> revisions = new ArrayList<>(Rebuilds.revisions());
    revisions.add(Retort.revision("06", List.of("05"), WidenAndBackfill::new));
    Retort retort = Retort.builder().url("jdbc:h2:mem:unused", "sa", "").migrations(revisions).build();

    assertThat(retort.sql("base", "05", Vendor.SQLITE).statements()).isNotEmpty();
    assertThatThrownBy(() -> retort.sql("base", "head", Vendor.SQLITE))
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.OFFLINE_UNSUPPORTED))
        .hasMessageStartingWith("Revision 06 ")
        .hasMessageContaining(" cannot be written as an offline script: its upgrade runs the Java step"
            + " 'fill in product.name from the catalogue service', which is Java code with no SQL form. Write the"
            + " script up to the revision before it, let Retort upgrade to revision 06 itself with upgrade(\"06\"),"
            + " then write the script from there; or, if the step must run offline, write it in SQL with"
            + " schema.execute.");
    assertThatThrownBy(() -> retort.sql("head", "05", Vendor.SQLITE))
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.OFFLINE_UNSUPPORTED))
        .hasMessageContaining("its downgrade runs the Java step 'clear product.name'")
        .hasMessageContaining("Write the script down to revision 06, let Retort downgrade revision 06 itself with"
            + " downgrade(\"-1\"), then write the script from where that leaves the database");
  }

  /** The check that stops a script which would rebuild a table that a trigger is on or refers to. */
  static String triggerStops(String table) {
    return "cannot rebuild table " + table + " on SQLite in an offline script: a trigger is on the table or refers"
        + " to it (sqlite_master lists the triggers), and a script can neither create it again after the rebuild nor"
        + " check it. Let Retort run this migration, which does both; or drop the trigger in an earlier step of the"
        + " migration and create it again after this change";
  }

  /** Widens {@code product.name} (a rebuild on SQLite) and fills it in with Java code, both ways. */
  public static final class WidenAndBackfill implements Migration {
    @Override
    public void upgrade(Schema schema) {
      schema.alterTable("product", t -> t.alterColumn("name", c -> c.type(varchar(50), varchar(200))))
          .run("fill in product.name from the catalogue service", connection -> { });
    }

    @Override
    public void downgrade(Schema schema) {
      schema.run("clear product.name", connection -> { })
          .alterTable("product", t -> t.alterColumn("name", c -> c.type(varchar(200), varchar(50))));
    }
  }

  /**
   * Runs statements one by one on one connection, as the sqlite3 shell does: a connection that
   * enforces foreign keys, as an administrator's may. The first failure ends the session, as
   * {@code -bail} does, and closing the connection rolls back a transaction left open.
   *
   * @return {@code PRAGMA foreign_keys} at the end
   */
  static int runScript(TestDatabase db, List<String> statements) throws SQLException {
    try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA foreign_keys = ON");
      for (String sql : statements) {
        statement.execute(sql);
      }
      try (ResultSet result = statement.executeQuery("PRAGMA foreign_keys")) {
        result.next();
        return result.getInt(1);
      }
    }
  }

  /** {@link #contents}, for tests whose database reads must not throw checked exceptions. */
  static List<String> contentsOf(TestDatabase db) {
    try {
      return contents(db);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read " + db, e);
    }
  }

  /**
   * What migrations can change in a SQLite file, as lines: every schema object with its SQL,
   * every table's rows with their storage classes (the AUTOINCREMENT counters of
   * {@code sqlite_sequence} included), and the version table's records without their times.
   */
  static List<String> contents(TestDatabase db) throws SQLException {
    List<String> lines = new ArrayList<>(rows(db,
        "SELECT \"type\", \"name\", \"tbl_name\", \"sql\" FROM \"sqlite_master\" ORDER BY \"type\", \"name\""));
    for (String table : rows(db, "SELECT \"name\" FROM \"sqlite_master\" WHERE \"type\" = 'table'"
        + " AND \"name\" <> 'retort_version' ORDER BY \"name\"")) {
      lines.add("rows of " + table + ":");
      lines.addAll(rows(db, "SELECT * FROM \"" + table + "\" ORDER BY 1", true));
    }
    lines.add("versions:");
    lines.addAll(rows(db, "SELECT \"revision\", \"description\", \"checksum\" FROM \"retort_version\" ORDER BY 1"));
    return lines;
  }

  /** The rows of a query, each as its values separated by spaces. */
  static List<String> rows(TestDatabase db, String query) throws SQLException {
    return rows(db, query, false);
  }

  /**
   * The rows of a query, each as its values separated by spaces; with {@code classes}, each
   * value that is not text is followed by its Java class, which shows SQLite's storage class.
   */
  private static List<String> rows(TestDatabase db, String query, boolean classes) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = db.connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      ResultSetMetaData metadata = result.getMetaData();
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= metadata.getColumnCount(); i++) {
          Object value = result.getObject(i);
          values.add(!classes || value == null || value instanceof String
              ? String.valueOf(value) : value + "(" + value.getClass().getSimpleName() + ")");
        }
        rows.add(String.join(" ", values));
      }
    }
    return rows;
  }
}
