package dev.retort.runtime;

import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.date;
import static dev.retort.model.ColumnType.varchar;
import static dev.retort.runtime.Codes.code;
import static dev.retort.runtime.Probe.quote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.Migration;
import dev.retort.RevisionInfo;
import dev.retort.dsl.Schema;
import dev.retort.runtime.fixtures.Library;
import dev.retort.runtime.testdb.LendingDataSource;
import dev.retort.runtime.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The table lock timeout: a migration whose statement waits for a table that another session's open transaction
 * uses fails after the timeout, or is tried again, instead of queueing every later query on the table behind it
 * for as long as that session takes. What the database decides (which lock waits, what a timeout leaves behind) on
 * each database that has the setting.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TableLockTimeoutTest {

  /**
   * Revision 003 of this history creates a table (which needs no lock another session holds), then changes authors
   * (which the blocker holds). Not books: its foreign key makes MariaDB's ALTER TABLE books wait for authors too.
   */
  private static List<RevisionInfo> revisions() {
    return List.of(Library.revisions().get(0), Library.revisions().get(1),
        Retort.revision("003", List.of("002"), TagsThenAuthors::new));
  }

  /** Two statements: the first runs, the second waits for the table that the blocker holds. */
  public static final class TagsThenAuthors implements Migration {
    @Override
    public void upgrade(Schema schema) {
      schema.createTable("tags", t -> t.column("name", varchar(40), notNull()).primaryKey("pk_tags", "name"));
      schema.alterTable("authors", t -> t.addColumn("born", date()));
    }

    @Override
    public void downgrade(Schema schema) {
      schema.alterTable("authors", t -> t.dropColumn("born"));
      schema.dropTable("tags");
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
  void aStatementThatWaitsLongerThanTheTimeoutFailsTheMigrationAndTheVersionTableStaysExact(TestDatabase.Kind kind)
      throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Probe.retort(db, revisions()).upgrade("002");
      Retort retort = Retort.builder().url(db.url(), db.user(), db.password()).migrations(revisions())
          .tableLockTimeout(Duration.ofMillis(500)).build();

      long started = System.nanoTime();
      try (Connection blocker = holdAuthors(db)) {
        assertThatThrownBy(retort::upgrade)
            .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.MIGRATION_FAILED))
            .hasMessageContaining("failed at statement 2 of 2")
            .hasMessageContaining("waited longer than the table lock timeout of "
                + (kind == TestDatabase.Kind.MARIADB ? "1 s" : "500 ms"))
            .hasMessageContaining(kind == TestDatabase.Kind.POSTGRESQL ? "pg_blocking_pids"
                : kind == TestDatabase.Kind.MARIADB ? "METADATA_LOCK_INFO" : "INFORMATION_SCHEMA.SESSIONS")
            .hasMessageNotContaining("Fix the migration");
        blocker.rollback();
      }
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));

      assertThat(Probe.appliedIds(db)).containsExactly("001", "002");
      assertThat(Probe.columnExists(db, "authors", "born")).isFalse();
      // PostgreSQL rolled the whole migration back; the others had committed its first statement, as the message says.
      assertThat(Probe.tableExists(db, "tags")).isEqualTo(kind != TestDatabase.Kind.POSTGRESQL);
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
  void aMigrationThatTimedOutIsTriedAgainFromWhereNothingOfItRemains(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Probe.retort(db, revisions()).upgrade("002");
      Retort retort = Retort.builder().url(db.url(), db.user(), db.password()).migrations(revisions())
          .tableLockTimeout(Duration.ofMillis(500)).tableLockRetries(20).build();

      MigrationResult result;
      try (Connection blocker = holdAuthors(db)) {
        Thread release = new Thread(() -> {
          try {
            Thread.sleep(1_200);
            blocker.rollback();
          } catch (InterruptedException | SQLException e) {
            throw new IllegalStateException(e);
          }
        });
        release.start();
        result = retort.upgrade();
        release.join();
      }

      assertThat(result.runs()).extracting(MigrationRun::revision).containsExactly("003");
      assertThat(Probe.appliedIds(db)).containsExactly("001", "002", "003");
      assertThat(Probe.columnExists(db, "authors", "born")).isTrue();
      assertThat(Probe.tableExists(db, "tags")).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "MARIADB"})
  void theSessionsOwnTimeoutIsGivenBackWithTheConnection(TestDatabase.Kind kind) {
    // On H2 this covers the connection that holds the migration lock, which waits with a lock timeout of its own.
    try (TestDatabase db = TestDatabase.create(kind)) {
      String query = kind == TestDatabase.Kind.H2 ? "SELECT LOCK_TIMEOUT()" : "SELECT @@SESSION.lock_wait_timeout";
      NotingPool pool = new NotingPool(db, query);
      Retort.builder().dataSource(pool).migrations(revisions()).tableLockTimeout(Duration.ofSeconds(3)).build()
          .upgrade();

      assertThat(pool.lent).isNotEmpty();
      assertThat(pool.givenBack).isEqualTo(pool.lent);
      assertThat(pool.lent).doesNotContain(kind == TestDatabase.Kind.H2 ? 3_000L : 3L);
    }
  }

  /**
   * A session whose open transaction has written to authors: it holds the lock that ALTER TABLE authors waits for
   * (PostgreSQL's ROW EXCLUSIVE, MariaDB's shared metadata lock, H2's shared table lock) until it ends.
   */
  private static Connection holdAuthors(TestDatabase db) throws SQLException {
    Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO " + quote(db, "authors") + " (" + quote(db, "id") + ", " + quote(db, "name")
          + ") VALUES (1, 'Ursula')");
    }
    return connection;
  }

  /** Notes each connection's lock timeout when it is lent and when it comes back. */
  private static final class NotingPool extends LendingDataSource {
    final List<Long> lent = new CopyOnWriteArrayList<>();
    final List<Long> givenBack = new CopyOnWriteArrayList<>();
    private final String query;

    NotingPool(TestDatabase db, String query) {
      super(db);
      this.query = query;
    }

    @Override
    protected void lend(Connection connection) throws SQLException {
      lent.add(value(connection));
    }

    @Override
    protected void giveBack(Connection connection) throws SQLException {
      givenBack.add(value(connection));
    }

    private long value(Connection connection) throws SQLException {
      try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
