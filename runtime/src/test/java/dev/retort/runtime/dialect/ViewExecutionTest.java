package dev.retort.runtime.dialect;

import static dev.retort.dsl.ColumnOption.identity;
import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.integer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.dsl.Schema;
import dev.retort.model.SchemaDiff;
import dev.retort.model.SchemaModel;
import dev.retort.operation.CreateView;
import dev.retort.operation.DropView;
import dev.retort.operation.Operation;
import dev.retort.runtime.dialect.inspect.Difference;
import dev.retort.runtime.testdb.TestDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Views on the real databases: created and dropped with their queries as written, seen by {@code
 * check}, and kept working through a generated migration that changes the table they read, which
 * drops them before the change and creates them again after it.
 */
class ViewExecutionTest {

  /**
   * The view's query, its names quoted as the database quotes them: H2 reads unquoted names in
   * upper case, and MariaDB reads {@code "orders"} as a string.
   */
  private static String query(Dialect dialect) {
    return "SELECT " + dialect.quote("id") + ", " + dialect.quote("total") + " FROM " + dialect.quote("orders")
        + " WHERE " + dialect.quote("total") + " > 100";
  }

  private static String insert(Dialect dialect, long total) {
    return "INSERT INTO " + dialect.quote("orders") + " (" + dialect.quote("total") + ") VALUES (" + total + ")";
  }

