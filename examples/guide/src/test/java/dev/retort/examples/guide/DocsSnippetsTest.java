package dev.retort.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.examples.guide.MarkdownPage.CodeBlock;
import dev.retort.examples.guide.MarkdownPage.Marker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every code block of the guide is text taken from code that compiles and runs in this
 * build, so the guide cannot drift from the product.
 *
 * <p>A {@code java}, {@code xml} or {@code sql} block must be preceded by a marker naming
 * where it comes from, and must equal that source exactly:
 *
 * <ul>
 *   <li>{@code <!-- snippet: PATH#REGION -->}: the region of a file under the repository
 *       root (see {@link SourceRegions}); {@code PATH} alone quotes the whole file.
 * </ul>
 *
 * <p>After changing quoted code, run this test with {@code -Ddocs.update=true} to rewrite the
 * blocks from their sources, and review the guide's diff.
 */
class DocsSnippetsTest {

  private static final Set<String> LANGUAGES_NEEDING_A_SOURCE = Set.of("java", "xml", "sql");

  @Test
  void everyCodeBlockIsTakenFromCompiledSource() throws IOException {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (MarkdownPage page : Guide.pages()) {
      List<List<String>> expected = new ArrayList<>();
      for (CodeBlock block : page.blocks()) {
        String where = Guide.root().relativize(page.path()) + ":" + block.line();
        if (block.marker().isEmpty()) {
          if (LANGUAGES_NEEDING_A_SOURCE.contains(block.language())) {
            problems.add(where + ": this " + block.language() + " block says nowhere where it comes from;"
                + " put the code in compiled source between tag::NAME[] and end::NAME[] lines and"
                + " precede the block with <!-- snippet: PATH#NAME -->");
          }
          expected.add(null);
          continue;
        }
        List<String> source;
        try {
          source = resolve(block.marker().get());
        } catch (IllegalArgumentException e) {
          problems.add(where + ": " + e.getMessage());
          expected.add(null);
          continue;
        }
        checked++;
        expected.add(source);
        if (!source.equals(block.body()) && !Guide.updating()) {
          problems.add(where + ": the block differs from " + block.marker().get().argument()
              + " (run this test with -Ddocs.update=true to copy the source into the guide)\n"
              + firstDifference(block.body(), source));
        }
      }
      if (Guide.updating()) {
        Files.writeString(page.path(), page.withBodies(expected), StandardCharsets.UTF_8);
      }
    }
    assertThat(problems).as("problems in the guide's code blocks").isEmpty();
    assertThat(checked).as("code blocks checked against their sources").isPositive();
  }

  @Test
  void bookshopDeclaresTheRetortVersionOfThisBuild() throws IOException {
    String version = System.getProperty("retort.version");
    assertThat(version).as("system property retort.version, set by the build").isNotBlank();
    try (Stream<String> pom = Files.lines(Guide.root().resolve("examples/bookshop/pom.xml"))) {
      assertThat(pom.map(String::strip))
          .as("the bookshop, whose pom the guide quotes, names the Retort version being built")
          .contains("<retort.version>" + version + "</retort.version>");
    }
  }

  private static List<String> resolve(Marker marker) {
    if (!marker.kind().equals("snippet")) {
      throw new IllegalArgumentException("unknown marker kind '" + marker.kind() + "'; the kinds are: snippet");
    }
    String argument = marker.argument();
    int hash = argument.indexOf('#');
    String file = hash < 0 ? argument : argument.substring(0, hash);
    String region = hash < 0 ? "" : argument.substring(hash + 1);
    Path path = Guide.root().resolve(file).normalize();
    if (!path.startsWith(Guide.root()) || !Files.isRegularFile(path)) {
      throw new IllegalArgumentException("the snippet's file " + file + " does not exist under the repository root");
    }
    return SourceRegions.region(path, region);
  }

  private static String firstDifference(List<String> actual, List<String> expected) {
    int i = 0;
    while (i < actual.size() && i < expected.size() && actual.get(i).equals(expected.get(i))) {
      i++;
    }
    String guide = i < actual.size() ? actual.get(i) : "<end of block>";
    String source = i < expected.size() ? expected.get(i) : "<end of region>";
    return "  first difference at line " + (i + 1) + " of the block:\n    guide:  " + guide + "\n    source: " + source;
  }
}
