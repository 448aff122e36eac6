package dev.retort.bench.tool;

import dev.retort.bench.measure.ChildReport;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.Retort;
import java.util.Map;

/**
 * An application start with Retort: brings the database to head with the migrations of the
 * generated revision index on the class path, as an application does at start-up.
 * Arguments: JDBC URL, user, password.
 */
public final class RetortMain {

  private RetortMain() {}

  /**
   * Runs the start and prints the {@link ChildReport}.
   *
   * @param args URL, user, password
   */
  public static void main(String[] args) {
    long start = System.nanoTime();
    MigrationResult result = Retort.builder().url(args[0], args[1], args[2]).build().upgrade();
    ChildReport.emit(start, Map.of("applied", result.runs().size()));
  }
}
