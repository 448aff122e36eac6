package dev.retort.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a URL that no JDBC driver on the class path accepts needs: its database's driver, or a corrected prefix. */
class DriverHintTest {

  @ParameterizedTest
  @CsvSource({
      "jdbc:postgresql://db:5432/app, org.postgresql:postgresql",
      "JDBC:PostgreSQL://db:5432/app, org.postgresql:postgresql",
      "jdbc:mariadb://db:3306/app, org.mariadb.jdbc:mariadb-java-client",
      "jdbc:mysql://db:3306/app, com.mysql:mysql-connector-j",
      "jdbc:h2:./target/app, com.h2database:h2",
      "jdbc:sqlite:app.db, org.xerial:sqlite-jdbc"})
  void aKnownDatabaseNamesItsDriver(String url, String artifact) {
    assertThat(DriverHint.forUrl(url))
        .isEqualTo("Add its driver, " + artifact + ", to the application's runtime dependencies.");
  }

  @ParameterizedTest
  @CsvSource({
      "jdbc:postgres://db:5432/app, jdbc:postgres:, jdbc:postgresql:, PostgreSQL",
      "jdbc:pg://db/app, jdbc:pg:, jdbc:postgresql:, PostgreSQL",
      "jdbc:sqlite3:app.db, jdbc:sqlite3:, jdbc:sqlite:, SQLite",
      "jdbc:maria://db/app, jdbc:maria:, jdbc:mariadb:, MariaDB"})
  void aMisspelledPrefixNamesTheRightOne(String url, String wrong, String right, String database) {
    assertThat(DriverHint.forUrl(url)).isEqualTo("No driver knows the prefix " + wrong + "; " + database
        + "'s is " + right + " (" + url.replaceFirst("(?i)^" + wrong, right) + ").");
  }

  @Test
  void anUnknownPrefixAsksForTheDriverOrACorrectedUrl() {
    assertThat(DriverHint.forUrl("jdbc:nodriver://db/app")).isEqualTo("Add the database's driver (such as"
        + " org.postgresql:postgresql, org.mariadb.jdbc:mariadb-java-client or com.h2database:h2) to the application's"
        + " runtime dependencies, or correct the URL.");
  }
}
