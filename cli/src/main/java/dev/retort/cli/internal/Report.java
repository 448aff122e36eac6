package dev.retort.cli.internal;

import dev.retort.cli.internal.authoring.NewRevision;
import dev.retort.operation.Operation;
import dev.retort.runtime.AppliedRevision;
import dev.retort.runtime.Baseline;
import dev.retort.runtime.CheckResult;
import dev.retort.runtime.Current;
import dev.retort.runtime.Direction;
import dev.retort.runtime.Heads;
import dev.retort.runtime.History;
import dev.retort.runtime.HistoryEntry;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.MigrationRun;
import dev.retort.runtime.RevisionDetails;
import dev.retort.runtime.SqlScript;
import dev.retort.runtime.StampResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The text each command prints, as lines, shared by the command line and the Maven plugin so
 * that both say the same thing the same way. Revisions are named by id; {@code base} stands
 * for "no revision applied".
 */
public final class Report {

  private static final DateTimeFormatter APPLIED_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Report() {}

  /**
   * One migration that an upgrade or downgrade ran, with its statements and time: printed as
   * soon as it is recorded, so that a long upgrade shows its progress and a failed one what
   * went before.
   *
   * @param run the migration
   * @return the line
   */
  public static String run(MigrationRun run) {
    return (run.direction() == Direction.UPGRADE ? "Applied " : "Reverted ") + run.revision() + ": "
        + (run.description().isBlank() ? simpleName(run.migrationClass()) : run.description()) + " ("
        + count(run.statements(), "statement") + ", " + duration(run.duration()) + ")";
  }

  /**
   * What an upgrade or downgrade did, after the {@linkplain #run lines of its migrations}: the
   * version table, if the upgrade created it, then from where to where the database went, how
   * many migrations ran and how long the command took.
   *
   * @param result what ran
   * @param heads the head of the history, to mark it
   * @param elapsed how long the whole command took
   * @return the lines
   */
  public static List<String> migration(MigrationResult result, Heads heads, Duration elapsed) {
    List<String> lines = new ArrayList<>();
    result.createdVersionTable().ifPresent(table -> lines.add("Created the version table " + table + "."));
    result.baseline().ifPresent(baseline -> lines.addAll(baseline(baseline, heads)));
    boolean upgrade = result.direction() == Direction.UPGRADE;
    if (!result.changed()) {
      lines.add("Nothing to " + (upgrade ? "upgrade" : "downgrade") + ": the database is already at "
          + revisions(result.after(), heads) + ".");
      return lines;
    }
    List<String> from = result.baseline().map(Baseline::revisions).orElse(result.before());
    lines.add((upgrade ? "Upgraded" : "Downgraded") + " from " + revisions(from, heads) + " to "
        + revisions(result.after(), heads) + ": " + count(result.runs().size(), "migration") + " in "
        + duration(elapsed) + ".");
    return lines;
  }

  /** The baseline an upgrade recorded: what it found, and what it stamped. */
  private static List<String> baseline(Baseline baseline, Heads heads) {
    List<String> lines = new ArrayList<>();
    String named = revisions(baseline.revisions(), heads);
    lines.add("Found " + count(baseline.tables().size(), "table") + " and no version table; they match revision "
        + named + ": stamped " + named + (baseline.recorded().size() > baseline.revisions().size()
            ? " and its ancestors" : "") + "; no migration ran for them.");
    lines.add("  recorded as applied: " + String.join(", ", baseline.recorded()));
    if (!baseline.otherToolsTables().isEmpty()) {
      lines.add("  left out: " + String.join(", ", baseline.otherToolsTables())
          + " (another tool's history; drop it once it is no longer needed)");
    }
    return lines;
  }

  /**
   * Where the database stands.
   *
   * @param current the state
   * @return the lines
   */
  public static List<String> current(Current current) {
    return current(current, Optional.empty());
  }

  /**
   * Where the database stands, naming the current schema a tenant's command worked in.
   *
   * @param current the state
   * @param place the current schema as {@link Settings#place()} names it, such as {@code schema tenant_acme}; empty
   *     for the connection's own
   * @return the lines
   */
  public static List<String> current(Current current, Optional<String> place) {
    List<String> lines = new ArrayList<>();
    Heads heads = new Heads(List.of(current.head()));
    String at = current.atBase() ? "base (no revision applied)" : revisions(current.revisions(), heads);
    String subject = "Current revision" + place.map(where -> " in " + where).orElse("") + ": ";
    if (current.atHead()) {
      lines.add(subject + at + ".");
      return lines;
    }
    lines.add(subject + at + "; " + count(current.pending().size(), "revision") + " pending, up to head "
        + current.head() + ".");
    lines.add("Pending: " + String.join(", ", current.pending()));
    return lines;
  }

