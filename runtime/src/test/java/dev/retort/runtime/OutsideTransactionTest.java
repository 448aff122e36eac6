package dev.retort.runtime;

import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.varchar;
import static dev.retort.runtime.Codes.code;
import static dev.retort.runtime.Probe.appliedIds;
import static dev.retort.runtime.Probe.retort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.Migration;
import dev.retort.RevisionInfo;
import dev.retort.dsl.Schema;
import dev.retort.runtime.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PostgreSQL statements that cannot run in a transaction: {@code CREATE INDEX CONCURRENTLY}. */
class OutsideTransactionTest {

  @Test
  void aConcurrentIndexIsCreatedAndDroppedOutsideTheMigrationsTransaction() throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
      Retort retort = retort(db, List.of(items(), Retort.revision("2", List.of("1"), IndexConcurrently::new)));

      retort.upgrade();

      assertThat(appliedIds(db)).containsExactly("1", "2");
      assertThat(indexExists(db, "ix_items_name")).isTrue();

      retort.downgrade("1");

      assertThat(appliedIds(db)).containsExactly("1");
      assertThat(indexExists(db, "ix_items_name")).isFalse();
    }
  }

  @Test
  void aFailureAfterAConcurrentIndexSaysTheIndexStays() throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
      Retort retort = retort(db, List.of(items(), Retort.revision("2", List.of("1"), IndexThenFail::new)));

      assertThatThrownBy(retort::upgrade)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.MIGRATION_FAILED))
          .hasMessageContaining("failed at statement 3 of 3")
          .hasMessageContaining("ran outside a transaction, so the database is now partially migrated")
          .hasMessageContaining("statements 1 to 2 of revision 2 took effect")
          .hasMessageContaining("CREATE INDEX CONCURRENTLY");

      assertThat(appliedIds(db)).containsExactly("1");
      assertThat(indexExists(db, "ix_items_name")).isTrue();
    }
  }

  private static RevisionInfo items() {
    return Retort.revision("1", List.of(), CreateItems::new);
  }

  private static boolean indexExists(TestDatabase db, String name) throws SQLException {
    try (Connection connection = db.connect();
        PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_indexes WHERE indexname = ?")) {
      statement.setString(1, name);
      try (ResultSet result = statement.executeQuery()) {
        return result.next();
      }
    }
  }

  /** Creates {@code items}. */
  public static final class CreateItems implements Migration {
    @Override
    public void upgrade(Schema schema) {
      schema.createTable("items", t -> t
          .column("id", bigint(), notNull())
          .column("name", varchar(50))
          .primaryKey("pk_items", "id"));
    }

    @Override
    public void downgrade(Schema schema) {
      schema.dropTable("items");
    }
  }

  /** Indexes {@code items.name} concurrently. */
  public static final class IndexConcurrently implements Migration {
    @Override
    public void upgrade(Schema schema) {
      schema.alterTable("items", t -> t.createIndexConcurrently("ix_items_name", "name"));
    }

    @Override
    public void downgrade(Schema schema) {
      schema.alterTable("items", t -> t.dropIndexConcurrently("ix_items_name"));
    }
  }

  /** Updates rows, indexes concurrently, then fails. */
  public static final class IndexThenFail implements Migration {
    @Override
    public void upgrade(Schema schema) {
      schema.execute("INSERT INTO \"items\" (\"id\", \"name\") VALUES (1, 'one')");
      schema.alterTable("items", t -> t.createIndexConcurrently("ix_items_name", "name"));
      schema.execute("DROP TABLE \"no_such_table\"");
    }

    @Override
    public void downgrade(Schema schema) {
      schema.alterTable("items", t -> t.dropIndex("ix_items_name"));
    }
  }
}
