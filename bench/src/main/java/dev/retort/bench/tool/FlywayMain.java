package dev.retort.bench.tool;

import dev.retort.bench.measure.ChildReport;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * An application start with Flyway: {@code migrate()} with the SQL migrations of one directory,
 * with Flyway's default settings unless {@value #GROUP} follows. Arguments: JDBC URL, user,
 * password, the directory, and optionally {@value #GROUP} to apply all the pending migrations in
 * one transaction ({@code group(true)}) instead of one per migration.
 */
public final class FlywayMain {

  /** The last argument that turns on Flyway's {@code group}. */
  public static final String GROUP = "group";

  private FlywayMain() {}

  /**
   * Runs the start and prints the {@link ChildReport}.
   *
   * @param args URL, user, password, migrations directory, optionally {@value #GROUP}
   */
  public static void main(String[] args) {
    long start = System.nanoTime();
    boolean group = SettingArgument.isOn(args, 4, GROUP);
    MigrateResult result = Flyway.configure()
        .dataSource(args[0], args[1], args[2])
        .locations("filesystem:" + args[3])
        .group(group)
        .load()
        .migrate();
    ChildReport.emit(start, Map.of("applied", result.migrationsExecuted));
  }
}