  /**
   * Every revision, oldest first, in Alembic's form {@code parent -> revision, description},
   * each marked applied (with when and how long) or pending.
   *
   * @param history the history
   * @return the lines
   */
  public static List<String> history(History history) {
    return history(history, Optional.empty());
  }

  /**
   * Every revision, as {@link #history(History)} lists them, after a line naming the current schema a tenant's
   * command worked in.
   *
   * @param history the history
   * @param place the current schema as {@link Settings#place()} names it, such as {@code schema tenant_acme}; empty
   *     for the connection's own, which adds no line
   * @return the lines
   */
  public static List<String> history(History history, Optional<String> place) {
    List<String> lines = new ArrayList<>();
    place.ifPresent(where -> lines.add("History of " + where + ", oldest first:"));
    for (HistoryEntry entry : history.entries()) {
      String parents = entry.parents().isEmpty() ? "<base>" : String.join(", ", entry.parents());
      StringBuilder line = new StringBuilder()
          .append(entry.isApplied() ? "applied  " : "pending  ")
          .append(parents).append(" -> ").append(entry.revision())
          .append(entry.head() ? " (head)" : "")
          .append(", ")
          .append(entry.description().isBlank() ? simpleName(entry.migrationClass()) : entry.description());
      entry.applied().ifPresent(row -> line.append("  [").append(applied(row)).append(']'));
      lines.add(line.toString());
    }
    if (history.entries().isEmpty()) {
      lines.add("No revisions.");
    }
    return lines;
  }

  /**
   * The head revisions.
   *
   * @param heads the heads
   * @return one line per head
   */
  public static List<String> heads(Heads heads) {
    List<String> lines = new ArrayList<>();
    heads.revisions().forEach(head -> lines.add(head + " (head)"));
    return lines;
  }

  /**
   * One revision's details and operations.
   *
   * @param details the revision
   * @return the lines
   */
  public static List<String> show(RevisionDetails details) {
    List<String> lines = new ArrayList<>();
    lines.add("Revision:    " + details.revision());
    lines.add("Parents:     " + (details.parents().isEmpty() ? "<base>" : String.join(", ", details.parents())));
    lines.add("Children:    " + (details.children().isEmpty() ? "none (head)" : String.join(", ", details.children())));
    lines.add("Class:       " + details.migrationClass());
    lines.add("Description: " + details.description());
    lines.add("Checksum:    " + details.checksum());
    lines.add("Snapshot:    " + (details.snapshotResource().isBlank() ? "none" : details.snapshotResource()));
    lines.add("Upgrade:");
    operations(details.upgrade(), lines);
    lines.add("Downgrade:");
    Optional<List<Operation>> downgrade = details.downgrade();
    if (downgrade.isPresent()) {
      operations(downgrade.get(), lines);
    } else {
      lines.add("  none: this revision cannot be undone");
    }
    return lines;
  }

  /**
   * The line saying that an offline script was written to a file.
   *
   * @param script the script
   * @param file where it was written
   * @return such as {@code Wrote the postgresql script from 0001 to 0003 (7 statements) to scripts/tenant_acme.sql.}
   */
  public static String scriptWritten(SqlScript script, Path file) {
    return "Wrote the " + Databases.name(script.vendor()) + " script from " + script.from() + " to " + script.to()
        + " (" + script.statements().size() + " statements) to " + file + ".";
  }

  /**
   * What a stamp changed in the version table.
   *
   * @param result the change
   * @param heads the head of the history, to mark it
   * @return the lines
   */
  public static List<String> stamp(StampResult result, Heads heads) {
    List<String> lines = new ArrayList<>();
    if (!result.changed()) {
      lines.add("Nothing to stamp: the version table already records " + revisions(result.after(), heads) + ".");
      return lines;
    }
    lines.add("Stamped " + revisions(result.after(), heads) + " (was " + revisions(result.before(), heads)
        + "); no migration ran.");
    if (!result.recorded().isEmpty()) {
      lines.add("  recorded as applied: " + String.join(", ", result.recorded()));
    }
    if (!result.removed().isEmpty()) {
      lines.add("  no longer recorded:  " + String.join(", ", result.removed()));
    }
    if (!result.checksumsUpdated().isEmpty()) {
      lines.add("  checksum updated:    " + String.join(", ", result.checksumsUpdated()));
    }
    return lines;
  }

