package dev.retort.runtime.dialect;

import static dev.retort.ReferentialAction.CASCADE;
import static dev.retort.dsl.ColumnOption.identity;
import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.integer;
import static dev.retort.model.ColumnType.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.dsl.Schema;
import dev.retort.runtime.dialect.inspect.Difference;
import dev.retort.runtime.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SQLite's table rebuild on a real SQLite database whose connections enforce foreign keys. */
class SqliteTableRebuildTest {

  private TestDatabase database;
  private Migrator migrator;

  @BeforeEach
  void createShop() throws Exception {
    database = TestDatabase.create(TestDatabase.Kind.SQLITE);
    migrator = Migrator.open(database);
    migrator.apply(new Schema()
        .createTable("customer", t -> t
            .column("id", bigint(), identity())
            .column("name", varchar(50), notNull())
            .primaryKey("pk_customer", "id"))
        .createTable("order", t -> t
            .column("id", integer(), notNull())
            .column("customer_id", bigint(), notNull())
            .primaryKey("pk_order", "id")
            .foreignKey("fk_order_customer", fk -> fk.columns("customer_id").references("customer", "id")
                .onDelete(CASCADE))));
    migrator.execute("INSERT INTO \"customer\" (\"name\") VALUES ('ann'), ('bob'), ('cy')");
    migrator.execute("DELETE FROM \"customer\" WHERE \"id\" = 3");
    migrator.execute("INSERT INTO \"order\" VALUES (10, 1), (11, 2)");
  }

  @AfterEach
  void dropShop() throws Exception {
    migrator.close();
    database.close();
  }

  @Test
  void keepsTheRowsOfAReferencedTableAndNeverReusesItsIds() throws Exception {
    migrator.apply(new Schema().alterTable("customer",
        t -> t.alterColumn("name", c -> c.type(varchar(50), varchar(80)))));

    assertThat(migrator.differences()).isEmpty();
    assertThat(count("order")).isEqualTo(2);
    migrator.execute("INSERT INTO \"customer\" (\"name\") VALUES ('dee')");
    assertThat(single("SELECT MAX(\"id\") FROM \"customer\"")).isEqualTo(4);
    migrator.execute("DELETE FROM \"customer\" WHERE \"id\" = 1");
    assertThat(count("order")).as("the cascade still deletes orders").isEqualTo(1);
  }

  @Test
  void failsAndChangesNothingWhenAnAddedForeignKeyDoesNotHold() throws Exception {
    migrator.apply(new Schema()
        .createTable("tag", t -> t.column("id", integer(), notNull()).primaryKey("pk_tag", "id"))
        .alterTable("order", t -> t.addColumn("tag_id", integer())));
    migrator.execute("UPDATE \"order\" SET \"tag_id\" = 99");

    assertThatThrownBy(() -> migrator.apply(new Schema().alterTable("order",
        t -> t.addForeignKey("fk_order_tag", fk -> fk.columns("tag_id").references("tag", "id")))))
        .isInstanceOf(SQLException.class)
        .hasMessage("after rebuilding table order on SQLite, 2 row(s) break foreign keys: order row 10 references"
            + " a missing tag row; order row 11 references a missing tag row. Fix those rows (or the migration)"
            + " and run it again");

    assertThat(migrator.differences()).isEmpty();
    assertThat(count("order")).isEqualTo(2);
  }

  @Test
  void refusesToRebuildAReferencedTableWhileForeignKeysAreEnforced() throws Exception {
    Step first = migrator.dialect().render(new Schema().alterTable("customer",
        t -> t.alterColumn("name", c -> c.dropNotNull())).operations().get(0), migrator.model()).get(0);
    assertThat(first).isInstanceOf(Step.Callback.class);

    assertThatThrownBy(() -> ((Step.Callback) first).step().body().run(migrator.connection()))
        .isInstanceOf(SQLException.class)
        .hasMessageStartingWith("cannot rebuild table customer on SQLite while foreign keys are enforced:"
            + " dropping the old table would delete its rows first, cascading into or failing on order.");
  }

