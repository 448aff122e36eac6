package dev.retort.bench.tool;

import dev.retort.bench.measure.ChildReport;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * An application start with Flyway and its default settings: {@code migrate()} with the SQL
 * migrations of one directory. Arguments: JDBC URL, user, password, the directory.
 */
public final class FlywayMain {

  private FlywayMain() {}

  /**
   * Runs the start and prints the {@link ChildReport}.
   *
   * @param args URL, user, password, migrations directory
   */
  public static void main(String[] args) {
    long start = System.nanoTime();
    MigrateResult result = Flyway.configure()
        .dataSource(args[0], args[1], args[2])
        .locations("filesystem:" + args[3])
        .load()
        .migrate();
    ChildReport.emit(start, Map.of("applied", result.migrationsExecuted));
  }
}
