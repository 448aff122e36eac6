package dev.retort.examples.guide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a named region out of a source file. A region lies between a line containing
 * {@code tag::NAME[]} and a line containing {@code end::NAME[]}, in whatever comment syntax
 * the file uses ({@code // tag::startup[]}, {@code <!-- tag::dependencies[] -->}). Marker
 * lines of other regions inside it are left out, and the common indentation is removed, so
 * the result reads as it should in the guide.
 */
final class SourceRegions {

  private static final Pattern ANY_MARKER = Pattern.compile("(tag|end)::[A-Za-z0-9_.-]+\\[\\]");

  private SourceRegions() {}

  /**
   * Returns a region of a file, or the whole file when {@code region} is empty.
   *
   * @param file the source file
   * @param region the region name, or empty for the whole file
   * @return the region's lines
   * @throws IllegalArgumentException if the file has no such region, or has it twice
   */
  static List<String> region(Path file, String region) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (region.isEmpty()) {
      return dedent(withoutMarkers(lines));
    }
    String start = "tag::" + region + "[]";
    String end = "end::" + region + "[]";
    int from = -1;
    int to = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.contains(start)) {
        if (from >= 0) {
          throw new IllegalArgumentException(file + " opens region '" + region + "' twice");
        }
        from = i;
      } else if (line.contains(end)) {
        if (from < 0 || to >= 0) {
          throw new IllegalArgumentException(file + ":" + (i + 1) + " ends region '" + region + "' it did not open");
        }
        to = i;
      }
    }
    if (from < 0) {
      throw new IllegalArgumentException(
          file + " has no region '" + region + "'; mark it with lines containing " + start + " and " + end);
    }
    if (to < 0) {
      throw new IllegalArgumentException(file + " opens region '" + region + "' but never ends it with " + end);
    }
    return dedent(withoutMarkers(lines.subList(from + 1, to)));
  }

  private static List<String> withoutMarkers(List<String> lines) {
    List<String> kept = new ArrayList<>();
    for (String line : lines) {
      Matcher marker = ANY_MARKER.matcher(line);
      if (!marker.find()) {
        kept.add(line);
      }
    }
    return kept;
  }

  private static List<String> dedent(List<String> lines) {
    int indent = Integer.MAX_VALUE;
    for (String line : lines) {
      if (!line.isBlank()) {
        indent = Math.min(indent, line.length() - line.stripLeading().length());
      }
    }
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      out.add(line.isBlank() ? "" : line.substring(indent).stripTrailing());
    }
    return out;
  }
}
