package dev.retort.runtime.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Probe;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.fixtures.Library;
import dev.retort.runtime.internal.Advice;
import dev.retort.runtime.internal.Unmanaged;
import dev.retort.runtime.internal.connect.ConnectionSource;
import dev.retort.runtime.internal.graph.RevisionGraph;
import dev.retort.runtime.testdb.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The message of a connection that cannot be opened says what to check for that failure; on H2, the look a command
 * takes before its first lock.
 */
class SessionTest {

  /** Another process took the lock first and had half migrated when the look read the database. */
  @Test
  void onH2ALookRefusedWhileAnotherProcessMigratesIsDoneAgainUnderTheLock() {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2); Session session = Session.open(context(db))) {
      String result = session.underLock(() -> {
        Probe.retort(db, Library.revisions()).upgrade("001");
        throw new RetortException(ErrorCode.INVALID_TARGET, "refused by what the other process had half done");
      }, () -> "run under the lock");

      assertThat(result).isEqualTo("run under the lock");
    }
  }

  @Test
  void onH2ALookRefusedWithNoOtherProcessAtWorkStandsAndCreatesNothing() {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2); Session session = Session.open(context(db))) {
      assertThatThrownBy(() -> session.underLock(() -> {
        throw new RetortException(ErrorCode.INVALID_TARGET, "refused");
      }, () -> "run under the lock")).hasMessage("refused");

      assertThat(Probe.tableExists(db, "retort_version_lock")).isFalse();
    }
  }

  private static Context context(TestDatabase db) {
    return new Context(Optional.of(ConnectionSource.of(db.url(), db.user(), db.password())),
        RevisionGraph.of(Library.revisions()), "", Optional.empty(), "retort_version", Duration.ofSeconds(10),
        SessionTest.class.getClassLoader(), connection -> {
          try {
            return Dialects.detect(connection);
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        }, Dialects::forVendor, Advice.JAVA, Optional.empty(), Optional.empty(), Unmanaged.none(), Optional.empty(),
        0, false, false);
  }

  @Test
  void aUrlNoDriverTakesAsksForTheDriverNotForARunningDatabase() {
    String message = Session.connectionFailure(new SQLException("No suitable driver found for jdbc:nosuch:x", "08001"));

    assertThat(message)
        .startsWith("Could not connect to the database: No suitable driver found for jdbc:nosuch:x. No JDBC driver on"
            + " the class path accepts the URL. Add the database's driver")
        .doesNotContain("running");
  }

  @Test
  void aUrlOfAKnownDatabaseThatNoDriverTakesNamesItsDriver() {
    String message = Session.connectionFailure(
        new SQLException("No suitable driver found for jdbc:sqlite:app.db", "08001"));

    assertThat(message).isEqualTo("Could not connect to the database: No suitable driver found for jdbc:sqlite:app.db."
        + " No JDBC driver on the class path accepts the URL. Add its driver, org.xerial:sqlite-jdbc, to the"
        + " application's runtime dependencies.");
  }

  @Test
  void theCommandLinesMissingDriverIsNotMistakenForADatabaseThatIsDown() {
    // The command line's and Maven's data source say which driver is missing themselves.
    String message = Session.connectionFailure(new SQLException("No JDBC driver on the class path accepts the URL"
        + " jdbc:postgres://db/app. No driver knows the prefix jdbc:postgres:; PostgreSQL's is jdbc:postgresql:"
        + " (jdbc:postgresql://db/app).", "08001"));

    assertThat(message).endsWith("(jdbc:postgresql://db/app).").doesNotContain("running").doesNotContain("..");
  }

  @Test
  void otherFailuresAskToCheckTheUrlTheCredentialsAndTheServer() {
    String message = Session.connectionFailure(
        new SQLException("FATAL: password authentication failed for user \"app\"", "28P01"));

    assertThat(message).isEqualTo("Could not connect to the database: FATAL: password authentication failed for user"
        + " \"app\". Check the URL, user and password, and that the database is running.");
  }

  @Test
  void aSqliteFileThatCannotBeOpenedAsksForItsDirectoryAndTheRightToWrite() {
    String message = Session.connectionFailure(new SQLException(
        "[SQLITE_CANTOPEN] Unable to open the database file (unable to open database file)", null, 14));

    assertThat(message).isEqualTo("Could not connect to the database: [SQLITE_CANTOPEN] Unable to open the database"
        + " file (unable to open database file). SQLite creates a missing database file, but not the directory it"
        + " goes in: create the directory first (Files.createDirectories), and check that this process may write"
        + " the directory and the file.");
  }

  @Test
  void aReasonEndingInAFullStopIsNotFollowedByASecondOne() {
    String message = Session.connectionFailure(new SQLException("Connection refused.", "08001"));

    assertThat(message).isEqualTo("Could not connect to the database: Connection refused. Check the URL, user and"
        + " password, and that the database is running.");
  }
}