  @Test
  void rebuildsATableNamedOrderWhileAViewOfAnotherTableSaysOrderBy() throws Exception {
    migrator.execute("CREATE VIEW \"customer_names\" AS SELECT \"name\" FROM \"customer\" ORDER BY \"name\" DESC");
    List<String> views = rows("SELECT \"name\", \"sql\" FROM \"sqlite_master\" WHERE \"type\" = 'view'");

    migrator.apply(rebuildOrder());

    // A view made outside the migrations is one that check reports.
    assertThat(migrator.differences()).extracting(Difference::toString)
        .containsExactly("view customer_names is in the database but not in the model");
    assertThat(rows("SELECT \"name\", \"sql\" FROM \"sqlite_master\" WHERE \"type\" = 'view'")).isEqualTo(views);
    assertThat(rows("SELECT * FROM \"customer_names\"")).containsExactly("bob", "ann");
    assertThat(rows("SELECT \"id\", \"customer_id\" FROM \"order\" ORDER BY \"id\"")).containsExactly("10 1", "11 2");
  }

  @Test
  void theTriggersOfTheRebuiltTableFireAfterItInTheOrderTheyDidBefore() throws Exception {
    migrator.execute("CREATE TABLE \"order_log\" (\"seq\" INTEGER PRIMARY KEY, \"entry\" TEXT)");
    migrator.execute("CREATE TRIGGER \"order_placed\" AFTER INSERT ON \"order\""
        + " BEGIN INSERT INTO \"order_log\" (\"entry\") VALUES ('placed ' || NEW.\"id\"); END");
    migrator.execute("CREATE TRIGGER \"order_counted\" AFTER INSERT ON \"order\""
        + " BEGIN INSERT INTO \"order_log\" (\"entry\") VALUES ('counted ' || NEW.\"id\"); END");
    migrator.execute("CREATE TRIGGER \"order_moved\" AFTER UPDATE OF \"customer_id\" ON \"order\""
        + " BEGIN INSERT INTO \"order_log\" (\"entry\") VALUES ('moved ' || NEW.\"id\"); END");
    migrator.execute("INSERT INTO \"order\" VALUES (12, 1)");
    List<String> firedBefore = rows("SELECT \"entry\" FROM \"order_log\" ORDER BY \"seq\"");
    List<String> triggers = rows("SELECT \"name\", \"tbl_name\", \"sql\" FROM \"sqlite_master\""
        + " WHERE \"type\" = 'trigger' ORDER BY \"name\"");
    migrator.execute("DELETE FROM \"order_log\"");

    migrator.apply(rebuildOrder());

    assertThat(rows("SELECT \"name\", \"tbl_name\", \"sql\" FROM \"sqlite_master\" WHERE \"type\" = 'trigger'"
        + " ORDER BY \"name\"")).isEqualTo(triggers);
    assertThat(rows("SELECT COUNT(*) FROM \"order_log\"")).as("copying the rows fires no trigger").containsExactly("0");
    migrator.execute("INSERT INTO \"order\" VALUES (13, 1)");
    migrator.execute("UPDATE \"order\" SET \"customer_id\" = 2 WHERE \"id\" = 13");
    assertThat(rows("SELECT \"entry\" FROM \"order_log\" ORDER BY \"seq\""))
        .containsExactly(firedBefore.get(0).replace("12", "13"), firedBefore.get(1).replace("12", "13"), "moved 13");
  }

  @Test
  void aViewOfTheRebuiltTableAndAViewOfThatViewStillReturnTheRows() throws Exception {
    migrator.execute("CREATE VIEW \"big_orders\" AS SELECT \"id\", \"customer_id\" FROM [order] WHERE \"id\" > 10");
    migrator.execute("CREATE VIEW \"big_order_ids\" AS SELECT \"id\" FROM \"big_orders\"");

    migrator.apply(rebuildOrder());

    assertThat(rows("SELECT * FROM \"big_orders\"")).containsExactly("11 2");
    assertThat(rows("SELECT * FROM \"big_order_ids\"")).containsExactly("11");
    migrator.execute("INSERT INTO \"order\" VALUES (12, 1)");
    assertThat(rows("SELECT * FROM \"big_order_ids\" ORDER BY 1")).containsExactly("11", "12");
  }

