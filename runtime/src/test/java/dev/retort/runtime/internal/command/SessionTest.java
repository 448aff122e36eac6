package dev.retort.runtime.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The message of a connection that cannot be opened says what to check for that failure. */
class SessionTest {

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
  void aReasonEndingInAFullStopIsNotFollowedByASecondOne() {
    String message = Session.connectionFailure(new SQLException("Connection refused.", "08001"));

    assertThat(message).isEqualTo("Could not connect to the database: Connection refused. Check the URL, user and"
        + " password, and that the database is running.");
  }
}
