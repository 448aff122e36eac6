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
            + " the class path accepts the URL: add the database's driver")
        .doesNotContain("running");
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
