package dev.retort.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.fixtures.Library;
import dev.retort.runtime.testdb.LendingDataSource;
import dev.retort.runtime.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Connections from a pool come back as they were lent, whatever Retort did with them. */
class PooledConnectionTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void connectionsLentWithoutAutoCommitAreGivenBackWithoutAutoCommit(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      ManualCommitPool pool = new ManualCommitPool(db);
      Retort retort = Retort.builder().dataSource(pool).migrations(Library.revisions()).build();

      retort.upgrade();
      retort.downgrade("-1");
      retort.current();

      assertThat(Probe.appliedIds(db)).containsExactly("001", "002", "003");
      assertThat(pool.autoCommitOnReturn).isNotEmpty().containsOnly(false);
    }
  }

  /** Lends new connections with auto-commit off, as pools configured so do, and notes their mode when closed. */
  private static final class ManualCommitPool extends LendingDataSource {
    final List<Boolean> autoCommitOnReturn = new CopyOnWriteArrayList<>();

    ManualCommitPool(TestDatabase db) {
      super(db);
    }

    @Override
    protected void lend(Connection connection) throws SQLException {
      connection.setAutoCommit(false);
    }

    @Override
    protected void giveBack(Connection connection) throws SQLException {
      autoCommitOnReturn.add(connection.getAutoCommit());
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
    }
  }
}
