package dev.retort.runtime.dialect;

import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.integer;
import static dev.retort.model.ColumnType.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.dsl.Schema;
import dev.retort.model.CheckModel;
import dev.retort.runtime.testdb.TestDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A column renamed on real SQLite, then its table rebuilt: the rebuild creates the table from the
 * model, so the model's checks must name the column by its new name. A double-quoted name that
 * is no column would be read by SQLite as a string literal, and the check would hold for every row.
 */
class SqliteRenamedColumnCheckTest {

  private TestDatabase database;
  private Migrator migrator;

  @BeforeEach
  void createProducts() throws Exception {
    database = TestDatabase.create(TestDatabase.Kind.SQLITE);
    migrator = Migrator.open(database);
    migrator.apply(new Schema().createTable("product", t -> t
        .column("id", integer(), notNull())
        .column("code", varchar(20), notNull())
        .column("name", varchar(50))
        .primaryKey("pk_product", "id")
        .check("ck_product_code_set", "\"code\" <> 'code'")
        .check("ck_product_code_short", "length(code) <= 10")));
    migrator.execute("INSERT INTO \"product\" VALUES (1, 'a1', 'apple')");
  }

  @AfterEach
  void close() throws Exception {
    migrator.close();
    database.close();
  }

  @Test
  void theChecksOfARenamedColumnStillHoldAfterTheTableIsRebuilt() throws Exception {
    migrator.apply(new Schema().alterTable("product", t -> t.renameColumn("code", "sku")));
    migrator.apply(new Schema().alterTable("product",
        t -> t.alterColumn("name", c -> c.type(varchar(50), varchar(80)))));

    assertThat(migrator.model().table("product").orElseThrow().checks()).containsExactly(
        new CheckModel("ck_product_code_set", "\"sku\" <> 'code'"),
        new CheckModel("ck_product_code_short", "length(sku) <= 10"));
    assertThat(tableSql()).contains("\"name\" VARCHAR(80)")
        .contains("CHECK (\"sku\" <> 'code')")
        .contains("CHECK (length(sku) <= 10)");
    assertThat(migrator.differences()).isEmpty();
    assertThatThrownBy(() -> migrator.execute("INSERT INTO \"product\" VALUES (2, 'code', 'cherry')"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("ck_product_code_set");
    assertThatThrownBy(() -> migrator.execute("INSERT INTO \"product\" VALUES (3, 'much-too-long', 'date')"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("ck_product_code_short");
    migrator.execute("INSERT INTO \"product\" VALUES (4, 'b2', 'banana')");
    assertThat(single("SELECT COUNT(*) FROM \"product\"")).isEqualTo(2);
  }

  @Test
  void aColumnThatACheckUsesIsDroppedOnceTheCheckIsDropped() throws Exception {
    migrator.apply(new Schema().alterTable("product", t -> t
        .dropCheck("ck_product_code_set")
        .dropCheck("ck_product_code_short")
        .dropColumn("code")));

    assertThat(migrator.model().table("product").orElseThrow().checks()).isEmpty();
    assertThat(tableSql()).doesNotContain("code");
    assertThat(migrator.differences()).isEmpty();
  }

  private String tableSql() throws SQLException {
    try (Statement statement = migrator.connection().createStatement();
        ResultSet rows = statement.executeQuery("SELECT sql FROM sqlite_master WHERE name = 'product'")) {
      assertThat(rows.next()).isTrue();
      return rows.getString(1);
    }
  }

  private int single(String sql) throws SQLException {
    try (Statement statement = migrator.connection().createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      assertThat(rows.next()).isTrue();
      return rows.getInt(1);
    }
  }
}
