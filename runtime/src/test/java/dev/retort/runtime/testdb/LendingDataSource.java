package dev.retort.runtime.testdb;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that lends a new connection to a {@link TestDatabase} for every request, as a
 * pool does, and lets a test set each connection up when it is lent and look at it when it is
 * given back (closed), before it really closes.
 */
public abstract class LendingDataSource implements DataSource {

  private final TestDatabase db;

  protected LendingDataSource(TestDatabase db) {
    this.db = db;
  }

  /** Sets up a connection before it is lent, as a configured pool does. */
  protected abstract void lend(Connection connection) throws SQLException;

  /** Looks at a connection that is given back, before it closes. */
  protected abstract void giveBack(Connection connection) throws SQLException;

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection = db.connect();
    lend(connection);
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            giveBack(connection);
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
