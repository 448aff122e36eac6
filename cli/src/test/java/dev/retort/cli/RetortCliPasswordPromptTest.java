package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --password} without a value, as a process whose standard input is not a terminal
 * ({@code echo "$PW" | retort current --password > current.txt}): the password is read from
 * standard input, and the prompt goes to standard error, never into the output a script keeps.
 */
class RetortCliPasswordPromptTest {

  private static final String PASSWORD = "prompted-5ecret";

  @Test
  void thePasswordIsReadFromStandardInputAndThePromptStaysOutOfTheOutput(@TempDir Path dir)
      throws IOException, InterruptedException, SQLException {
    String url = "jdbc:h2:file:" + dir.resolve("shop");
    try (Connection creating = DriverManager.getConnection(url, "sa", PASSWORD)) {
      assertThat(creating.isValid(1)).isTrue();
    }

    Result run = retort(PASSWORD + "\n", "current", "--url", url, "--user", "sa", "--password");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(RetortCli.OK);
    assertThat(run.out()).startsWith("Current revision: base (no revision applied)");
    assertThat(run.err()).isEqualTo("Password for sa: ");
    assertThat(run.out() + run.err()).doesNotContain(PASSWORD);
  }

  @Test
  void anEmptyStandardInputIsAUsageError(@TempDir Path dir) throws IOException, InterruptedException {
    Result run = retort("", "current", "--url", "jdbc:h2:file:" + dir.resolve("shop"), "--password");

    assertThat(run.exitCode()).isEqualTo(RetortCli.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("--password without a value reads the password, but standard input is at its end")
        .contains(" DATABASE_PASSWORD");
  }

  @Test
  void aCommandThatDoesNotConnectDoesNotAsk() throws IOException, InterruptedException {
    Result run = retort("", "sql", "--dialect", "h2", "--password");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(RetortCli.OK);
    assertThat(run.out()).startsWith("-- Retort migration script for H2");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void aWrongCommandLineIsReportedBeforeAsking() throws IOException, InterruptedException {
    Result run = retort(PASSWORD + "\n", "upgrade", "--password", "--dialect", "h2", "--url", "jdbc:h2:mem:never-opened");

    assertThat(run.exitCode()).isEqualTo(RetortCli.USAGE);
    assertThat(run.err()).startsWith("retort: --from, --dialect, --output and --output-dir only apply with --sql");
  }

  private record Result(int exitCode, String out, String err) {}

  private static Result retort(String input, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), RetortCli.class.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(input.getBytes(StandardCharsets.UTF_8));
    }
    byte[] out = process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }
}
