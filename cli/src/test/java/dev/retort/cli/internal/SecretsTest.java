package dev.retort.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Passwords never reach the output. */
class SecretsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "jdbc:postgresql://db/app?user=app&password=hunter22&ssl=true | jdbc:postgresql://db/app?user=app&password=****&ssl=true",
      "jdbc:mysql://app:hunter22@db:3306/app                         | jdbc:mysql://app:****@db:3306/app",
      "jdbc:h2:./app;USER=sa;PASSWORD=hunter22                        | jdbc:h2:./app;USER=sa;PASSWORD=****",
      "jdbc:sqlserver://db;pwd=hunter22;user=sa                      | jdbc:sqlserver://db;pwd=****;user=sa",
      "jdbc:postgresql://db:5432/app                                 | jdbc:postgresql://db:5432/app"})
  void masksPasswordsWrittenIntoUrls(String url, String masked) {
    assertThat(Secrets.maskUrls(url)).isEqualTo(masked);
    assertThat(Secrets.of().mask("Could not connect to " + url + " as app")).isEqualTo("Could not connect to " + masked
        + " as app");
  }

  @Test
  void masksGivenPasswordsWhereverTheyAppear() {
    Secrets secrets = Secrets.of("s3cret", "", null, "s3cret-longer");

    assertThat(secrets.mask("password s3cret-longer rejected; s3cret too")).isEqualTo("password **** rejected; **** too");
  }
}
