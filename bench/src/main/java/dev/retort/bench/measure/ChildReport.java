package dev.retort.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a measured child process tells the harness: one line on standard output, written last,
 * holding the time its main method took, its peak resident memory and the facts the harness
 * checks (how many migrations ran, for example).
 *
 * <pre>
 * bench-report work-ms=812.4 cpu-ms=1530 peak-kib=98304 applied=200
 * </pre>
 *
 * <p>The CPU time is that of every thread of the process so far (the JIT compiler's and the
 * garbage collector's included), which a busy machine distorts far less than the wall-clock
 * time; -1 where the system does not say.
 *
 * <p>The peak is the kernel's high-water mark of the process's resident set ({@code VmHWM} in
 * {@code /proc/self/status}), read just before the process exits; on a system without
 * {@code /proc} it is reported as -1.
 */
public final class ChildReport {

  /** The prefix of the report line. */
  public static final String PREFIX = "bench-report ";

  private final Map<String, String> values;

  private ChildReport(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /**
   * Prints the report of this process.
   *
   * @param startNanos {@link System#nanoTime()} when main began
   * @param facts further values to report, such as {@code applied=200}; keys without spaces
   *     or {@code =}
   */
  public static void emit(long startNanos, Map<String, ?> facts) {
    double workMillis = (System.nanoTime() - startNanos) / 1e6;
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("work-ms", String.format(Locale.ROOT, "%.1f", workMillis));
    all.put("cpu-ms", ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L));
    all.put("peak-kib", ownPeakKib());
    all.putAll(facts);
    StringBuilder line = new StringBuilder(PREFIX.strip());
    all.forEach((key, value) -> {
      if (key.contains(" ") || key.contains("=") || String.valueOf(value).contains(" ")) {
        throw new IllegalArgumentException("report key or value contains a space or '=': " + key + "=" + value);
      }
      line.append(' ').append(key).append('=').append(value);
    });
    System.out.println(line);
    System.out.flush();
  }

  /**
   * Finds the report line in a child's output.
   *
   * @param output everything the child wrote on standard output
   * @return the report
   * @throws IllegalArgumentException if there is no report line
   */
  public static ChildReport parse(String output) {
    Objects.requireNonNull(output, "output == null");
    String[] lines = output.split("\\R");
    for (int i = lines.length - 1; i >= 0; i--) {
      if (lines[i].startsWith(PREFIX)) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : lines[i].substring(PREFIX.length()).strip().split(" +")) {
          int equals = pair.indexOf('=');
          if (equals <= 0) {
            throw new IllegalArgumentException("malformed report entry '" + pair + "' in: " + lines[i]);
          }
          values.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return new ChildReport(values);
      }
    }
    throw new IllegalArgumentException("the child printed no line starting with '" + PREFIX + "'");
  }

  /** The time the child's main method took, in milliseconds. */
  public double workMillis() {
    return Double.parseDouble(require("work-ms"));
  }

  /** The CPU time of all the child's threads, in milliseconds, or -1 where the system does not say. */
  public long cpuMillis() {
    return Long.parseLong(require("cpu-ms"));
  }

  /** The child's peak resident memory in KiB, or -1 where the system does not say. */
  public long peakKib() {
    return Long.parseLong(require("peak-kib"));
  }

  /**
   * One reported value.
   *
   * @param key its key
   * @return the value
   * @throws IllegalArgumentException if the child did not report it
   */
  public String require(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException("the child reported no " + key + "; it reported " + values);
    }
    return value;
  }

  private static long ownPeakKib() {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return -1;
    }
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.substring("VmHWM:".length()).replace("kB", "").strip());
        }
      }
      return -1;
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }
}