  @Test
  void aTriggerOfAnotherTableThatWritesTheRebuiltTableStillWorks() throws Exception {
    migrator.execute("CREATE TRIGGER \"first_order\" AFTER INSERT ON \"customer\""
        + " BEGIN INSERT INTO \"order\" (\"id\", \"customer_id\") VALUES (100 + NEW.\"id\", NEW.\"id\"); END");

    migrator.apply(rebuildOrder());

    migrator.execute("INSERT INTO \"customer\" (\"name\") VALUES ('dee')");
    assertThat(rows("SELECT \"id\", \"customer_id\" FROM \"order\" WHERE \"id\" > 100")).containsExactly("104 4");
  }

  @Test
  void aViewThatWasBrokenBeforeTheRebuildDoesNotFailItAndIsLeftAsItWas() throws Exception {
    migrator.execute("CREATE VIEW \"orders_with_notes\" AS SELECT \"order\".\"id\", \"note\".\"text\""
        + " FROM \"order\" JOIN \"note\" ON \"note\".\"order_id\" = \"order\".\"id\"");
    List<String> views = rows("SELECT \"name\", \"sql\" FROM \"sqlite_master\" WHERE \"type\" = 'view'");

    migrator.apply(rebuildOrder());

    assertThat(rows("SELECT \"name\", \"sql\" FROM \"sqlite_master\" WHERE \"type\" = 'view'")).isEqualTo(views);
    assertThat(migrator.differences()).extracting(Difference::toString)
        .containsExactly("view orders_with_notes is in the database but not in the model");
  }

  @Test
  void theTriggersAndViewsOfATableInAnAttachedDatabaseAreCreatedAgainThere() throws Exception {
    migrator.execute("ATTACH DATABASE '" + database.url().substring("jdbc:sqlite:".length())
        + "-billing' AS \"billing\"");
    migrator.apply(new Schema().createTable("invoice", t -> t
        .inSchema("billing")
        .column("id", integer(), notNull())
        .column("amount", integer(), notNull())
        .primaryKey("pk_invoice", "id")));
    migrator.execute("CREATE TABLE \"billing\".\"invoice_log\" (\"id\" INTEGER)");
    migrator.execute("CREATE TRIGGER \"billing\".\"invoice_logged\" AFTER INSERT ON \"invoice\""
        + " BEGIN INSERT INTO \"invoice_log\" VALUES (NEW.\"id\"); END");
    migrator.execute("CREATE VIEW \"billing\".\"invoice_amounts\" AS SELECT \"amount\" FROM \"invoice\"");

    migrator.apply(new Schema().alterTable("invoice", t -> t.alterColumn("amount", c -> c.dropNotNull())));

    assertThat(rows("SELECT \"type\", \"name\" FROM \"billing\".\"sqlite_master\" WHERE \"type\" IN ('trigger', 'view')"
        + " ORDER BY \"name\"")).containsExactly("view invoice_amounts", "trigger invoice_logged");
    assertThat(rows("SELECT COUNT(*) FROM \"sqlite_master\" WHERE \"type\" = 'trigger'")).containsExactly("0");
    migrator.execute("INSERT INTO \"billing\".\"invoice\" VALUES (7, 70)");
    assertThat(rows("SELECT * FROM \"billing\".\"invoice_log\"")).containsExactly("7");
    assertThat(rows("SELECT * FROM \"billing\".\"invoice_amounts\"")).containsExactly("70");
  }

