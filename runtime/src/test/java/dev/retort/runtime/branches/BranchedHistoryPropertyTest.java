package dev.retort.runtime.branches;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.Current;
import dev.retort.runtime.Direction;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.HistoryEntry;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.MigrationRun;
import dev.retort.runtime.Probe;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.RevisionDetails;
import dev.retort.runtime.SqlScript;
import dev.retort.runtime.StampResult;
import dev.retort.runtime.branches.HistoryModel.Refused;
import dev.retort.runtime.testdb.TestDatabase;
import dev.retort.testing.PropertyTest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentest4j.TestAbortedException;

/**
 * The commands on histories with branches and merge revisions, against {@link HistoryModel}, the
 * documented semantics written out on their own.
 *
 * <p>Each case draws a {@link BranchedHistory}, whose every revision creates its own table, and
 * runs random commands on a fresh database: {@code upgrade}, {@code downgrade} and {@code stamp}
 * to every kind of target ({@code head}, {@code base}, {@code +N}, {@code -N}, ids, prefixes,
 * ambiguous prefixes, unknown ids), {@code show}, and offline scripts, which run on the database
 * when they start where it is. After every command the tables are exactly the applied
 * revisions' (after a stamp, once the test has made them so by hand, as an adopting
 * administrator would), the version table records exactly them, and {@code current},
 * {@code history} and {@code heads} say what the model says. A command the model refuses must
 * fail with the documented error code and leave the tables and the version table as they were.
 *
 * <p>Now and then the test makes the history's fragile revision fail in an upgrade or downgrade
 * that runs it (see {@link BranchedHistory.Fragile}): the revisions the command ran before it
 * must stay applied and recorded, and of the failed revision what the database decides —
 * nothing where a migration is one transaction (PostgreSQL, SQLite), its first statement where each
 * DDL statement commits (H2, MariaDB). The test then repairs the database as the error message
 * says: it undoes that statement by hand, or records the revision with the stamp the message
 * names.
 *
 * <p>It also edits the version table by hand: a checksum changed, or the row of a revision that
 * has an applied child deleted. Every command that reads the database must then refuse with
 * {@code CHECKSUM_MISMATCH} or {@code INCONSISTENT_VERSION_TABLE} until the test stamps what the
 * database has, as the message says.
 *
 * <p>More cases: {@code -Dretort.tries=500}; a failure names its seed (see {@link PropertyTest})
 * and its message holds the history and every command run.
 */
class BranchedHistoryPropertyTest {

  @PropertyTest(tries = 30)
  void h2(long seed) {
    new Run(TestDatabase.Kind.H2, seed, 24).go();
  }

  @PropertyTest(tries = 3)
  void sqlite(long seed) {
    new Run(TestDatabase.Kind.SQLITE, seed, 20).go();
  }

  @PropertyTest(tries = 3)
  void postgresql(long seed) {
    new Run(TestDatabase.Kind.POSTGRESQL, seed, 20).go();
  }

  @PropertyTest(tries = 3)
  void mariadb(long seed) {
    new Run(TestDatabase.Kind.MARIADB, seed, 20).go();
  }

  /** One case: a history, a database and the commands run on it. */
  private static final class Run {
    private final TestDatabase.Kind kind;
    private final Random random;
    private final int commands;
    private final BranchedHistory history;
    private final HistoryModel model;
    private final List<String> log = new ArrayList<>();
    /** What the version table records. */
    private Set<String> applied = new TreeSet<>();
    /** Whose tables exist. */
    private Set<String> tables = new TreeSet<>();
    /** The recorded revisions whose checksum the test changed by hand. */
    private final Set<String> tampered = new TreeSet<>();
    private boolean versionTable;
    private TestDatabase db;
    private Connection probe;
    private Retort retort;

    Run(TestDatabase.Kind kind, long seed, int commands) {
      this.kind = kind;
      this.random = new Random(seed);
      this.commands = commands;
      this.history = BranchedHistory.draw(random);
      this.model = new HistoryModel(history);
    }

    void go() {
      try (TestDatabase database = TestDatabase.create(kind)) {
        db = database;
        try (Connection connection = db.connect()) {
          probe = connection;
          retort = Probe.retort(db, history.revisions());
          verify();
          for (int i = 0; i < commands; i++) {
            step();
            verify();
          }
        }
      } catch (TestAbortedException skipped) {
        throw skipped;
      } catch (AssertionError | RuntimeException | SQLException e) {
        throw new AssertionError(e.getMessage() + "\n" + history + " (revision order " + model.order() + ")\n"
            + String.join("\n", log), e);
      }
    }

