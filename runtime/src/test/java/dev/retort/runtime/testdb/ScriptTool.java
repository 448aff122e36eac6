package dev.retort.runtime.testdb;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs an offline script file on a {@link TestDatabase} with the database's own command-line
 * tool, exactly as docs/commands.md tells a database administrator to:
 *
 * <ul>
 *   <li>PostgreSQL: {@code psql -X -v ON_ERROR_STOP=1 -f upgrade.sql};
 *   <li>MariaDB: {@code mariadb < upgrade.sql} (batch mode, which stops at the first error);
 *   <li>SQLite: {@code sqlite3 -bail app.db < upgrade.sql};
 *   <li>H2: {@code java -cp h2.jar org.h2.tools.RunScript -url … -script upgrade.sql}, in a child
 *       JVM with the H2 jar the tests use.
 * </ul>
 *
 * <p>A tool that is not installed skips the test with a message, unless the environment has
 * {@code CI=true}, where it fails instead, as {@link TestDatabase} does for a missing server.
 */
public final class ScriptTool {

  private static final long TIMEOUT_SECONDS = 60;

  private ScriptTool() {}

  /**
   * What a tool did.
   *
   * @param command the command line
   * @param exitCode its exit status
   * @param output standard output and standard error, interleaved
   */
  public record Run(List<String> command, int exitCode, String output) {
    /** Fails unless the tool exited with status 0. */
    public Run succeeded() {
      Assertions.assertEquals(0, exitCode, () -> String.join(" ", command) + " failed:\n" + output);
      return this;
    }
  }

  /**
   * Runs a script file with the database's tool, in the environment of this process.
   *
   * @param db the database
   * @param script the script file
   * @return what the tool did
   */
  public static Run run(TestDatabase db, Path script) {
    return run(db, script, Map.of());
  }

  /**
   * Runs a script file with the database's tool.
   *
   * @param db the database
   * @param script the script file
   * @param environment variables to set for the tool, on top of this process's
   * @return what the tool did
   */
  public static Run run(TestDatabase db, Path script, Map<String, String> environment) {
    List<String> command = new ArrayList<>();
    boolean fromStdin = false;
    switch (db.kind()) {
      case POSTGRESQL:
        command.addAll(List.of(tool("psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", "5432",
            "-U", db.user(), "-d", db.name(), "-f", script.toString()));
        break;
      case MARIADB:
        command.addAll(List.of(tool("mariadb"), "-h", "127.0.0.1", "-P", "3306", "-u", db.user(), db.name()));
        fromStdin = true;
        break;
      case SQLITE:
        command.addAll(List.of(tool("sqlite3"), "-bail", db.url().substring("jdbc:sqlite:".length())));
        fromStdin = true;
        break;
      case H2:
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", h2Jar(),
            "org.h2.tools.RunScript", "-url", db.url(), "-user", db.user(), "-password", db.password(), "-script",
            script.toString()));
        break;
      default:
        throw new AssertionError(db.kind());
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    if (fromStdin) {
      builder.redirectInput(script.toFile());
    }
    try {
      Process process = builder.start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        Assertions.fail(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
      }
      return new Run(command, process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  /**
   * Writes a script's text to a file as UTF-8, as {@code retort sql --output} does.
   *
   * @param directory where to write it
   * @param name the file name
   * @param text the script
   * @return the file
   */
  public static Path write(Path directory, String name, String text) {
    try {
      return Files.writeString(directory.resolve(name), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tool's path on the {@code PATH}; skips the test (fails it under {@code CI=true}) if there is none. */
  private static String tool(String name) {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String directory : path.split(File.pathSeparator)) {
        Path candidate = Path.of(directory, name);
        if (Files.isExecutable(candidate)) {
          return candidate.toString();
        }
      }
    }
    String message = name + " is not on the PATH; install it (the database's client package) to run the tests"
        + " that run offline scripts with it.";
    if (TestDatabase.requireServers()) {
      Assertions.fail("CI=true requires every database's command-line tool: " + message);
    }
    Assumptions.abort("skipped: " + message);
    throw new AssertionError("unreachable");
  }

  /** The jar holding H2, which the tests load from it. */
  private static String h2Jar() {
    try {
      return Path.of(org.h2.tools.RunScript.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the H2 jar", e);
    }
  }
}
