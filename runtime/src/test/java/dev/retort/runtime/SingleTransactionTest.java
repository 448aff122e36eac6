package dev.retort.runtime;

import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.varchar;
import static dev.retort.runtime.Codes.code;
import static dev.retort.runtime.Probe.appliedIds;
import static dev.retort.runtime.Probe.quote;
import static dev.retort.runtime.Probe.tableExists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.Migration;
import dev.retort.RevisionInfo;
import dev.retort.dsl.Schema;
import dev.retort.runtime.fixtures.Failing;
import dev.retort.runtime.fixtures.Library;
import dev.retort.runtime.testdb.ScriptTool;
import dev.retort.runtime.testdb.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code singleTransaction}: all the migrations of a command in one transaction where DDL is transactional, so that
 * a failure leaves none of them; refused before any change where DDL commits, or where a statement cannot run in a
 * transaction.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SingleTransactionTest {

  @TempDir
  Path directory;

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"POSTGRESQL", "SQLITE"})
  void aFailingMigrationTakesTheOnesBeforeItBackWithIt(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = single(db, Failing.revisions()).build();

      assertThatThrownBy(retort::upgrade)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.MIGRATION_FAILED))
          .hasMessageContaining("revision 002 (" + Failing.FailsAtThirdStatement.class.getName() + ")")
          .hasMessageContaining("failed at statement 3 of 5")
          .hasMessageContaining("no_such_table")
          .hasMessageContaining("ran the 2 migrations of this upgrade in a single transaction, which was rolled"
              + " back: nothing of revisions 001 and 002 remains, and the version table still says base (no"
              + " revision).")
          .hasMessageContaining("Fix the migration, or the data it failed on, and run upgrade(\"head\") again.")
          .hasMessageNotContaining("stay so");

      assertThat(tableExists(db, "authors")).as("revision 001 rolled back with 002").isFalse();
      assertThat(tableExists(db, "t1")).isFalse();
      assertThat(appliedIds(db)).isEmpty();
      assertThat(retort.current().atBase()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"POSTGRESQL", "SQLITE"})
  void upgradeAndDowngradeRecordEveryMigrationTheyRanTogether(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = single(db, Library.revisions()).build();

      MigrationResult up = retort.upgrade();

      assertThat(up.runs()).extracting(MigrationRun::revision).containsExactly("001", "002", "003", "004");
      assertThat(Probe.versionRows(db)).extracting(Probe.Row::revision).containsExactly("001", "002", "003", "004");
      assertThat(Probe.versionRows(db)).allSatisfy(row -> assertThat(row.executed()).isTrue());
      assertThat(retort.check().differences()).isEmpty();

      MigrationResult down = retort.downgrade("001");

      assertThat(down.runs()).extracting(MigrationRun::revision).containsExactly("004", "003", "002");
      assertThat(appliedIds(db)).containsExactly("001");
      assertThat(tableExists(db, "books")).isFalse();
      assertThat(retort.check().differences()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"POSTGRESQL", "SQLITE"})
  void aFailingDowngradeKeepsEveryRevisionItWouldHaveReverted(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      List<RevisionInfo> history = List.of(Library.revisions().get(0),
          Retort.revision("002", List.of("001"), DowngradeFails::new),
          Retort.revision("003", List.of("002"), CreateTags::new));
      Retort retort = single(db, history).build();
      retort.upgrade();

      assertThatThrownBy(() -> retort.downgrade("base"))
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.MIGRATION_FAILED))
          .hasMessageContaining("Downgrade of revision 002 (" + DowngradeFails.class.getName() + ") failed at"
              + " statement 1 of 1")
          .hasMessageContaining("was running the 3 migrations of this downgrade in a single transaction, which was"
              + " rolled back: revisions 003 and 002 are still applied, revision 001 did not run, and the version"
              + " table still says revision 003.")
          .hasMessageContaining("run downgrade(\"base\") again.");

      assertThat(appliedIds(db)).containsExactly("001", "002", "003");
      assertThat(tableExists(db, "tags")).as("revision 003's downgrade rolled back").isTrue();
    }
  }

  /** The progress listener hears of a migration once it is recorded: here, once the whole transaction committed. */
  @Test
  void theProgressListenerIsToldOnceEveryMigrationIsCommitted() {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
      List<List<String>> seenByAnotherSession = new ArrayList<>();
      Retort retort = single(db, Library.revisions())
          .progress(run -> seenByAnotherSession.add(appliedIds(db))).build();

      retort.upgrade();

      assertThat(seenByAnotherSession).hasSize(4)
          .allSatisfy(seen -> assertThat(seen).containsExactly("001", "002", "003", "004"));
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "MARIADB"})
  void isRefusedBeforeAnyChangeWhereDdlCommits(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = single(db, Library.revisions()).build();
      String database = kind == TestDatabase.Kind.H2 ? "H2" : "MariaDB";

      assertThatThrownBy(retort::upgrade)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.UNSUPPORTED_OPERATION))
          .hasMessageContaining("Cannot run the migrations in a single transaction on " + database + ": it commits"
              + " every DDL statement")
          .hasMessageContaining("Nothing was changed. Turn off singleTransaction (retort.single-transaction in"
              + " Spring Boot, --single-transaction on the command line, retort.singleTransaction in Maven) for "
              + database);

      assertThat(Probe.tables(db)).as("no version table, no lock table, no migration").isEmpty();

      // Refused on a database at head too: the setting is wrong for the database, not for one deploy.
      Probe.retort(db, Library.revisions()).upgrade();
      assertThatThrownBy(retort::upgrade)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.UNSUPPORTED_OPERATION));
      assertThatThrownBy(() -> retort.downgrade("-1"))
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.UNSUPPORTED_OPERATION));
      assertThat(appliedIds(db)).containsExactly("001", "002", "003", "004");
    }
  }

  @Test
  void isRefusedBeforeAnyChangeForAStatementThatRunsOnlyOutsideATransaction() {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
      List<RevisionInfo> history = List.of(Retort.revision("1", List.of(), OutsideTransactionTest.CreateItems::new),
          Retort.revision("2", List.of("1"), OutsideTransactionTest.IndexConcurrently::new));
      Retort retort = single(db, history).build();

      assertThatThrownBy(retort::upgrade)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.UNSUPPORTED_OPERATION))
          .hasMessageContaining("Cannot run revision 2 (" + OutsideTransactionTest.IndexConcurrently.class.getName()
              + ") in a single transaction with the rest of this upgrade: statement 1 of its upgrade, CREATE INDEX"
              + " CONCURRENTLY")
          .hasMessageContaining("runs only outside a transaction on PostgreSQL. None of the migrations ran. Run"
              + " upgrade(\"1\") in a single transaction, then the rest with singleTransaction");

      assertThat(Probe.tables(db)).as("no version table, no migration").isEmpty();

      Probe.retort(db, history).upgrade();
      assertThatThrownBy(() -> retort.downgrade("base"))
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.UNSUPPORTED_OPERATION))
          .hasMessageContaining("statement 1 of its downgrade, DROP INDEX CONCURRENTLY")
          .hasMessageContaining("None of the migrations ran. Run the rest with singleTransaction");
      assertThat(appliedIds(db)).containsExactly("1", "2");
    }
  }

  /**
   * A statement that waits too long for a table lock rolls back the whole transaction, so the retry starts again
   * from the first migration: revision 002's table is created again, not found left over.
   */
  @Test
  void aTableLockTimeoutRetriesTheWholeTransaction() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
      List<RevisionInfo> history = List.of(Library.revisions().get(0),
          Retort.revision("002", List.of("001"), CreateTags::new),
          Retort.revision("003", List.of("002"), Library.AddAuthorsBorn::new));
      Probe.retort(db, history).upgrade("001");
      Retort retort = single(db, history).tableLockTimeout(Duration.ofMillis(300)).tableLockRetries(20).build();

      MigrationResult result;
      try (Connection blocker = DriverManager.getConnection(db.url(), db.user(), db.password())) {
        blocker.setAutoCommit(false);
        try (Statement statement = blocker.createStatement()) {
          statement.execute("INSERT INTO " + quote(db, "authors") + " (" + quote(db, "id") + ", "
              + quote(db, "name") + ") VALUES (1, 'Ursula')");
        }
        Thread release = new Thread(() -> {
          try {
            Thread.sleep(1_000);
            blocker.rollback();
          } catch (InterruptedException | SQLException e) {
            throw new IllegalStateException(e);
          }
        });
        release.start();
        result = retort.upgrade();
        release.join();
      }

      assertThat(result.runs()).extracting(MigrationRun::revision).containsExactly("002", "003");
      assertThat(appliedIds(db)).containsExactly("001", "002", "003");
      assertThat(tableExists(db, "tags")).isTrue();
      assertThat(Probe.columnExists(db, "authors", "born")).isTrue();
    }
  }

  /** PostgreSQL checks a deferred foreign key at the commit, after every migration and version row was written. */
  @Test
  void aFailingCommitLeavesNothingEither() {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
      List<RevisionInfo> history = List.of(Library.revisions().get(0),
          Retort.revision("002", List.of("001"), OrphanCheckedAtCommit::new));
      Retort retort = single(db, history).build();

      assertThatThrownBy(retort::upgrade)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.MIGRATION_FAILED))
          .hasMessageStartingWith("Committing the single transaction of this upgrade failed on PostgreSQL: ")
          .hasMessageContaining("fk_notes_author")
          .hasMessageContaining("nothing of revisions 001 and 002 remains, and the version table still says base")
          .hasMessageContaining("Fix what the database refused at the commit, and run upgrade(\"head\") again.");

      assertThat(tableExists(db, "authors")).isFalse();
      assertThat(appliedIds(db)).isEmpty();
    }
  }

  /** The offline script is one transaction too, and the database's own tool run on it leaves nothing at an error. */
  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"POSTGRESQL", "SQLITE"})
  void theOfflineScriptIsOneTransaction(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind); TestDatabase failing = TestDatabase.create(kind)) {
      Retort retort = single(db, Library.revisions()).build();

      SqlScript script = retort.sql("base", "head", kind.vendor());

      List<String> statements = script.blocks().stream().flatMap(block -> block.statements().stream()).toList();
      assertThat(statements).filteredOn(statement -> statement.equals("BEGIN")).hasSize(1);
      assertThat(statements).filteredOn(statement -> statement.equals("COMMIT")).hasSize(1);
      assertThat(statements.indexOf("BEGIN")).isLessThan(statements.indexOf(statements.stream()
          .filter(statement -> statement.contains("retort_version")).findFirst().orElseThrow()));
      assertThat(script.text()).contains("All its migrations run in one transaction").doesNotContain("Do not add -1");
      ScriptTool.run(db, ScriptTool.write(directory, "upgrade.sql", script.text())).succeeded();
      assertThat(retort.current().atHead()).isTrue();
      assertThat(retort.check().differences()).isEmpty();

      Retort failingRetort = single(failing, Failing.revisions()).build();
      ScriptTool.Run run = ScriptTool.run(failing, ScriptTool.write(directory, "failing.sql",
          failingRetort.sql("base", "head", kind.vendor()).text()));

      assertThat(run.exitCode()).as(run.output()).isNotZero();
      assertThat(Probe.tables(failing)).as("not even the version table or revision 001's table").isEmpty();
    }
  }

  @Test
  void theOfflineScriptIsRefusedWhereDdlCommits() {
    Retort retort = Retort.builder().offline().migrations(Library.revisions()).singleTransaction(true).build();

    assertThatThrownBy(() -> retort.sql("base", "head", dev.retort.operation.Vendor.MARIADB))
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.UNSUPPORTED_OPERATION))
        .hasMessageContaining("Cannot run the migrations in a single transaction on MariaDB");
  }

  private static Retort.Builder single(TestDatabase db, List<RevisionInfo> history) {
    return Retort.builder().url(db.url(), db.user(), db.password()).migrations(history)
        .lockTimeout(Duration.ofSeconds(60)).singleTransaction(true);
  }

  /** Creates {@code tags}, which no other session holds. */
  public static final class CreateTags implements Migration {
    @Override
    public void upgrade(Schema schema) {
      schema.createTable("tags", t -> t.column("name", varchar(40), notNull()).primaryKey("pk_tags", "name"));
    }

    @Override
    public void downgrade(Schema schema) {
      schema.dropTable("tags");
    }
  }

  /** A downgrade that drops a table its upgrade never created. */
  public static final class DowngradeFails implements Migration {
    @Override
    public void upgrade(Schema schema) {
      schema.execute("SELECT 1");
    }

    @Override
    public void downgrade(Schema schema) {
      schema.execute("DROP TABLE \"no_such_table\"");
    }
  }

  /** A note whose author does not exist, which a foreign key checked only at the commit refuses. */
  public static final class OrphanCheckedAtCommit implements Migration {
    @Override
    public void upgrade(Schema schema) {
      schema.execute("CREATE TABLE \"notes\" (\"id\" INTEGER PRIMARY KEY, \"author_id\" BIGINT, CONSTRAINT"
          + " \"fk_notes_author\" FOREIGN KEY (\"author_id\") REFERENCES \"authors\" (\"id\") DEFERRABLE INITIALLY"
          + " DEFERRED)");
      schema.execute("INSERT INTO \"notes\" (\"id\", \"author_id\") VALUES (1, 42)");
    }

    @Override
    public void downgrade(Schema schema) {
      schema.execute("DROP TABLE \"notes\"");
    }
  }
}
