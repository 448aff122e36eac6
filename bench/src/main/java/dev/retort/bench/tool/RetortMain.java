package dev.retort.bench.tool;

import dev.retort.bench.measure.ChildReport;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.Retort;
import java.util.Map;

/**
 * An application start with Retort: brings the database to head with the migrations of the
 * generated revision index on the class path, as an application does at start-up.
 * Arguments: JDBC URL, user, password, and {@value #SINGLE_TRANSACTION} to apply all the
 * migrations in one transaction instead of one per migration (the default).
 */
public final class RetortMain {

  /** The last argument that turns on {@code Retort.Builder.singleTransaction}. */
  public static final String SINGLE_TRANSACTION = "singleTransaction";

  private RetortMain() {}

  /**
   * Runs the start and prints the {@link ChildReport}.
   *
   * @param args URL, user, password, optionally {@value #SINGLE_TRANSACTION}
   */
  public static void main(String[] args) {
    long start = System.nanoTime();
    boolean singleTransaction = SettingArgument.isOn(args, 3, SINGLE_TRANSACTION);
    MigrationResult result = Retort.builder().url(args[0], args[1], args[2]).singleTransaction(singleTransaction)
        .build().upgrade();
    ChildReport.emit(start, Map.of("applied", result.runs().size()));
  }
}
