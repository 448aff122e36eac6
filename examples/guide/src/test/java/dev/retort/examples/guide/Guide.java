package dev.retort.examples.guide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Where the guide is: the repository root from the build, and the Markdown pages under docs/. */
final class Guide {

  private Guide() {}

  /** The repository root, from the system property {@code retort.root} that the build sets. */
  static Path root() {
    String root = System.getProperty("retort.root");
    if (root == null) {
      throw new IllegalStateException(
          "system property retort.root is not set; run the tests through Maven, which sets it to the repository root");
    }
    return Path.of(root).toAbsolutePath().normalize();
  }

  /** Whether {@code -Ddocs.update=true} asks the tests to rewrite the guide from its sources. */
  static boolean updating() {
    return Boolean.getBoolean("docs.update");
  }

  /** Every Markdown page of docs/, in path order. */
  static List<MarkdownPage> pages() {
    Path docs = root().resolve("docs");
    try (Stream<Path> files = Files.walk(docs)) {
      List<MarkdownPage> pages = files
          .filter(path -> path.toString().endsWith(".md"))
          .sorted()
          .map(MarkdownPage::read)
          .collect(Collectors.toList());
      if (pages.isEmpty()) {
        throw new IllegalStateException("no Markdown pages under " + docs);
      }
      return pages;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + docs, e);
    }
  }
}
