package dev.retort.bench.report;

import java.util.Objects;

/**
 * Rewrites the generated regions of a Markdown file. A region lies between
 * {@code <!-- bench:NAME:begin -->} and {@code <!-- bench:NAME:end -->}; the text outside the
 * regions is kept as written.
 */
public final class Readme {

  private Readme() {}

  /**
   * Replaces the content of one region.
   *
   * @param text the whole file
   * @param region the region's name
   * @param content the new content (without the markers)
   * @return the whole file with the region replaced
   * @throws IllegalArgumentException if the file lacks either marker, or has them out of order
   */
  public static String replace(String text, String region, String content) {
    Objects.requireNonNull(text, "text == null");
    Objects.requireNonNull(content, "content == null");
    String begin = "<!-- bench:" + region + ":begin -->";
    String end = "<!-- bench:" + region + ":end -->";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < 0 || to < from) {
      throw new IllegalArgumentException("the README has no region '" + region + "': put the lines " + begin
          + " and " + end + " where its results should go");
    }
    if (text.indexOf(begin, from + 1) >= 0) {
      throw new IllegalArgumentException("the README has the marker " + begin + " twice; keep one");
    }
    String body = content.endsWith("\n") ? content : content + "\n";
    return text.substring(0, from + begin.length()) + "\n" + body + text.substring(to);
  }
}
