package dev.retort.runtime.internal.command;

import dev.retort.runtime.internal.connect.ConnectionSource;
import org.slf4j.LoggerFactory;

/**
 * What every command against a database needs later and nothing needs to wait for: loading the
 * JDBC driver and binding SLF4J to the application's logging backend. Each takes a cold JVM
 * tens of milliseconds; a daemon thread does both while the calling thread reads the revision
 * index and builds the history. In an application that has already initialised its logging, the
 * second part costs nothing.
 */
public final class WarmUp {

  private WarmUp() {}

  /**
   * Starts the warm-up and returns at once.
   *
   * @param connections where the command's connections will come from
   * @return the warming thread, a daemon that ends by itself
   */
  public static Thread start(ConnectionSource connections) {
    Thread warming = new Thread(() -> {
      connections.warmUp();
      try {
        LoggerFactory.getILoggerFactory();
      } catch (RuntimeException | LinkageError e) {
        // The command's first log call meets the same problem, where the application sees it.
      }
    }, "retort-warm-up");
    warming.setDaemon(true);
    warming.start();
    return warming;
  }
}