  private static Schema orders() {
    return new Schema().createTable("orders", t -> t
        .column("id", bigint(), identity())
        .column("total", integer())
        .primaryKey("pk_orders", "id"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void createsAndDropsAViewThatCheckSees(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      Dialect dialect = migrator.dialect();
      migrator.apply(orders());
      migrator.execute(insert(dialect, 50L));
      migrator.execute(insert(dialect, 150L));

      migrator.apply(new Schema().createView("big orders", query(dialect)));

      assertThat(migrator.differences()).isEmpty();
      assertThat(rows(migrator, "SELECT " + dialect.quote("total") + " FROM " + dialect.quote("big orders"))).containsExactly("150");

      migrator.execute("DROP VIEW " + dialect.quote("big orders"));
      assertThat(migrator.differences()).extracting(Difference::toString)
          .containsExactly("view big orders is missing");
      migrator.execute("CREATE VIEW " + dialect.quote("big orders") + " AS " + query(dialect));

      migrator.apply(new Schema().dropView("big orders"));
      assertThat(migrator.differences()).isEmpty();
      migrator.execute("CREATE VIEW " + dialect.quote("stray") + " AS SELECT 1 AS one");
      assertThat(migrator.differences()).extracting(Difference::toString)
          .containsExactly("view stray is in the database but not in the model");
    }
  }

  /** PostgreSQL and SQLite compare a view's query: one replaced by hand is a difference that shows both. */
  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"SQLITE", "POSTGRESQL"})
  void aViewReplacedByHandWithAnotherQueryIsADifference(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      Dialect dialect = migrator.dialect();
      migrator.apply(orders().createView("big orders", query(dialect)));
      assertThat(migrator.differences()).isEmpty();

      migrator.execute("DROP VIEW " + dialect.quote("big orders"));
      migrator.execute("CREATE VIEW " + dialect.quote("big orders") + " AS " + query(dialect).replace("100", "1000"));

      assertThat(migrator.differences()).extracting(Difference::toString).singleElement().asString()
          .startsWith("view big orders has another query in the database than in the model: the database's is ")
          .contains("> 1000, the model's ")
          .endsWith("> 100");
      assertThat(migrator.connection().getAutoCommit()).as("the connection's mode is left as it was").isTrue();
    }
  }

  /**
   * PostgreSQL spells the model's query its own way before comparing, so that a query written otherwise (case,
   * quotes, parentheses, white space) is the same query; nothing the comparison does stays in the database.
   */
  @Test
  void onPostgresqlAQueryWrittenOtherwiseIsTheSameQuery() throws Exception {
    try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
        Migrator migrator = Migrator.open(database)) {
      Dialect dialect = migrator.dialect();
      migrator.apply(orders().createView("big_orders", query(dialect)));

      migrator.execute("CREATE OR REPLACE VIEW big_orders AS\n  select id,\n total from orders where ((total > 100))");

      assertThat(migrator.differences()).isEmpty();
      assertThat(rows(migrator, "SELECT count(*) FROM pg_class WHERE relname = 'retort_check_view'"))
          .containsExactly("0");
    }
  }

  /** A view whose query the database spells from the model's and fails: the model's query no longer runs there. */
  @Test
  void onPostgresqlAModelQueryThatNoLongerRunsIsADifference() throws Exception {
    try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
        Migrator migrator = Migrator.open(database)) {
      Dialect dialect = migrator.dialect();
      migrator.apply(orders().createView("big_orders", query(dialect)));

      migrator.execute("CREATE OR REPLACE VIEW big_orders AS SELECT id, total FROM orders");
      migrator.execute("ALTER TABLE orders RENAME COLUMN total TO amount");

      assertThat(migrator.differences()).extracting(Difference::toString)
          .contains("view big_orders has a query that the model's does not match: the model's query fails on the"
              + " database (column \"total\" does not exist)");
    }
  }

  /**
   * A column retyped under a view: PostgreSQL refuses {@code ALTER COLUMN TYPE} while a view reads
   * the column, so the generated migration drops the view first and creates it again last; the
   * view works after the upgrade and after the downgrade on every database.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aGeneratedMigrationRetypesAColumnUnderAView(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      Dialect dialect = migrator.dialect();
      migrator.apply(orders().createView("big_orders", query(dialect)));
      migrator.execute(insert(dialect, 150L));
      SchemaModel before = migrator.model();
      SchemaModel after = before.apply(new Schema().alterTable("orders", t -> t
          .alterColumn("total", c -> c.type(integer(), bigint()))).operations().get(0));

      List<Operation> upgrade = SchemaDiff.diff(before, after);

      assertThat(upgrade.get(0)).isEqualTo(new DropView("big_orders"));
      assertThat(upgrade.get(upgrade.size() - 1)).isInstanceOf(CreateView.class);
      if (kind == TestDatabase.Kind.POSTGRESQL) {
        assertThatThrownBy(() -> migrator.apply(upgrade.subList(1, upgrade.size() - 1)))
            .as("PostgreSQL refuses to retype a column a view reads")
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("view");
      }
      migrator.apply(upgrade);
      assertThat(migrator.differences()).isEmpty();
      migrator.execute(insert(dialect, 3000000000L));
      assertThat(rows(migrator, "SELECT " + dialect.quote("total") + " FROM " + dialect.quote("big_orders") + " ORDER BY 1"))
          .containsExactly("150", "3000000000");

      migrator.execute("DELETE FROM " + dialect.quote("orders") + " WHERE " + dialect.quote("total") + " > 2000000000");
      migrator.apply(SchemaDiff.diff(after, before));
      assertThat(migrator.differences()).isEmpty();
      assertThat(rows(migrator, "SELECT " + dialect.quote("total") + " FROM " + dialect.quote("big_orders"))).containsExactly("150");
    }
  }

  /**
   * A view survives a change of its table that does not go through the differ: SQLite rebuilds the
   * table under it, and the other databases alter it in place.
   */
  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "SQLITE", "MARIADB"})
  void aViewSurvivesAChangeOfItsTableMadeUnderIt(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      Dialect dialect = migrator.dialect();
      migrator.apply(orders().createView("big_orders", query(dialect)));
      migrator.execute(insert(dialect, 150L));

      migrator.apply(new Schema().alterTable("orders", t -> t
          .addCheck("ck_orders_total", dialect.quote("total") + " >= 0")
          .alterColumn("total", c -> c.type(integer(), bigint()))));

      assertThat(migrator.differences()).isEmpty();
      assertThat(rows(migrator, "SELECT " + dialect.quote("total") + " FROM " + dialect.quote("big_orders"))).containsExactly("150");
    }
  }

  private static List<String> rows(Migrator migrator, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = migrator.connection().createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        rows.add(result.getString(1));
      }
    }
    return rows;
  }
}