  /**
   * How the live database compares with its revision's schema.
   *
   * @param result the comparison
   * @param heads the head of the history, to mark it
   * @return the lines; the first says whether they match, and the notes, if any, follow the differences
   */
  public static List<String> check(CheckResult result, Heads heads) {
    return check(result, heads, "The database");
  }

  /**
   * How the live database compares with its revision's schema, its first line starting with a given subject.
   *
   * @param result the comparison
   * @param heads the head of the history, to mark it
   * @param subject what was compared, such as {@code The schema tenant_acme} ({@link Scope#subject()})
   * @return the lines; the first says whether they match, and the notes, if any, follow the differences
   */
  public static List<String> check(CheckResult result, Heads heads, String subject) {
    List<String> lines = new ArrayList<>();
    String against = revisions(result.revisions(), heads) + " (compared with " + result.baseline() + ")";
    if (result.matches()) {
      lines.add(subject + " matches revision " + against + ".");
    } else {
      lines.add(subject + " differs from revision " + against + ": "
          + count(result.differences().size(), "difference"));
      result.differences().forEach(difference -> lines.add("  - " + difference));
    }
    if (!result.notes().isEmpty()) {
      lines.add("To do: " + count(result.notes().size(), "note"));
      result.notes().forEach(note -> lines.add("  - " + note));
    }
    return lines;
  }

  /**
   * The revision that {@code revision} or {@code merge} started: its id, class and parents,
   * then the files written.
   *
   * @param written the revision
   * @return the lines
   */
  public static List<String> written(NewRevision written) {
    List<String> lines = new ArrayList<>();
    lines.add("Wrote revision " + written.id() + " (" + written.className().simpleName() + "), "
        + (written.parents().isEmpty() ? "the first of the history" : "following " + String.join(", ",
            written.parents())) + ":");
    lines.add("  " + written.sourceFile());
    lines.add("  " + written.snapshotFile().map(Path::toString)
        .orElse("(no snapshot: the history has none to carry over)"));
    lines.add("Review it, fill it in, and commit " + (written.snapshotFile().isPresent() ? "both files." : "it."));
    return lines;
  }

  /**
   * How the summary of a run over several schemas counts an upgrade's or a downgrade's schema.
   *
   * @param result what ran
   * @param heads the head of the history, to mark it
   * @return {@code upgraded}, {@code downgraded}, or where the schema already was, such as {@code already at 0003
   *     (head)}
   */
  public static String label(MigrationResult result, Heads heads) {
    if (!result.changed()) {
      return "already at " + revisions(result.after(), heads);
    }
    return result.direction() == Direction.UPGRADE ? "upgraded" : "downgraded";
  }

  /**
   * How the summary of a run over several schemas counts a stamp's schema.
   *
   * @param result what changed
   * @param heads the head of the history, to mark it
   * @return {@code stamped}, or where the schema already was, such as {@code already at 0003 (head)}
   */
  public static String label(StampResult result, Heads heads) {
    return result.changed() ? "stamped" : "already at " + revisions(result.after(), heads);
  }

  /**
   * How the summary of a run over several schemas counts a schema's current revision.
   *
   * @param current the state
   * @return where it is, such as {@code at 0003 (head)} or {@code at 0001, 2 pending}
   */
  public static String label(Current current) {
    Heads heads = new Heads(List.of(current.head()));
    String at = "at " + (current.atBase() ? "base" : revisions(current.revisions(), heads));
    return current.atHead() ? at : at + ", " + current.pending().size() + " pending";
  }

  /**
   * A time span as people read it: {@code 41 ms}, {@code 1.24 s}, {@code 2 min 3 s}.
   *
   * @param duration the span
   * @return the text
   */
  public static String duration(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }
    return duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
  }

  /** Revision ids as output names them: {@code base} when none, {@code (head)} after the head. */
  private static String revisions(List<String> ids, Heads heads) {
    if (ids.isEmpty()) {
      return "base";
    }
    List<String> named = new ArrayList<>();
    for (String id : ids) {
      named.add(heads.revisions().contains(id) ? id + " (head)" : id);
    }
    return String.join(", ", named);
  }

  private static void operations(List<Operation> operations, List<String> lines) {
    if (operations.isEmpty()) {
      lines.add("  none");
    }
    operations.forEach(operation -> lines.add("  - " + operation.summary()));
  }

  private static String applied(AppliedRevision row) {
    String at = APPLIED_AT.format(Instant.from(row.appliedAt()));
    return row.executionTime().map(time -> "applied " + at + " in " + duration(time)).orElse("stamped " + at);
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