    private void step() throws SQLException {
      if (refusal() != null && random.nextInt(3) == 0) {
        repair();
        return;
      }
      int choice = random.nextInt(100);
      if (choice < 6) {
        tamper();
      } else if (choice < 30) {
        upgrade(target());
      } else if (choice < 55) {
        downgrade(target());
      } else if (choice < 70) {
        stamp(stampTargets());
      } else if (choice < 88) {
        script(random.nextInt(4) == 0 ? target() : start(), target());
      } else {
        show(target());
      }
    }

    /** A target of any kind, often one that makes sense where the database is. */
    private String target() {
      List<String> ids = model.order();
      String id = ids.get(random.nextInt(ids.size()));
      int pending = ids.size() - applied.size();
      return switch (random.nextInt(12)) {
        case 0 -> "head";
        case 1 -> "base";
        case 2 -> "+" + (1 + random.nextInt(pending + 1));
        case 3 -> "-" + (1 + random.nextInt(applied.size() + 1));
        case 4, 5, 6 -> id;
        case 7, 8 -> id.substring(0, 1 + random.nextInt(id.length()));
        case 9 -> applied.isEmpty() ? id : new ArrayList<>(applied).get(random.nextInt(applied.size()));
        case 10 -> List.of("z1", "a2", "b01x", "c0000").get(random.nextInt(4));
        default -> List.of("+0", "-0", " ", "A1").get(random.nextInt(4));
      };
    }

    /** One target for a stamp, or now and then several: revisions of different branches, or head. */
    private List<String> stampTargets() {
      if (random.nextInt(4) != 0) {
        return List.of(target());
      }
      List<String> targets = new ArrayList<>();
      List<String> ids = model.order();
      int count = 2 + random.nextInt(2);
      for (int i = 0; i < count; i++) {
        String id = ids.get(random.nextInt(ids.size()));
        targets.add(switch (random.nextInt(6)) {
          case 0 -> id.substring(0, 1 + random.nextInt(id.length()));
          case 1 -> target();
          default -> id;
        });
      }
      return targets;
    }

    /** Where an offline script starts: usually where the database is, so that it can run. */
    private String start() {
      List<String> current = model.current(applied);
      if (current.isEmpty()) {
        return "base";
      }
      if (current.size() == 1 && model.ancestorsOrSelf(current.get(0)).equals(applied)) {
        return current.get(0);
      }
      return random.nextBoolean() ? "head" : current.get(0);
    }

    private void upgrade(String text) throws SQLException {
      String command = "upgrade(\"" + text + "\")";
      List<String> runs;
      try {
        HistoryModel.Target target = model.parse(text);
        refuseOnTheVersionTable();
        runs = model.upgrades(target, applied);
      } catch (Refused refused) {
        refusedAsModelled(command, refused, () -> retort.upgrade(text));
        return;
      }
      if (runs.contains(history.fragile()) && random.nextBoolean()) {
        failingUpgrade(command, runs, () -> retort.upgrade(text));
        return;
      }
      log.add(command + " runs " + runs);
      MigrationResult result = retort.upgrade(text);
      assertThat(result.runs()).as(command).extracting(MigrationRun::revision).containsExactlyElementsOf(runs);
      assertThat(result.runs()).as(command).allSatisfy(run -> assertThat(run.direction()).isEqualTo(Direction.UPGRADE));
      assertThat(result.before()).as(command + " before").isEqualTo(model.current(applied));
      applied.addAll(runs);
      tables.addAll(runs);
      versionTable = true;
      assertThat(result.after()).as(command + " after").isEqualTo(model.current(applied));
    }

    private void downgrade(String text) throws SQLException {
      String command = "downgrade(\"" + text + "\")";
      List<String> runs;
      try {
        HistoryModel.Target target = model.parse(text);
        refuseOnTheVersionTable();
        runs = model.downgrades(target, applied);
      } catch (Refused refused) {
        refusedAsModelled(command, refused, () -> retort.downgrade(text));
        return;
      }
      if (runs.contains(history.fragile()) && random.nextBoolean()) {
        failingDowngrade(command, runs, () -> retort.downgrade(text));
        return;
      }
      log.add(command + " runs " + runs);
      MigrationResult result = retort.downgrade(text);
      assertThat(result.runs()).as(command).extracting(MigrationRun::revision).containsExactlyElementsOf(runs);
      assertThat(result.runs()).as(command)
          .allSatisfy(run -> assertThat(run.direction()).isEqualTo(Direction.DOWNGRADE));
      assertThat(result.before()).as(command + " before").isEqualTo(model.current(applied));
      runs.forEach(applied::remove);
      runs.forEach(tables::remove);
      tampered.removeAll(runs);
      assertThat(result.after()).as(command + " after").isEqualTo(model.current(applied));
    }

