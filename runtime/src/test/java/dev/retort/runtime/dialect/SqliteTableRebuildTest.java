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
import dev.retort.runtime.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
  void refusesToRebuildATableThatATriggerDependsOn() throws Exception {
    migrator.execute("CREATE TRIGGER \"customer_named\" AFTER UPDATE ON \"customer\" BEGIN SELECT 1; END");

    assertThatThrownBy(() -> migrator.apply(new Schema().alterTable("customer",
        t -> t.alterColumn("name", c -> c.dropNotNull()))))
        .isInstanceOf(SQLException.class)
        .hasMessage("cannot rebuild table customer on SQLite: the rebuild (create a new table, copy the rows, drop"
            + " the old table, rename) would drop or break what depends on it (trigger customer_named); drop those"
            + " in an earlier step of the migration and create them again after this change");
    assertThat(migrator.differences()).isEmpty();
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
      assertThat(restore).isSameAs(Dialect.SessionRestore.NOTHING);
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
