package dev.retort.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/spring-boot.md has a row for every property in the configuration metadata that
 * spring-boot-configuration-processor wrote from {@link RetortProperties}, so a new property
 * fails this test until the guide explains it.
 */
class PropertiesDocumentedTest {

  private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"(retort\\.[a-z-]+)\"");

  @Test
  void theGuideHasARowForEveryProperty() throws IOException {
    String metadata;
    try (InputStream in = getClass().getClassLoader()
        .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("the configuration metadata").isNotNull();
      metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> properties = new ArrayList<>();
    Matcher matcher = NAME.matcher(metadata);
    while (matcher.find()) {
      properties.add(matcher.group(1));
    }
    assertThat(properties).contains("retort.enabled", "retort.target", "retort.check-on-start");

    String page = Files.readString(
        Path.of(System.getProperty("basedir", ".")).resolve("../docs/spring-boot.md"), StandardCharsets.UTF_8);
    assertThat(properties).allSatisfy(property -> assertThat(page).contains("| `" + property + "` |"));
  }
}
