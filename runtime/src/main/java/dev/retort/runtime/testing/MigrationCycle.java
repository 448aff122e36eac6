package dev.retort.runtime.testing;

import dev.retort.runtime.CheckResult;
import dev.retort.runtime.Current;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Tests an application's migrations the way a reviewer would want them tested: upgrade from
 * base to head, downgrade from head to base, upgrade again, and after each trip compare the
 * live schema with the schema the history says it should have (the head snapshot after an
 * upgrade, nothing after the downgrade). Every failure is an {@link AssertionError} saying
 * which step failed and why, so the class works with JUnit 5, TestNG or a plain {@code main},
 * without the runtime depending on any of them.
 *
 * <pre>{@code
 * @Test
 * void migrationsUpgradeAndDowngradeCleanly() {
 *   Retort retort = Retort.builder().url("jdbc:h2:mem:cycle;DB_CLOSE_DELAY=-1", "sa", "").build();
 *   MigrationCycle.verify(retort);
 * }
 * }</pre>
 *
 * <p>It needs a database at base (an empty one) and leaves it at head.
 */
public final class MigrationCycle {

  private MigrationCycle() {}

  /**
   * Upgrades base to head, downgrades head to base, and upgrades to head again, checking the
   * live schema after each.
   *
   * @param retort configured on an empty database
   * @throws AssertionError naming the step that failed and why
   */
  public static void verify(Retort retort) {
    Objects.requireNonNull(retort, "retort == null");
    requireBase(retort);
    step("upgrade from base to head", () -> retort.upgrade("head"));
    expectMatch(retort, "after the upgrade from base to head");
    step("downgrade from head to base", () -> retort.downgrade("base"));
    expectMatch(retort, "after the downgrade from head to base");
    step("second upgrade from base to head", () -> retort.upgrade("head"));
    expectMatch(retort, "after the second upgrade from base to head");
  }

  /**
   * Like {@link #verify}, but one revision at a time: each upgrade and each downgrade is
   * followed by a comparison of the live schema with that revision's, which pins a downgrade
   * that does not exactly undo its upgrade to the revision at fault. It costs a schema
   * comparison per revision and direction.
   *
   * @param retort configured on an empty database
   * @throws AssertionError naming the revision and step that failed and why
   */
  public static void verifyEachStep(Retort retort) {
    Objects.requireNonNull(retort, "retort == null");
    requireBase(retort);
    int revisions = retort.history().entries().size();
    for (int i = 0; i < revisions; i++) {
      String from = describe(retort.current().revisions());
      step("upgrade from " + from + " by one revision", () -> retort.upgrade("+1"));
      expectMatch(retort, "after the upgrade from " + from + " to " + describe(retort.current().revisions()));
    }
    for (int i = 0; i < revisions; i++) {
      String from = describe(retort.current().revisions());
      step("downgrade from " + from + " by one revision", () -> retort.downgrade("-1"));
      expectMatch(retort, "after the downgrade from " + from + " to " + describe(retort.current().revisions()));
    }
    step("second upgrade from base to head", () -> retort.upgrade("head"));
    expectMatch(retort, "after the second upgrade from base to head");
  }

  private static void requireBase(Retort retort) {
    Current current = step("read the current revision", retort::current);
    if (!current.atBase()) {
      throw new AssertionError("The migration cycle needs an empty database, but this one is at revision "
          + describe(current.revisions()) + ". Give the test a fresh database.");
    }
  }

  private static void expectMatch(Retort retort, String when) {
    CheckResult check = step("compare the live schema " + when, retort::check);
    if (!check.matches()) {
      throw new AssertionError("The live schema " + when + " differs from what revision "
          + describe(check.revisions()) + " should produce (compared with " + check.baseline() + "):\n  "
          + String.join("\n  ", check.differences()));
    }
  }

  private static <T> T step(String what, Supplier<T> action) {
    try {
      return action.get();
    } catch (RetortException e) {
      throw new AssertionError("Could not " + what + " [" + e.code() + "]: " + e.getMessage(), e);
    }
  }

  private static String describe(List<String> revisions) {
    return revisions.isEmpty() ? "base" : String.join(", ", revisions);
  }
}
