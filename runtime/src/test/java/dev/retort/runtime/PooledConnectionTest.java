package dev.retort.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.fixtures.Library;
import dev.retort.runtime.testdb.TestDatabase;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.sql.DataSource;
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
  private static final class ManualCommitPool implements DataSource {
    private final TestDatabase db;
    final List<Boolean> autoCommitOnReturn = new CopyOnWriteArrayList<>();

    ManualCommitPool(TestDatabase db) {
      this.db = db;
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection connection = db.connect();
      connection.setAutoCommit(false);
      return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
          (proxy, method, args) -> {
            if (method.getName().equals("close")) {
              autoCommitOnReturn.add(connection.getAutoCommit());
              if (!connection.getAutoCommit()) {
                connection.rollback();
              }
            }
            try {
              return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