  @Test
  void aTriggerNamedByAStringLiteralIsCreatedAgainUnderThatNameInItsSchema() throws Exception {
    migrator.execute("ATTACH DATABASE '" + database.url().substring("jdbc:sqlite:".length())
        + "-billing' AS \"billing\"");
    migrator.apply(new Schema().createTable("invoice", t -> t
        .inSchema("billing")
        .column("id", integer(), notNull())
        .column("amount", integer(), notNull())
        .primaryKey("pk_invoice", "id")));
    migrator.execute("CREATE TABLE \"billing\".\"invoice_log\" (\"id\" INTEGER)");
    migrator.execute("CREATE TRIGGER \"billing\".'invoice_logged' AFTER INSERT ON \"invoice\""
        + " BEGIN INSERT INTO \"invoice_log\" VALUES (NEW.\"id\"); END");
    List<String> triggers = rows("SELECT \"name\", \"sql\" FROM \"billing\".\"sqlite_master\""
        + " WHERE \"type\" = 'trigger'");
    assertThat(triggers).singleElement().asString().startsWith("invoice_logged CREATE TRIGGER 'invoice_logged' ");

    migrator.apply(new Schema().alterTable("invoice", t -> t.alterColumn("amount", c -> c.dropNotNull())));

    assertThat(rows("SELECT \"name\", \"sql\" FROM \"billing\".\"sqlite_master\" WHERE \"type\" = 'trigger'"))
        .isEqualTo(triggers);
    migrator.execute("INSERT INTO \"billing\".\"invoice\" VALUES (7, NULL)");
    assertThat(rows("SELECT * FROM \"billing\".\"invoice_log\"")).containsExactly("7");
  }

  @Test
  void aMigrationLeavesLegacyAlterTableOffAndARestoreSetsItBackAsItWas() throws Exception {
    migrator.apply(rebuildOrder());
    assertThat(single("PRAGMA legacy_alter_table")).as("after a rebuild").isZero();

    migrator.execute("PRAGMA legacy_alter_table = ON");
    try (Dialect.SessionRestore restore = migrator.dialect().prepareConnection(migrator.connection())) {
      assertThat(single("PRAGMA legacy_alter_table")).as("while migrating").isZero();
      migrator.execute("PRAGMA legacy_alter_table = OFF");
    }
    assertThat(single("PRAGMA legacy_alter_table")).as("restored").isEqualTo(1);

    migrator.execute("PRAGMA legacy_alter_table = OFF");
    try (Dialect.SessionRestore restore = migrator.dialect().prepareConnection(migrator.connection())) {
      migrator.execute("PRAGMA legacy_alter_table = ON");
    }
    assertThat(single("PRAGMA legacy_alter_table")).as("off again after a rebuild failed at its rename").isZero();
  }

  @Test
  void preparingAConnectionTurnsForeignKeysOffUntilItIsRestored() throws Exception {
    Connection connection = migrator.connection();
    try (Dialect.SessionRestore restore = migrator.dialect().prepareConnection(connection)) {
      assertThat(single("PRAGMA foreign_keys")).isZero();
    }
    assertThat(single("PRAGMA foreign_keys")).isEqualTo(1);

    migrator.execute("PRAGMA foreign_keys = OFF");
    try (Dialect.SessionRestore restore = migrator.dialect().prepareConnection(connection)) {
      assertThat(single("PRAGMA foreign_keys")).isZero();
    }
    assertThat(single("PRAGMA foreign_keys")).isZero();
  }

  @Test
  void refusesToPrepareAConnectionInsideATransaction() throws Exception {
    Connection connection = migrator.connection();
    connection.setAutoCommit(false);
    try {
      assertThatThrownBy(() -> migrator.dialect().prepareConnection(connection))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("prepare the SQLite connection before the migration's transaction begins: SQLite ignores"
              + " PRAGMA foreign_keys inside a transaction");
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /** A change that SQLite makes by rebuilding {@code order}. */
  private static Schema rebuildOrder() {
    return new Schema().alterTable("order", t -> t.alterColumn("customer_id", c -> c.dropNotNull()));
  }

  /** The rows of a query, each as its values separated by spaces. */
  private List<String> rows(String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = migrator.connection().createStatement();
        ResultSet result = statement.executeQuery(query)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          values.add(result.getString(i));
        }
        rows.add(String.join(" ", values));
      }
    }
    return rows;
  }

  private int count(String table) throws SQLException {
    return single("SELECT COUNT(*) FROM \"" + table + "\"");
  }

  private int single(String sql) throws SQLException {
    try (Statement statement = migrator.connection().createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getInt(1);
    }
  }
}
