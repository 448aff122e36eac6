package dev.retort.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.examples.guide.MarkdownPage.CodeBlock;
import dev.retort.examples.guide.MarkdownPage.Marker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownPageTest {

  @TempDir Path dir;

  @Test
  void findsBlocksWithTheMarkerRightAboveThem() throws IOException {
    MarkdownPage page = page(
        "# Title",
        "<!-- snippet: a/B.java#run -->",
        "```java",
        "run();",
        "```",
        "<!-- snippet: a/B.java#other -->",
        "",
        "```text",
        "output",
        "```");

    List<CodeBlock> blocks = page.blocks();

    assertThat(blocks).hasSize(2);
    assertThat(blocks.get(0).line()).isEqualTo(3);
    assertThat(blocks.get(0).language()).isEqualTo("java");
    assertThat(blocks.get(0).marker()).contains(new Marker("snippet", "a/B.java#run"));
    assertThat(blocks.get(0).body()).containsExactly("run();");
    assertThat(blocks.get(1).marker()).as("a blank line separates the marker from the fence").isEmpty();
  }

  @Test
  void longerFencesMayHoldShorterOnes() throws IOException {
    MarkdownPage page = page("````markdown", "```java", "x", "```", "````");

    assertThat(page.blocks()).singleElement().satisfies(block -> {
      assertThat(block.language()).isEqualTo("markdown");
      assertThat(block.body()).containsExactly("```java", "x", "```");
    });
  }

  @Test
  void replacesBodiesKeepingEverythingElse() throws IOException {
    MarkdownPage page = page("a", "```java", "old", "old", "```", "b", "```", "keep", "```", "c");

    String text = page.withBodies(Arrays.asList(List.of("new"), null));

    assertThat(text).isEqualTo("a\n```java\nnew\n```\nb\n```\nkeep\n```\nc\n");
  }

  @Test
  void aTableMarkerTakesTheLinesUpToTheNextBlankOne() throws IOException {
    MarkdownPage page = page("text", "<!-- table: types -->", "| a |", "| --- |", "| 1 |", "", "after");

    assertThat(page.blocks()).singleElement().satisfies(block -> {
      assertThat(block.language()).isEqualTo("table");
      assertThat(block.marker()).contains(new Marker("table", "types"));
      assertThat(block.body()).containsExactly("| a |", "| --- |", "| 1 |");
    });
    assertThat(page.withBodies(List.of(List.of("| b |")))).isEqualTo("text\n<!-- table: types -->\n| b |\n\nafter\n");
  }

  @Test
  void anUnclosedBlockIsAnErrorWithItsLine() {
    assertThatThrownBy(() -> page("text", "```java", "x"))
        .hasMessageContaining(":2: code block is never closed");
  }

  private MarkdownPage page(String... lines) throws IOException {
    Path file = dir.resolve("page.md");
    Files.write(file, List.of(lines));
    return MarkdownPage.read(file);
  }
}