    /**
     * Stamps, checks that only the version table changed, then makes the tables match by hand,
     * as an administrator adopting a database does.
     */
    private void stamp(List<String> texts) throws SQLException {
      String command = "stamp(\"" + String.join("\", \"", texts) + "\")";
      String first = texts.get(0);
      String[] more = texts.subList(1, texts.size()).toArray(String[]::new);
      Set<String> wanted;
      try {
        List<HistoryModel.Target> targets = new ArrayList<>();
        for (String text : texts) {
          targets.add(model.parse(text));
        }
        if (targets.size() == 1 && targets.get(0) instanceof HistoryModel.Relative) {
          Refused missingParent = missingParent();
          if (missingParent != null) {
            throw missingParent;
          }
        }
        wanted = model.stamped(targets, applied);
      } catch (Refused refused) {
        refusedAsModelled(command, refused, () -> retort.stamp(first, more));
        return;
      }
      log.add(command + " records " + wanted);
      StampResult result = retort.stamp(first, more);
      Set<String> recorded = new TreeSet<>(wanted);
      recorded.removeAll(applied);
      Set<String> removed = new TreeSet<>(applied);
      removed.removeAll(wanted);
      assertThat(result.before()).as(command + " before").isEqualTo(model.current(applied));
      assertThat(result.after()).as(command + " after").isEqualTo(model.current(wanted));
      assertThat(result.recorded()).as(command + " recorded").isEqualTo(model.inOrder(recorded));
      assertThat(result.removed()).as(command + " removed").isEqualTo(model.newestFirst(removed));
      Set<String> rewritten = new TreeSet<>(tampered);
      rewritten.retainAll(wanted);
      assertThat(result.checksumsUpdated()).as(command + " checksums updated").isEqualTo(model.inOrder(rewritten));
      applied = new TreeSet<>(wanted);
      tampered.clear();
      versionTable = true;
      verify();
      tablesByHand();
    }

    /** Makes the tables those of the recorded revisions, as an administrator adopting the database does. */
    private void tablesByHand() throws SQLException {
      for (String id : model.inOrder(applied)) {
        if (!tables.contains(id)) {
          execute("CREATE TABLE " + Probe.quote(db, BranchedHistory.table(id)) + " (id INTEGER)");
          if (id.equals(history.fragile())) {
            execute("CREATE TABLE " + BranchedHistory.fuse(id) + " (id INTEGER)");
          }
        }
      }
      for (String id : model.newestFirst(tables)) {
        if (!applied.contains(id)) {
          execute("DROP TABLE " + Probe.quote(db, BranchedHistory.table(id)));
          if (id.equals(history.fragile())) {
            execute("DROP TABLE " + BranchedHistory.fuse(id));
          }
        }
      }
      if (!tables.equals(applied)) {
        log.add("  tables made to match by hand");
      }
      tables = new TreeSet<>(applied);
    }

    /**
     * Edits the version table by hand: changes a recorded checksum, or deletes the row of a
     * revision whose child is recorded (its table stays).
     */
    private void tamper() throws SQLException {
      List<String> rows = model.inOrder(applied);
      if (rows.isEmpty()) {
        return;
      }
      List<String> parents = rows.stream().filter(id -> !model.current(applied).contains(id)).toList();
      String table = Probe.quote(db, "retort_version");
      String where = " WHERE " + Probe.quote(db, "revision") + " = '";
      if (parents.isEmpty() || random.nextBoolean()) {
        String id = rows.get(random.nextInt(rows.size()));
        execute("UPDATE " + table + " SET " + Probe.quote(db, "checksum") + " = '" + "0".repeat(64) + "'" + where + id
            + "'");
        tampered.add(id);
        log.add("checksum of " + id + " changed by hand");
      } else {
        String id = parents.get(random.nextInt(parents.size()));
        execute("DELETE FROM " + table + where + id + "'");
        applied.remove(id);
        tampered.remove(id);
        log.add("row of " + id + " deleted by hand");
      }
    }

