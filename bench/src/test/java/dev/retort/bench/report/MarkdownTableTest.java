package dev.retort.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarkdownTableTest {

  @Test
  void rendersHeaderSeparatorAndRows() {
    String table = new MarkdownTable("tool", "ms").row("Retort", "120").row("a|b", "7").render();

    assertThat(table).isEqualTo("| tool | ms |\n| --- | --- |\n| Retort | 120 |\n| a\\|b | 7 |\n");
  }

  @Test
  void aRowMustFillEveryColumn() {
    assertThatThrownBy(() -> new MarkdownTable("a", "b").row("only one"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 cells but the table 2 columns");
  }
}
