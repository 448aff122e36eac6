package dev.retort.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildReportTest {

  @Test
  void theLastReportLineOfTheOutputCounts() {
    ChildReport report = ChildReport.parse(String.join("\n",
        "bench-report work-ms=1.0 peak-kib=1 applied=1",
        "[main] INFO some.Logger - done",
        "bench-report work-ms=812.5 peak-kib=98304 applied=200",
        ""));

    assertThat(report.workMillis()).isEqualTo(812.5);
    assertThat(report.peakKib()).isEqualTo(98304);
    assertThat(report.require("applied")).isEqualTo("200");
  }

  @Test
  void whatEmitPrintsParsesBack() {
    PrintStream standardOut = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      ChildReport.emit(System.nanoTime(), Map.of("applied", 7));
    } finally {
      System.setOut(standardOut);
    }

    ChildReport report = ChildReport.parse(printed.toString(StandardCharsets.UTF_8));

    assertThat(report.require("applied")).isEqualTo("7");
    assertThat(report.workMillis()).isNotNegative();
    assertThat(report.peakKib()).isNotZero();
  }

  @Test
  void outputWithoutAReportIsAnError() {
    assertThatThrownBy(() -> ChildReport.parse("Exception in thread \"main\""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no line starting with 'bench-report '");
  }

  @Test
  void aMissingValueIsNamed() {
    ChildReport report = ChildReport.parse("bench-report work-ms=1.0 peak-kib=2");

    assertThatThrownBy(() -> report.require("applied"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no applied");
  }
}
