package dev.retort.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJvmTest {

  @TempDir
  Path logs;

  /** A child that reports its arguments. */
  public static final class Reporting {
    /**
     * Prints a report.
     *
     * @param args echoed as {@code first} and {@code count}
     */
    public static void main(String[] args) {
      ChildReport.emit(System.nanoTime(), Map.of("first", args[0], "count", args.length));
    }
  }

  /** A child that fails after printing a line. */
  public static final class Failing {
    /**
     * Prints and exits with status 3.
     *
     * @param args unused
     */
    public static void main(String[] args) {
      System.out.println("the database is on fire");
      System.exit(3);
    }
  }

  @Test
  void measuresTheChildAndReadsItsReport() {
    Sample sample = new ChildJvm(List.of(), logs).run("reporting", Reporting.class, List.of("one", "two"));

    assertThat(sample.report().require("first")).isEqualTo("one");
    assertThat(sample.report().require("count")).isEqualTo("2");
    assertThat(sample.wallMillis()).isGreaterThanOrEqualTo(sample.workMillis());
    assertThat(sample.peakKib()).isPositive();
    assertThat(logs.resolve("reporting.log")).exists();
  }

  @Test
  void aFailingChildIsAnErrorShowingItsOutput() {
    assertThatThrownBy(() -> new ChildJvm(List.of(), logs).run("failing", Failing.class, List.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("failing exited with status 3")
        .hasMessageContaining("the database is on fire");
  }
}
