package dev.retort.runtime.reliability;

import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.MigrationRun;
import dev.retort.runtime.Retort;
import dev.retort.runtime.fixtures.Counted;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * A separate process that upgrades a database with {@link Counted}'s history, for the tests of
 * concurrent upgraders. Arguments: JDBC URL, user, password. Prints the revisions it applied
 * on one line starting with {@code applied:}; exits with 1 if the upgrade fails.
 */
public final class UpgraderMain {

  private UpgraderMain() {}

  /**
   * Runs the upgrade.
   *
   * @param args URL, user, password
   */
  public static void main(String[] args) {
    try {
      MigrationResult result = Retort.builder().url(args[0], args[1], args[2]).migrations(Counted.revisions())
          .lockTimeout(Duration.ofSeconds(120)).build().upgrade();
      System.out.println(
          "applied:" + result.runs().stream().map(MigrationRun::revision).collect(Collectors.joining(",")));
      System.exit(0);
    } catch (RuntimeException e) {
      e.printStackTrace();
      System.exit(1);
    }
  }
}
