package dev.retort.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.processor.diagnostics.Message;
import dev.retort.runtime.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The troubleshooting page covers every error a user can meet: each runtime error code and
 * each processor message tag is explained there, so a new one fails this test until it is.
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

  private static String troubleshooting() throws IOException {
    return Files.readString(Guide.root().resolve("docs/troubleshooting.md"), StandardCharsets.UTF_8);
  }
}
