package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The command as a process, {@code java … RetortCli sql > upgrade.sql}, on a JVM whose default
 * charset is not UTF-8 (Java 17 in the C locale, or on Windows): the script it prints is UTF-8,
 * the encoding the script itself declares to psql and the mariadb client.
 */
class RetortCliEncodingTest {

  /** Version-table name beyond ASCII, so that the script holds such text; passed as an argument. */
  static final String VERSION_TABLE = "retort_versi\u00f6n_\u2713";

  @Test
  void theScriptOnStandardOutputIsUtf8WhateverTheDefaultCharset() throws IOException, InterruptedException {
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dfile.encoding=US-ASCII", "-cp", System.getProperty("java.class.path"), Main.class.getName())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).isEqualTo(RetortCli.OK);
    assertThat(new String(out, StandardCharsets.UTF_8))
        .startsWith("-- Retort migration script for PostgreSQL")
        .contains("CREATE TABLE IF NOT EXISTS \"" + VERSION_TABLE + "\"");
  }

  /** Runs {@code retort sql} as an application's main method does, with this test's non-ASCII version table. */
  public static final class Main {
    private Main() {}

    /**
     * Runs the command.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
      System.exit(RetortCli.run(List.of("sql", "--dialect", "postgresql", "--version-table", VERSION_TABLE)
          .toArray(String[]::new)));
    }
  }
}
