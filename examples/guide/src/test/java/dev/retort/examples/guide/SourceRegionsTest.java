package dev.retort.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceRegionsTest {

  @TempDir Path dir;

  @Test
  void cutsARegionRemovingItsIndentationAndNestedMarkers() throws IOException {
    Path file = write(
        "class A {",
        "  void run() {",
        "    // tag::outer[]",
        "    int a = 1;",
        "    // tag::inner[]",
        "    if (a > 0) {",
        "      a++;   ",
        "    }",
        "    // end::inner[]",
        "",
        "    // end::outer[]",
        "  }",
        "}");

    assertThat(SourceRegions.region(file, "outer"))
        .containsExactly("int a = 1;", "if (a > 0) {", "  a++;", "}", "");
    assertThat(SourceRegions.region(file, "inner")).containsExactly("if (a > 0) {", "  a++;", "}");
  }

  @Test
  void anEmptyRegionNameQuotesTheWholeFileWithoutMarkers() throws IOException {
    Path file = write("<a>", "  <!-- tag::b[] -->", "  <b/>", "  <!-- end::b[] -->", "</a>");

    assertThat(SourceRegions.region(file, "")).containsExactly("<a>", "  <b/>", "</a>");
  }

  @Test
  void aMissingRegionIsAnErrorNamingTheFileAndTheMarkersToAdd() throws IOException {
    Path file = write("// tag::a[]", "x", "// end::a[]");

    assertThatThrownBy(() -> SourceRegions.region(file, "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("no region 'b'")
        .hasMessageContaining("tag::b[]");
  }

  @Test
  void aRegionNeverEndedOrOpenedTwiceIsAnError() throws IOException {
    Path unended = write("// tag::a[]", "x");
    Path twice = dir.resolve("Twice.java");
    Files.write(twice, java.util.List.of("// tag::a[]", "// end::a[]", "// tag::a[]", "// end::a[]"));

    assertThatThrownBy(() -> SourceRegions.region(unended, "a")).hasMessageContaining("never ends it");
    assertThatThrownBy(() -> SourceRegions.region(twice, "a")).hasMessageContaining("twice");
  }

  private Path write(String... lines) throws IOException {
    Path file = dir.resolve("Sample.java");
    Files.write(file, java.util.List.of(lines));
    return file;
  }
}