    /**
     * What every command that reads the version table refuses while it is edited by hand: a
     * revision recorded without its parent, or a checksum that is not the migration's.
     */
    private Refused refusal() {
      Refused missingParent = missingParent();
      if (missingParent != null) {
        return missingParent;
      }
      return tampered.isEmpty() ? null : new Refused(ErrorCode.CHECKSUM_MISMATCH, "changed: " + tampered);
    }

    /** A revision recorded without its parent, which also makes {@code stamp("+N")} and {@code stamp("-N")} refuse. */
    private Refused missingParent() {
      for (String id : applied) {
        for (String parent : model.parents(id)) {
          if (!applied.contains(parent)) {
            return new Refused(ErrorCode.INCONSISTENT_VERSION_TABLE, id + " is recorded without " + parent);
          }
        }
      }
      return null;
    }

    private void refuseOnTheVersionTable() {
      Refused refusal = refusal();
      if (refusal != null) {
        throw refusal;
      }
    }

    /**
     * Does what the error says: stamps the revisions the message names after a checksum
     * mismatch, or, after rows were deleted, the current revisions of what the database really
     * has (its tables).
     */
    private void repair() throws SQLException {
      Refused refusal = refusal();
      RetortException error;
      try {
        retort.current();
        throw new AssertionError("current() should refuse: " + refusal.getMessage());
      } catch (RetortException e) {
        error = e;
      }
      assertThat(error.code()).as("current() refuses; its message: " + error.getMessage()).isEqualTo(refusal.code);
      List<String> targets;
      if (refusal.code == ErrorCode.CHECKSUM_MISMATCH) {
        Matcher advice = Pattern.compile("record the new checksum with stamp\\(([^)]*)\\)").matcher(error.getMessage());
        assertThat(advice.find()).as("the checksum mismatch names a stamp: " + error.getMessage()).isTrue();
        targets = Pattern.compile("\"([^\"]*)\"").matcher(advice.group(1)).results().map(match -> match.group(1))
            .toList();
      } else {
        targets = model.current(tables);
      }
      log.add("repair as " + error.code() + " says:");
      Set<String> recorded = new TreeSet<>(tables);
      assertThat(new TreeSet<>(stampedByHand(targets))).as("what the repairing stamp records").isEqualTo(recorded);
    }

    /**
     * An upgrade whose fragile revision fails at its second statement, the fuse table having
     * been created by hand. The revisions before it stay applied.
     */
    private void failingUpgrade(String command, List<String> runs, Runnable run) throws SQLException {
      String fragile = history.fragile();
      log.add(command + " fails at " + fragile + " of " + runs);
      execute("CREATE TABLE " + BranchedHistory.fuse(fragile) + " (id INTEGER)");
      RetortException failure = failure(command, run);
      List<String> ran = runs.subList(0, runs.indexOf(fragile));
      applied.addAll(ran);
      tables.addAll(ran);
      versionTable = true;
      boolean halfDone = kind == TestDatabase.Kind.H2 || kind == TestDatabase.Kind.MARIADB;
      if (halfDone) {
        tables.add(fragile);
      }
      verify();
      if (!ran.isEmpty()) {
        assertThat(failure.getMessage()).as(command + " says what it ran before")
            .contains("before it stay so: " + String.join(", ", ran) + ".");
      }
      if (!halfDone) {
        execute("DROP TABLE " + BranchedHistory.fuse(fragile));
        log.add("  fuse dropped by hand");
        return;
      }
      Matcher advice = Pattern.compile("record the revision with stamp\\(([^)]*)\\)").matcher(failure.getMessage());
      assertThat(advice.find()).as(command + " names the stamp that records " + fragile + ": " + failure.getMessage())
          .isTrue();
      if (random.nextBoolean()) {
        execute("DROP TABLE " + Probe.quote(db, BranchedHistory.table(fragile)));
        execute("DROP TABLE " + BranchedHistory.fuse(fragile));
        tables.remove(fragile);
        log.add("  its first statement undone by hand");
        return;
      }
      List<String> targets = Pattern.compile("\"([^\"]*)\"").matcher(advice.group(1)).results()
          .map(match -> match.group(1)).toList();
      log.add("  the fuse table kept as the second statement's work; the advice followed:");
      Set<String> recorded = new TreeSet<>(applied);
      recorded.add(fragile);
      assertThat(new TreeSet<>(stampedByHand(targets))).as("what the advised stamp records").isEqualTo(recorded);
    }

