package dev.retort.examples.bookshop;

import dev.retort.runtime.Current;
import dev.retort.runtime.HistoryEntry;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.MigrationRun;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Starts the bookshop: brings its database to the newest schema revision, as an application
 * does at start-up, then prints where the database stands and the history of revisions.
 *
 * <p>The database is the one named by {@code DATABASE_URL} (with {@code DATABASE_USER} and
 * {@code DATABASE_PASSWORD}), or else an embedded H2 database in the directory given by the
 * system property {@code bookshop.dataDir} (default {@code target}).
 */
public final class Main {

  private Main() {}

  /**
   * Runs the bookshop; exits with status 1 if the database cannot be migrated and 2 if
   * {@code DATABASE_URL} is not a JDBC URL.
   *
   * @param args not used
   */
  public static void main(String[] args) {
    DatabaseSettings settings;
    try {
      settings = DatabaseSettings.fromEnvironment(
          System.getenv(), Path.of(System.getProperty("bookshop.dataDir", "target")));
    } catch (IllegalArgumentException e) {
      System.err.println("bookshop: " + DatabaseSettings.URL_VARIABLE + ": " + e.getMessage());
      System.exit(2);
      return;
    }
    try {
      run(settings, System.out);
    } catch (RetortException e) {
      System.err.println("bookshop: the database could not be migrated [" + e.code() + "]");
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }

  /**
   * Migrates the database to head and prints what ran, the current revision and the history.
   *
   * @param settings the database
   * @param out where to print
   * @return what the upgrade did
   * @throws RetortException if the database cannot be migrated
   */
  public static MigrationResult run(DatabaseSettings settings, PrintStream out) {
    out.println("Bookshop database: " + settings.displayUrl());

    // tag::startup[]
    Retort retort = Retort.builder()
        .url(settings.url(), settings.user(), settings.password())
        .build();
    MigrationResult result = retort.upgrade();
    // end::startup[]

    printRuns(result, out);
    printCurrent(retort.current(), out);
    printHistory(retort.history().entries(), out);
    return result;
  }

  private static void printRuns(MigrationResult result, PrintStream out) {
    if (!result.changed()) {
      out.println("Nothing to apply: the database is at head.");
      return;
    }
    Duration total = Duration.ZERO;
    for (MigrationRun run : result.runs()) {
      total = total.plus(run.duration());
    }
    int count = result.runs().size();
    out.println("Applied " + count + (count == 1 ? " migration" : " migrations") + " in " + total.toMillis() + " ms.");
  }

  private static void printCurrent(Current current, PrintStream out) {
    String revisions = current.revisions().isEmpty() ? "base" : String.join(", ", current.revisions());
    out.println();
    out.println("Current revision: " + revisions + (current.atHead() ? " (head)" : ""));
  }

  private static void printHistory(List<HistoryEntry> entries, PrintStream out) {
    out.println();
    out.println("History, oldest first (* = applied):");
    String previous = null;
    for (HistoryEntry entry : entries) {
      out.printf("  %s %s  %s%s%n",
          entry.isApplied() ? "*" : " ", entry.revision(), entry.description(), ancestry(entry, previous));
      previous = entry.revision();
    }
  }

  /** Says where a revision attaches when that is not simply the line above it. */
  private static String ancestry(HistoryEntry entry, String previous) {
    List<String> parents = entry.parents();
    if (parents.size() > 1) {
      return " [merges " + String.join(" and ", parents) + "]";
    }
    if (parents.size() == 1 && !parents.get(0).equals(previous)) {
      return " [follows " + parents.get(0) + "]";
    }
    return "";
  }
}
