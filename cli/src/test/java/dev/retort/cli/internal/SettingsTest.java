package dev.retort.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where the database settings come from, and which values are refused. */
class SettingsTest {

  private static final Map<String, String> ENVIRONMENT = Map.of(
      "DATABASE_URL", "jdbc:postgresql://env/app", "DATABASE_USER", "env-user", "DATABASE_PASSWORD", "env-secret");

  @Test
  void explicitValuesWinOverTheEnvironment() {
    Settings settings = Settings.of("jdbc:h2:mem:x", "sa", "given", "history", "app", Duration.ofSeconds(3), null, null,
        null, ENVIRONMENT);

    assertThat(settings).isEqualTo(new Settings(
        Optional.of("jdbc:h2:mem:x"), "sa", "given", "history", Optional.of("app"), Optional.empty(),
        Duration.ofSeconds(3), List.of(), Optional.empty(), 0, false));
  }

  @Test
  void theEnvironmentFillsWhatIsNotGiven() {
    Settings settings = Settings.of(null, null, null, null, null, null, null, null, null, ENVIRONMENT);

    assertThat(settings).isEqualTo(new Settings(Optional.of("jdbc:postgresql://env/app"), "env-user", "env-secret",
        "retort_version", Optional.empty(), Optional.empty(), Duration.ofMinutes(5), List.of(), Optional.empty(), 0,
        false));
    assertThat(settings.describe()).isEqualTo("jdbc:postgresql://env/app as env-user");
  }

  @Test
  void lineEndsAroundEnvironmentValuesAreNotPartOfThem() {
    Map<String, String> fromWindowsEnvFile = Map.of(
        "DATABASE_URL", "jdbc:postgresql://env/app\r", "DATABASE_USER", "env-user\r", "DATABASE_PASSWORD", "env secret \r\n");

    Settings settings = Settings.of(null, null, null, null, null, null, null, null, null, fromWindowsEnvFile);

    assertThat(settings.url()).contains("jdbc:postgresql://env/app");
    assertThat(settings.user()).isEqualTo("env-user");
    assertThat(settings.password()).isEqualTo("env secret ");
  }

  @Test
  void withoutUrlThereIsNoDatabase() {
    Settings settings = Settings.of(null, null, null, null, null, null, null, null, null, Map.of());

    assertThat(settings.url()).isEmpty();
    assertThat(settings.describe()).isEqualTo("(no database URL)");
  }

  @Test
  void aUrlThatIsNotJdbcIsRefusedWithItsPasswordMasked() {
    assertThatThrownBy(() -> Settings.of("postgres://app:pw123456@db/app", null, "pw123456", null, null, null, null, null,
        null, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("'postgres://app:****@db/app' is not a JDBC URL")
        .hasMessageNotContaining("pw123456");
  }

  @Test
  void describeNamesTheCurrentSchemaThatATenantsCommandWorksIn() {
    Settings settings = Settings.of("jdbc:postgresql://db/saas", "app", null, null, null, null, null, null, null, Map.of())
        .withCurrentSchema("tenant_acme");

    assertThat(settings.describe()).isEqualTo("jdbc:postgresql://db/saas as app, in schema tenant_acme");
  }

  @Test
  void onMariaDbAndMySqlTheCurrentSchemaIsADatabase() {
    for (String url : List.of("jdbc:mariadb://db/", "jdbc:mysql://db/")) {
      Settings settings = Settings.of(url, "root", null, null, null, null, null, null, null, Map.of())
          .withCurrentSchema("tenant_acme");

      assertThat(settings.describe()).isEqualTo(url + " as root, in database tenant_acme");
    }
  }

  @Test
  void describeMasksThePassword() {
    Settings settings = Settings.of("jdbc:h2:./app;PASSWORD=topsecret", "sa", "topsecret", null, null, null, null, null,
        null, Map.of());

    assertThat(settings.describe()).isEqualTo("jdbc:h2:./app;PASSWORD=**** as sa");
  }

  @ParameterizedTest
  @CsvSource({"500ms, PT0.5S", "30s, PT30S", "30, PT30S", "5m, PT5M", "5min, PT5M", "2h, PT2H", "PT90S, PT1M30S"})
  void readsDurations(String text, String expected) {
    assertThat(Settings.parseDuration(text)).isEqualTo(Duration.parse(expected));
  }

  @Test
  void refusesWhatIsNotADuration() {
    assertThatThrownBy(() -> Settings.parseDuration("soon"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'soon' is not a duration; write it as 30s, 5m, 1h, 500ms or PT5M");
  }

  @Test
  void refusesAZeroLockTimeout() {
    assertThatThrownBy(() -> Settings.of(null, null, null, null, null, Duration.ZERO, null, null, null, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lock timeout must be positive");
  }

  @Test
  void unmanagedPatternsAreKeptStrippedAndABadOneIsRefused() {
    Settings settings = Settings.of("jdbc:h2:mem:x", null, null, null, null, null, List.of(" qrtz_* ", "shedlock"),
        null, null, Map.of());

    assertThat(settings.unmanaged()).containsExactly("qrtz_*", "shedlock");
    assertThatThrownBy(() -> Settings.of("jdbc:h2:mem:x", null, null, null, null, null, List.of(""), null, null,
        Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pattern is blank");
  }

  @Test
  void aTableLockTimeoutGoesWithItsRetriesAndMustBePositive() {
    Settings settings = Settings.of("jdbc:h2:mem:x", null, null, null, null, null, null, Duration.ofSeconds(5), 3,
        Map.of());

    assertThat(settings.tableLockTimeout()).hasValue(Duration.ofSeconds(5));
    assertThat(settings.tableLockRetries()).isEqualTo(3);
    assertThatThrownBy(() -> Settings.of("jdbc:h2:mem:x", null, null, null, null, null, null, Duration.ZERO, null,
        Map.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table lock timeout must be positive");
    assertThatThrownBy(() -> Settings.of("jdbc:h2:mem:x", null, null, null, null, null, null, null, -1, Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 or more");
  }

  @Test
  void aCurrentSchemaIsKeptStrippedThroughAnotherPasswordAndABlankOneMeansNone() {
    Settings settings = Settings.of("jdbc:h2:mem:x", null, null, null, null, null, null, null, null, Map.of())
        .withCurrentSchema(" tenant_a ");

    assertThat(settings.currentSchema()).hasValue("tenant_a");
    assertThat(settings.withPassword("asked").currentSchema()).hasValue("tenant_a");
    assertThat(settings.withCurrentSchema(" ").currentSchema()).isEmpty();
    assertThat(settings.withCurrentSchema(null).currentSchema()).isEmpty();
  }
}