    /** Runs a stamp the test was told to run, and expects it to record what the model says. */
    private Set<String> stampedByHand(List<String> targets) throws SQLException {
      Set<String> wanted = new TreeSet<>();
      targets.forEach(id -> wanted.addAll(model.ancestorsOrSelf(id)));
      Set<String> recorded = new TreeSet<>(wanted);
      recorded.removeAll(applied);
      log.add("  stamp(\"" + String.join("\", \"", targets) + "\") records " + wanted);
      StampResult result = retort.stamp(targets.get(0), targets.subList(1, targets.size()).toArray(String[]::new));
      Set<String> rewritten = new TreeSet<>(tampered);
      rewritten.retainAll(wanted);
      assertThat(result.recorded()).as("the advised stamp records").isEqualTo(model.inOrder(recorded));
      assertThat(result.removed()).as("the advised stamp removes").isEmpty();
      assertThat(result.checksumsUpdated()).as("the advised stamp rewrites").isEqualTo(model.inOrder(rewritten));
      applied = wanted;
      tampered.clear();
      return wanted;
    }

    /**
     * A downgrade whose fragile revision fails at its first statement, the fuse table having been
     * dropped by hand. The revisions undone before it stay undone; it stays applied.
     */
    private void failingDowngrade(String command, List<String> runs, Runnable run) throws SQLException {
      String fragile = history.fragile();
      log.add(command + " fails at " + fragile + " of " + runs);
      execute("DROP TABLE " + BranchedHistory.fuse(fragile));
      RetortException failure = failure(command, run);
      List<String> ran = runs.subList(0, runs.indexOf(fragile));
      ran.forEach(applied::remove);
      ran.forEach(tables::remove);
      verify();
      assertThat(failure.getMessage()).as(command + " names the failed revision")
          .contains("revision " + fragile + " (");
      execute("CREATE TABLE " + BranchedHistory.fuse(fragile) + " (id INTEGER)");
      log.add("  fuse created again by hand");
    }

    private RetortException failure(String command, Runnable run) {
      try {
        run.run();
      } catch (RetortException e) {
        assertThat(e.code()).as(command + " fails; its message: " + e.getMessage()).isEqualTo(ErrorCode.MIGRATION_FAILED);
        return e;
      }
      throw new AssertionError(command + " should have failed at the fragile revision " + history.fragile());
    }

    private void show(String text) {
      String command = "show(\"" + text + "\")";
      String id;
      try {
        id = model.shown(model.parse(text));
      } catch (Refused refused) {
        refusedAsModelled(command, refused, () -> retort.show(text));
        return;
      }
      log.add(command + " shows " + id);
      RevisionDetails details = retort.show(text);
      assertThat(details.revision()).as(command).isEqualTo(id);
      assertThat(details.parents()).as(command + " parents").isEqualTo(model.parents(id));
      assertThat(details.children()).as(command + " children").isEqualTo(model.children(id));
    }

    /** Writes an offline script; runs it on the database when it starts where the database is. */
    private void script(String from, String to) {
      String command = "sql(\"" + from + "\", \"" + to + "\")";
      Set<String> start;
      boolean up;
      List<String> runs;
      try {
        start = model.scriptStart(model.parse(from));
        HistoryModel.Target target = model.parse(to);
        up = HistoryModel.scriptGoesUp(target, start);
        runs = up ? model.upgrades(target, start) : model.downgrades(target, start);
      } catch (Refused refused) {
        refusedAsModelled(command, refused, () -> retort.sql(from, to, db.vendor()));
        return;
      }
      Set<String> end = new TreeSet<>(start);
      if (up) {
        end.addAll(runs);
      } else {
        runs.forEach(end::remove);
      }
      SqlScript script = retort.sql(from, to, db.vendor());
      assertThat(script.from()).as(command + " from").isEqualTo(label(model.current(start)));
      assertThat(script.to()).as(command + " to").isEqualTo(label(model.current(end)));
      String verb = up ? "Upgrade to " : "Downgrade from ";
      assertThat(script.blocks()).as(command + " migrations")
          .extracting(SqlScript.Block::comment).filteredOn(comment -> comment.startsWith(verb))
          .extracting(comment -> comment.substring(verb.length(), comment.indexOf(':')))
          .containsExactlyElementsOf(runs);
      if (!start.equals(applied) || !tables.equals(applied)) {
        log.add(command + " writes " + runs + ", not run: it starts at " + start);
        return;
      }
      log.add(command + " runs " + runs);
      Probe.execute(db, script.statements().toArray(String[]::new));
      applied = end;
      tampered.retainAll(end);
      tables = new TreeSet<>(end);
      versionTable |= !runs.isEmpty();
    }

