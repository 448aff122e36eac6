package dev.retort.runtime.reliability;

import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.MigrationRun;
import dev.retort.runtime.Retort;
import dev.retort.RevisionInfo;
import dev.retort.runtime.fixtures.Counted;
import dev.retort.runtime.fixtures.RebuildThenBlock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A separate process that upgrades a database with {@link Counted}'s history, or the one a fourth argument names,
 * for the tests of concurrent and killed upgraders. Arguments: JDBC URL, user, password, optionally a key of
 * {@link #HISTORIES}. Prints the revisions it applied on one line starting with {@code applied:}; exits with 1 if
 * the upgrade fails.
 */
public final class UpgraderMain {

  /** The histories an upgrader can apply, by the name its fourth argument gives. */
  static final Map<String, Supplier<List<RevisionInfo>>> HISTORIES = Map.of(
      "counted", Counted::revisions,
      "rebuild-then-block", RebuildThenBlock::revisions);

  private UpgraderMain() {}

  /**
   * Runs the upgrade.
   *
   * @param args URL, user, password, optionally the name of the history
   */
  public static void main(String[] args) {
    try {
      MigrationResult result = Retort.builder().url(args[0], args[1], args[2]).migrations(HISTORIES.get(args.length > 3 ? args[3] : "counted").get())
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
