package dev.retort.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine the benchmark ran on, as Linux describes it: processor count and model, memory,
 * kernel, the JDK, and the load average (other work on a shared machine shows up in the
 * figures).
 *
 * @param processors the processors available to the JVM
 * @param cpuModel the model name from {@code /proc/cpuinfo}
 * @param memory the total memory from {@code /proc/meminfo}
 * @param os the operating system and kernel
 * @param jdk the JDK's name, vendor and version
 */
record Machine(int processors, String cpuModel, String memory, String os, String jdk) {

  /** Describes this machine. */
  static Machine current() {
    String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown (no /proc/cpuinfo)");
    String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal")
        .map(Machine::gibibytes)
        .orElse("unknown (no /proc/meminfo)");
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        cpu,
        memory,
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
            + System.getProperty("java.vendor") + ")");
  }

  /** The 1-, 5- and 15-minute load averages now, or "unknown". */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
      return fields[0] + " / " + fields[1] + " / " + fields[2];
    } catch (IOException | ArrayIndexOutOfBoundsException e) {
      return "unknown";
    }
  }

  private static Optional<String> firstValue(Path file, String key) {
    try {
      List<String> lines = Files.readAllLines(file);
      for (String line : lines) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).strip().equals(key)) {
          return Optional.of(line.substring(colon + 1).strip());
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String gibibytes(String kilobytes) {
    try {
      long kib = Long.parseLong(kilobytes.replace("kB", "").strip());
      return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
    } catch (NumberFormatException e) {
      return kilobytes;
    }
  }
}
