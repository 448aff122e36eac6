package dev.retort.examples.bookshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

  private static final Path DATA = Path.of("/srv/bookshop/data");

  @Test
  void withoutDatabaseUrlTheDatabaseIsAnH2FileInTheDataDirectory() {
    DatabaseSettings settings = DatabaseSettings.fromEnvironment(Map.of(), DATA);

    assertThat(settings.url()).isEqualTo("jdbc:h2:file:/srv/bookshop/data/bookshop;DATABASE_TO_LOWER=TRUE");
    assertThat(settings.user()).isEqualTo("sa");
  }

  @Test
  void aBlankDatabaseUrlCountsAsNone() {
    assertThat(DatabaseSettings.fromEnvironment(Map.of("DATABASE_URL", "  "), DATA).url()).startsWith("jdbc:h2:file:");
  }

  @Test
  void databaseUrlAndCredentialsComeFromTheEnvironment() {
    DatabaseSettings settings = DatabaseSettings.fromEnvironment(
        Map.of(
            "DATABASE_URL", " jdbc:postgresql://db:5432/shop ",
            "DATABASE_USER", "shop",
            "DATABASE_PASSWORD", "s3cret"),
        DATA);

    assertThat(settings).isEqualTo(new DatabaseSettings("jdbc:postgresql://db:5432/shop", "shop", "s3cret"));
  }

  @Test
  void missingCredentialsAreEmpty() {
    DatabaseSettings settings = DatabaseSettings.fromEnvironment(Map.of("DATABASE_URL", "jdbc:sqlite:shop.db"), DATA);

    assertThat(settings.user()).isEmpty();
    assertThat(settings.password()).isEmpty();
  }

  @Test
  void aUrlThatIsNotJdbcIsRejectedWithExamples() {
    assertThatThrownBy(() -> DatabaseSettings.fromEnvironment(Map.of("DATABASE_URL", "mysql://db/shop"), DATA))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'mysql://db/shop' is not a JDBC URL")
        .hasMessageContaining("jdbc:mariadb://");
  }

  @Test
  void theDisplayedUrlLeavesOutQueryParametersThatMayHoldAPassword() {
    DatabaseSettings settings = new DatabaseSettings("jdbc:postgresql://db/shop?user=a&password=b", "", "");

    assertThat(settings.displayUrl()).isEqualTo("jdbc:postgresql://db/shop");
  }
}