    private static String label(List<String> current) {
      return current.isEmpty() ? "base" : String.join(", ", current);
    }

    /** Runs a command the model refuses: it must fail with the model's code and change nothing. */
    private void refusedAsModelled(String command, Refused refused, Supplier<?> run) {
      log.add(command + " refused: " + refused.getMessage());
      Object before = observed();
      Object result;
      try {
        result = run.get();
      } catch (RetortException e) {
        assertThat(e.code()).as(command + " fails with the documented code; its message: " + e.getMessage())
            .isEqualTo(refused.code);
        assertThat(observed()).as(command + " failed, and changed nothing").isEqualTo(before);
        return;
      }
      throw new AssertionError(command + " should fail with " + refused.getMessage() + " but returned " + result);
    }

    /** The tables, whether the version table exists, and its rows. */
    private Object observed() {
      return List.of(liveTables(), versionTableExists(), versionTableExists() ? Probe.versionRows(db) : List.of());
    }

    private void verify() {
      String after = log.isEmpty() ? "at the start" : "after " + log.get(log.size() - 1);
      assertThat(liveTables()).as("the migrations' tables " + after).isEqualTo(tables);
      assertThat(versionTableExists()).as("whether the version table exists " + after).isEqualTo(versionTable);
      if (versionTable) {
        assertThat(new TreeSet<>(Probe.appliedIds(db))).as("the version table " + after).isEqualTo(applied);
      }
      assertThat(retort.heads().revisions()).as("heads()").containsExactly(model.head());
      Refused refusal = refusal();
      if (refusal != null) {
        for (Supplier<?> reader : List.<Supplier<?>>of(retort::current, retort::history)) {
          try {
            reader.get();
            throw new AssertionError("current() and history() should refuse " + after + ": " + refusal.getMessage());
          } catch (RetortException e) {
            assertThat(e.code()).as("current() and history() refuse " + after + "; message: " + e.getMessage())
                .isEqualTo(refusal.code);
          }
        }
        return;
      }
      Current current = retort.current();
      assertThat(current.revisions()).as("current() " + after).isEqualTo(model.current(applied));
      assertThat(current.head()).as("current().head() " + after).isEqualTo(model.head());
      Set<String> pending = new TreeSet<>(model.order());
      pending.removeAll(applied);
      assertThat(current.pending()).as("current().pending() " + after).isEqualTo(model.inOrder(pending));
      assertThat(current.applied()).as("current().applied() " + after)
          .extracting(row -> row.revision()).isEqualTo(model.inOrder(applied));
      List<HistoryEntry> entries = retort.history().entries();
      assertThat(entries).as("history() " + after).extracting(HistoryEntry::revision).isEqualTo(model.order());
      for (HistoryEntry entry : entries) {
        assertThat(entry.isApplied()).as("history() marks " + entry.revision() + " " + after)
            .isEqualTo(applied.contains(entry.revision()));
        assertThat(entry.head()).as("history() head mark of " + entry.revision())
            .isEqualTo(entry.revision().equals(model.head()));
        assertThat(entry.parents()).as("history() parents of " + entry.revision())
            .isEqualTo(model.parents(entry.revision()));
      }
    }

    /** The revisions whose tables exist, from the database's metadata. */
    private Set<String> liveTables() {
      Set<String> result = new TreeSet<>();
      try {
        DatabaseMetaData metadata = probe.getMetaData();
        try (ResultSet rows = metadata.getTables(probe.getCatalog(), probe.getSchema(), "%", new String[] {"TABLE"})) {
          while (rows.next()) {
            String name = rows.getString("TABLE_NAME");
            if (name.startsWith("t_")) {
              result.add(name.substring(2));
            }
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot list the tables of " + db, e);
      }
      return result;
    }

    private boolean versionTableExists() {
      try (ResultSet rows = probe.getMetaData().getTables(probe.getCatalog(), probe.getSchema(), "retort_version",
          new String[] {"TABLE"})) {
        return rows.next();
      } catch (SQLException e) {
        throw new IllegalStateException("cannot list the tables of " + db, e);
      }
    }

    private void execute(String sql) throws SQLException {
      try (Statement statement = probe.createStatement()) {
        statement.execute(sql);
      }
    }
  }
}
