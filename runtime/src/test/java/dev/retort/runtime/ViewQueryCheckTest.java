package dev.retort.runtime;

import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.integer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.Migration;
import dev.retort.RevisionInfo;
import dev.retort.dsl.Schema;
import dev.retort.runtime.testdb.LendingDataSource;
import dev.retort.runtime.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code check} compares views' queries on PostgreSQL, and says when it could not. */
class ViewQueryCheckTest {

  /** Creates {@code orders} and the view {@code big_orders} over it. */
  public static final class Orders implements Migration {
    @Override
    public void upgrade(Schema schema) {
      schema.createTable("orders", t -> t
          .column("id", bigint(), notNull())
          .column("total", integer())
          .primaryKey("pk_orders", "id"));
      schema.createView("big_orders", "SELECT id, total FROM orders WHERE total > 100");
    }

    @Override
    public void downgrade(Schema schema) {
      schema.dropView("big_orders");
      schema.dropTable("orders");
    }
  }

  private static final List<RevisionInfo> REVISIONS = List.of(Retort.revision("001", List.of(), Orders::new));

  @Test
  void aViewReplacedByHandFailsCheckWithBothQueries() {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
      Retort retort = Probe.retort(db, REVISIONS);
      retort.upgrade();
      assertThat(retort.check().matches()).isTrue();

      Probe.execute(db, "CREATE OR REPLACE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 5000");

      CheckResult check = retort.check();
      assertThat(check.matches()).isFalse();
      assertThat(check.differences()).singleElement().asString()
          .startsWith("view big_orders has another query in the database than in the model")
          .contains("5000").contains("100");
    }
  }

  @Test
  void onAReadOnlyConnectionOnlyTheNamesAreComparedAndANoteSaysSo() {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
      Probe.retort(db, REVISIONS).upgrade();
      Probe.execute(db, "CREATE OR REPLACE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 5000");

      CheckResult check = Retort.builder().dataSource(new ReadOnly(db)).migrations(REVISIONS).build().check();

      assertThat(check.differences()).isEmpty();
      assertThat(check.notes()).singleElement().asString()
          .startsWith("the views' queries were not compared with the model's, only their names")
          .contains("read-only transaction");
    }
  }

  /** Lends read-only connections, as a replica's pool does. */
  private static final class ReadOnly extends LendingDataSource {
    ReadOnly(TestDatabase db) {
      super(db);
    }

    @Override
    protected void lend(Connection connection) throws SQLException {
      connection.setReadOnly(true);
    }

    @Override
    protected void giveBack(Connection connection) {}
  }
}
