package dev.retort.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReadmeTest {

  private static final String README = String.join("\n",
      "# Title",
      "<!-- bench:start:begin -->",
      "old table",
      "<!-- bench:start:end -->",
      "written by hand",
      "<!-- bench:compile:begin -->",
      "<!-- bench:compile:end -->",
      "");

  @Test
  void replacesOnlyTheNamedRegion() {
    String text = Readme.replace(README, "start", "| new | table |\n");

    assertThat(text).isEqualTo(String.join("\n",
        "# Title",
        "<!-- bench:start:begin -->",
        "| new | table |",
        "<!-- bench:start:end -->",
        "written by hand",
        "<!-- bench:compile:begin -->",
        "<!-- bench:compile:end -->",
        ""));
  }

  @Test
  void replacingTwiceGivesTheSameFile() {
    String once = Readme.replace(README, "compile", "figures");

    assertThat(Readme.replace(once, "compile", "figures")).isEqualTo(once);
  }

  @Test
  void aMissingRegionIsAnErrorThatSaysWhatToAdd() {
    assertThatThrownBy(() -> Readme.replace(README, "differ", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("<!-- bench:differ:begin -->")
        .hasMessageContaining("<!-- bench:differ:end -->");
  }

  @Test
  void markersInTheWrongOrderAreAnError() {
    String reversed = "<!-- bench:x:end -->\n<!-- bench:x:begin -->\n";

    assertThatThrownBy(() -> Readme.replace(reversed, "x", "y")).isInstanceOf(IllegalArgumentException.class);
  }
}
