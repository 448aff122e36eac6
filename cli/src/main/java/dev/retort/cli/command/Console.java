package dev.retort.cli.command;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;

/**
 * What a command runs in: where it prints, the environment variables it reads its database
 * settings from, and the class loader that holds the application's migrations and JDBC driver.
 *
 * @param out where results go
 * @param err where errors go
 * @param environment the environment variables
 * @param classLoader finds the revision index, the snapshots and the JDBC drivers
 */
public record Console(PrintWriter out, PrintWriter err, Map<String, String> environment, ClassLoader classLoader) {

  /** Validates and copies the components. */
  public Console {
    Objects.requireNonNull(out, "out == null");
    Objects.requireNonNull(err, "err == null");
    environment = Map.copyOf(environment);
    Objects.requireNonNull(classLoader, "classLoader == null");
  }
}
