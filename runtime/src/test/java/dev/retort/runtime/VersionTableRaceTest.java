package dev.retort.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.fixtures.Library;
import dev.retort.runtime.testdb.LendingDataSource;
import dev.retort.runtime.testdb.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A command reads the version table before it takes the lock; another process may create the table between that
 * read, which finds none, and the look-up that tells "no table" from "a table that cannot be read". The command then
 * reads the table again instead of failing.
 */
class VersionTableRaceTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aVersionTableCreatedBetweenTheReadAndTheLookUpIsReadAgain(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      AtomicBoolean raced = new AtomicBoolean();
      DataSource racing = new RacingDataSource(db, () -> {
        if (raced.compareAndSet(false, true)) {
          Probe.retort(db, Library.revisions()).upgrade("002");
        }
      });

      Current current = Retort.builder().dataSource(racing).migrations(Library.revisions()).build().current();

      assertThat(raced).isTrue();
      assertThat(current.revisions()).containsExactly("002");
    }
  }

  /**
   * Connections whose first read of the version table runs {@code meanwhile} (another process creating the table)
   * and then fails as a read of a table that did not exist yet.
   */
  private static final class RacingDataSource extends LendingDataSource {
    private final TestDatabase db;
    private final Runnable meanwhile;

    RacingDataSource(TestDatabase db, Runnable meanwhile) {
      super(db);
      this.db = db;
      this.meanwhile = meanwhile;
    }

    @Override
    protected void lend(Connection connection) {}

    @Override
    protected void giveBack(Connection connection) {}

    @Override
    public Connection getConnection() throws SQLException {
      Connection connection = super.getConnection();
      return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
          (proxy, method, args) -> {
            Object result = invoke(method, connection, args);
            if (method.getName().equals("createStatement") && result instanceof Statement statement) {
              return racing(statement);
            }
            return result;
          });
    }

    private Statement racing(Statement statement) {
      return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
          (proxy, method, args) -> {
            if (method.getName().equals("executeQuery") && String.valueOf(args[0]).contains("retort_version")
                && !Probe.tableExists(db, "retort_version")) {
              meanwhile.run();
              throw new SQLException("table retort_version not found (it did not exist when the read began)");
            }
            return invoke(method, statement, args);
          });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
