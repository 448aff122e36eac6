package dev.retort.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.bench.database.Server;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void theDefaultsGiveTheDocumentedCommand() {
    Settings settings = Settings.from(properties("bench.work", "/tmp/w"));

    assertThat(settings.runs()).isEqualTo(5);
    assertThat(settings.compileRuns()).isEqualTo(3);
    assertThat(settings.servers()).containsExactly(Server.H2, Server.POSTGRESQL, Server.MARIADB);
    assertThat(settings.sections()).isEqualTo(EnumSet.allOf(Settings.Section.class));
    assertThat(settings.entities()).containsExactly(100, 1000, 5000);
    assertThat(settings.tables()).containsExactly(1000, 10000);
    assertThat(settings.readme()).isEmpty();
    assertThat(settings.work()).isEqualTo(Path.of("/tmp/w"));
    assertThat(settings.command()).isEqualTo("./mvnw -B -ntp -Pbench-compare -pl bench -am -Dmaven.test.skip=true verify");
  }

  @Test
  void theCommandRepeatsEverySettingThatIsNotTheDefault() {
    Settings settings = Settings.from(properties("bench.work", "w", "bench.runs", "3", "bench.compileRuns", "1", "bench.databases", "h2, mariadb",
        "bench.sections", "differ,start", "bench.entities", "10", "bench.tables", "5,50", "bench.readme", "README.md"));

    assertThat(settings.servers()).isEqualTo(List.of(Server.H2, Server.MARIADB));
    assertThat(settings.readme()).contains(Path.of("README.md"));
    assertThat(settings.command()).isEqualTo("./mvnw -B -ntp -Pbench-compare -pl bench -am -Dmaven.test.skip=true"
        + " -Dbench.runs=3 -Dbench.compileRuns=1 -Dbench.databases=H2,MARIADB -Dbench.sections=start,differ -Dbench.entities=10"
        + " -Dbench.tables=5,50 verify");
  }

  @Test
  void anUnknownDatabaseIsNamedWithTheChoices() {
    assertThatThrownBy(() -> Settings.from(properties("bench.work", "w", "bench.databases", "oracle")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bench.databases holds 'oracle'")
        .hasMessageContaining("POSTGRESQL");
  }

  @Test
  void theWorkingDirectoryIsRequired() {
    assertThatThrownBy(() -> Settings.from(new Properties()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-Dbench.work=DIR");
  }

  @Test
  void runsMustBePositiveWholeNumbers() {
    assertThatThrownBy(() -> Settings.from(properties("bench.work", "w", "bench.runs", "0")))
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> Settings.from(properties("bench.work", "w", "bench.runs", "five")))
        .hasMessageContaining("bench.runs holds 'five'");
  }

  private static Properties properties(String... keysAndValues) {
    Properties properties = new Properties();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
    }
    return properties;
  }
}
