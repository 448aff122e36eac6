package dev.retort.examples.bookshop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.HistoryEntry;
import dev.retort.runtime.Retort;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bookshop's main class, run end to end in its own JVM as the README's main-job command
 * runs it: on an embedded H2 database it applies the whole history the first time, nothing the
 * second time, and prints the current revision and the history both times.
 */
class MainTest {

  @TempDir Path dataDir;

  @Test
  void migratesAnEmptyDatabaseToHeadThenFindsNothingToApply() throws Exception {
    List<HistoryEntry> history = Retort.builder()
        .url(DatabaseSettings.embedded(dataDir.resolve("unused")).url(), "sa", "")
        .build()
        .history()
        .entries();
    String head = history.get(history.size() - 1).revision();

    Run first = runMain(null);

    assertThat(first.exitCode()).as("exit code; stderr:%n%s", first.stderr()).isZero();
    assertThat(first.stdout())
        .contains("Bookshop database: jdbc:h2:file:" + dataDir.toAbsolutePath())
        .contains("Applied " + history.size() + " migrations")
        .contains("Current revision: " + head + " (head)");
    for (HistoryEntry entry : history) {
      assertThat(first.stdout()).contains("* " + entry.revision() + "  " + entry.description());
    }
    assertThat(Files.exists(dataDir.resolve("bookshop.mv.db"))).as("the H2 file under the data directory").isTrue();
    // The JVM's own warnings, such as a restricted or terminally deprecated method called on a newer JDK.
    assertThat(first.stderr().lines()).as("stderr").noneMatch(line -> line.startsWith("WARNING:"));

    Run second = runMain(null);

    assertThat(second.exitCode()).as("exit code; stderr:%n%s", second.stderr()).isZero();
    assertThat(second.stdout())
        .contains("Nothing to apply: the database is at head.")
        .contains("Current revision: " + head + " (head)");
  }

  @Test
  void aDatabaseUrlThatIsNotJdbcEndsWithStatusTwoAndSaysWhatToUse() throws Exception {
    Run run = runMain("postgres://localhost/bookshop");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr())
        .contains("DATABASE_URL")
        .contains("'postgres://localhost/bookshop' is not a JDBC URL")
        .contains("jdbc:postgresql://");
  }

  private Run runMain(String databaseUrl) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(
        java.toString(),
        "-Dbookshop.dataDir=" + dataDir,
        "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove(DatabaseSettings.URL_VARIABLE);
    if (databaseUrl != null) {
      builder.environment().put(DatabaseSettings.URL_VARIABLE, databaseUrl);
    }
    Path stdout = dataDir.resolve("stdout.txt");
    Path stderr = dataDir.resolve("stderr.txt");
    Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("the bookshop did not finish within two minutes");
    }
    return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8));
  }

  /** What a run of the main class did. */
  private record Run(int exitCode, String stdout, String stderr) {}
}
