package dev.retort.bench.measure;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Launches a main class in a fresh JVM and measures the whole process: every measured program
 * runs this way, with the given entries and then the harness's own class path, and no JVM
 * options, so that each tool pays its own start-up and nothing else differs.
 *
 * <p>The child's standard output and error go to a log file, read after it exits for its
 * {@link ChildReport}; the timer runs from {@link ProcessBuilder#start()} to the end of
 * {@link Process#waitFor}.
 */
public final class ChildJvm {

  private static final long TIMEOUT_MINUTES = 10;

  private final Path java;
  private final String classPath;
  private final Path logDirectory;

  /**
   * Creates a launcher.
   *
   * @param applicationClassPath entries put before the harness's class path, as an
   *     application's own classes come before its libraries ({@code java -cp
   *     target/classes:...}, a Spring Boot jar's {@code BOOT-INF/classes}): the compiled
   *     migrations
   * @param logDirectory where the children's output is kept, one file per label
   */
  public ChildJvm(List<Path> applicationClassPath, Path logDirectory) {
    this.java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> entries = new ArrayList<>();
    applicationClassPath.forEach(entry -> entries.add(entry.toAbsolutePath().toString()));
    entries.add(System.getProperty("java.class.path"));
    this.classPath = String.join(File.pathSeparator, entries);
    this.logDirectory = Objects.requireNonNull(logDirectory, "logDirectory == null");
  }

  /**
   * Runs a main class and waits for it.
   *
   * @param label names the log file, such as {@code h2-flyway-apply}
   * @param mainClass the class to run
   * @param arguments its arguments
   * @return the measurement
   * @throws ChildFailedException if the child fails, times out or reports nothing; the
   *     message holds the end of its output
   */
  public Sample run(String label, Class<?> mainClass, List<String> arguments) {
    List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", classPath, mainClass.getName()));
    command.addAll(arguments);
    Path log = logDirectory.resolve(label + ".log");
    try {
      Files.createDirectories(logDirectory);
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      long start = System.nanoTime();
      Process process = builder.start();
      boolean exited = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
      double wallMillis = (System.nanoTime() - start) / 1e6;
      if (!exited) {
        process.destroyForcibly().waitFor();
        throw failure(label, "did not finish within " + TIMEOUT_MINUTES + " minutes", log);
      }
      if (process.exitValue() != 0) {
        throw failure(label, "exited with status " + process.exitValue(), log);
      }
      ChildReport report;
      try {
        report = ChildReport.parse(Files.readString(log, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw failure(label, e.getMessage(), log);
      }
      return new Sample(wallMillis, report.workMillis(), report.cpuMillis(), report.peakKib(), report);
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + label + " (" + String.join(" ", command) + "): " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + label, e);
    }
  }

  private static ChildFailedException failure(String label, String what, Path log) throws IOException {
    List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    List<String> tail = lines.subList(Math.max(0, lines.size() - 40), lines.size());
    return new ChildFailedException(label + " " + what + "; the end of its output (" + log + "):\n"
        + String.join("\n", tail), lines);
  }
}
