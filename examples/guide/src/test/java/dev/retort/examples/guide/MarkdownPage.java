package dev.retort.examples.guide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown page of the guide, read as its fenced code blocks and the marker comment that
 * may precede each one. A marker is an HTML comment on the line right above the opening
 * fence, {@code <!-- kind: argument -->}, saying where the block's text comes from:
 *
 * <pre>
 * &lt;!-- snippet: examples/bookshop/src/main/java/.../Main.java#startup --&gt;
 * ```java
 * ...
 * ```
 * </pre>
 *
 * <p>A marker of kind {@value #TABLE} is followed by a Markdown table instead, which runs up
 * to the next blank line; it is read as a block of language {@value #TABLE}.
 */
final class MarkdownPage {

  /** The marker kind, and block language, of a generated Markdown table. */
  static final String TABLE = "table";

  private static final Pattern MARKER = Pattern.compile("^<!--\\s*([a-z]+):\\s*(\\S+)\\s*-->\\s*$");
  private static final Pattern OPENING_FENCE = Pattern.compile("^(`{3,})\\s*([A-Za-z0-9_+-]*)\\s*$");

  private final Path path;
  private final List<String> lines;
  private final List<CodeBlock> blocks;

  private MarkdownPage(Path path, List<String> lines) {
    this.path = path;
    this.lines = List.copyOf(lines);
    this.blocks = parse(path, this.lines);
  }

  /** Reads a page. */
  static MarkdownPage read(Path path) {
    try {
      return new MarkdownPage(path, Files.readAllLines(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** The page's file. */
  Path path() {
    return path;
  }

  /** The fenced code blocks, in page order. */
  List<CodeBlock> blocks() {
    return blocks;
  }

  /**
   * The page's text with some blocks' bodies replaced.
   *
   * @param replacements one body per block of {@link #blocks()}, in order; null keeps a body
   * @return the new text, lines ending with a newline
   */
  String withBodies(List<List<String>> replacements) {
    if (replacements.size() != blocks.size()) {
      throw new IllegalArgumentException(replacements.size() + " bodies for " + blocks.size() + " blocks");
    }
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (int i = 0; i < blocks.size(); i++) {
      CodeBlock block = blocks.get(i);
      List<String> body = replacements.get(i) == null ? block.body() : replacements.get(i);
      lines.subList(next, block.bodyStart()).forEach(line -> out.append(line).append('\n'));
      body.forEach(line -> out.append(line).append('\n'));
      next = block.bodyStart() + block.body().size();
    }
    lines.subList(next, lines.size()).forEach(line -> out.append(line).append('\n'));
    return out.toString();
  }

  private static List<CodeBlock> parse(Path path, List<String> lines) {
    List<CodeBlock> found = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      Matcher tableMarker = MARKER.matcher(lines.get(i));
      if (tableMarker.matches() && tableMarker.group(1).equals(TABLE)) {
        int end = i + 1;
        while (end < lines.size() && !lines.get(end).isBlank()) {
          end++;
        }
        Marker marker = new Marker(TABLE, tableMarker.group(2));
        found.add(new CodeBlock(i + 1, TABLE, Optional.of(marker), i + 1, lines.subList(i + 1, end)));
        i = end;
        continue;
      }
      Matcher fence = OPENING_FENCE.matcher(lines.get(i));
      if (!fence.matches()) {
        i++;
        continue;
      }
      String closing = fence.group(1);
      int end = i + 1;
      while (end < lines.size() && !lines.get(end).strip().equals(closing)) {
        end++;
      }
      if (end == lines.size()) {
        throw new IllegalStateException(path + ":" + (i + 1) + ": code block is never closed");
      }
      Optional<Marker> marker = Optional.empty();
      if (i > 0) {
        Matcher m = MARKER.matcher(lines.get(i - 1));
        if (m.matches()) {
          marker = Optional.of(new Marker(m.group(1), m.group(2)));
        }
      }
      found.add(new CodeBlock(i + 1, fence.group(2), marker, i + 1, lines.subList(i + 1, end)));
      i = end + 1;
    }
    return List.copyOf(found);
  }

  /**
   * Where a block's text comes from.
   *
   * @param kind such as {@code snippet}
   * @param argument such as {@code examples/bookshop/pom.xml#dependencies}
   */
  record Marker(String kind, String argument) {
    Marker {
      Objects.requireNonNull(kind, "kind == null");
      Objects.requireNonNull(argument, "argument == null");
    }
  }

  /**
   * A fenced code block.
   *
   * @param line the 1-based line of the opening fence (of the marker, for a table), for messages
   * @param language the fence's info string, possibly empty
   * @param marker the marker above the fence, if any
   * @param bodyStart the 0-based index of the first body line
   * @param body the lines between the fences
   */
  record CodeBlock(int line, String language, Optional<Marker> marker, int bodyStart, List<String> body) {
    CodeBlock {
      Objects.requireNonNull(language, "language == null");
      Objects.requireNonNull(marker, "marker == null");
      body = List.copyOf(body);
    }
  }
}
