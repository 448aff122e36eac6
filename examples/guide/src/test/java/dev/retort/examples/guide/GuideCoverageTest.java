package dev.retort.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.processor.diagnostics.Message;
import dev.retort.processor.options.ProcessorOptions;
import dev.retort.runtime.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The guide covers what the product offers: the troubleshooting page explains each runtime
 * error code and each processor message tag, and the setup page each processor option, so a
 * new one fails this test until the guide explains it.
 */
class GuideCoverageTest {

  @Test
  void troubleshootingExplainsEveryRuntimeErrorCode() throws IOException {
    String page = troubleshooting();
    List<String> missing = new ArrayList<>();
    for (ErrorCode code : ErrorCode.values()) {
      if (!page.contains("`" + code.name() + "`")) {
        missing.add(code.name());
      }
    }
    assertThat(missing).as("error codes that docs/troubleshooting.md does not mention as `CODE`").isEmpty();
  }

  @Test
  void troubleshootingExplainsEveryProcessorMessage() throws IOException {
    String page = troubleshooting();
    List<String> missing = new ArrayList<>();
    for (Message message : Message.values()) {
      if (!page.contains("`" + message.tag() + "`")) {
        missing.add(message.tag());
      }
    }
    assertThat(missing).as("processor message tags that docs/troubleshooting.md does not mention as `tag`").isEmpty();
  }

  @Test
  void setupExplainsEveryProcessorOption() throws IOException {
    String page = page("setup.md");
    List<String> missing = new ArrayList<>();
    for (String option : ProcessorOptions.NAMES) {
      if (!page.contains("| `" + option + "` |")) {
        missing.add(option);
      }
    }
    assertThat(missing).as("processor options without a row in the table of docs/setup.md").isEmpty();
  }

  private static String troubleshooting() throws IOException {
    return page("troubleshooting.md");
  }

  private static String page(String name) throws IOException {
    return Files.readString(Guide.root().resolve("docs").resolve(name), StandardCharsets.UTF_8);
  }
}
