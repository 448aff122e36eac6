package dev.retort.runtime.internal.connect;

import java.sql.Connection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;

/**
 * Connections of an application's {@link Jdbi}: each is the connection of a handle, so that the
 * instance's plugins and handle callbacks see it as they see the application's own; giving the
 * connection back closes the handle. A class of its own so that JDBI is loaded only when the
 * application gives one.
 */
public final class JdbiConnections implements ConnectionSource {

  private final Jdbi jdbi;
  private final Map<Connection, Handle> open = new IdentityHashMap<>();

  /**
   * Wraps a JDBI instance.
   *
   * @param jdbi the instance
   */
  public JdbiConnections(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi == null");
  }

  @Override
  public Connection open() {
    Handle handle = jdbi.open();
    // The runtime ends its transactions itself, and leaves none open on a connection it gives back.
    handle.getConfig(Handles.class).setForceEndTransactions(false);
    Connection connection = handle.getConnection();
    synchronized (open) {
      open.put(connection, handle);
    }
    return connection;
  }

  @Override
  public void close(Connection connection) {
    Handle handle;
    synchronized (open) {
      handle = open.remove(connection);
    }
    if (handle == null) {
      throw new IllegalArgumentException("not a connection of this JDBI source: " + connection);
    }
    handle.close();
  }
}
