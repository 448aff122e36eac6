package dev.retort.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A Markdown table, built row by row. */
public final class MarkdownTable {

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  /**
   * Starts a table.
   *
   * @param header the column titles
   */
  public MarkdownTable(String... header) {
    if (header.length == 0) {
      throw new IllegalArgumentException("a table needs at least one column");
    }
    this.header = List.of(header);
  }

  /**
   * Adds a row.
   *
   * @param cells one per column; a {@code |} in a cell is escaped
   * @return this table
   */
  public MarkdownTable row(String... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("the row has " + cells.length + " cells but the table " + header.size()
          + " columns: " + List.of(cells));
    }
    List<String> row = new ArrayList<>();
    for (String cell : cells) {
      row.add(Objects.requireNonNull(cell, "a cell is null").replace("|", "\\|"));
    }
    rows.add(row);
    return this;
  }

  /** The table as Markdown, ending with a line break. */
  public String render() {
    StringBuilder text = new StringBuilder();
    line(text, header);
    line(text, header.stream().map(title -> "---").toList());
    rows.forEach(row -> line(text, row));
    return text.toString();
  }

  private static void line(StringBuilder text, List<String> cells) {
    text.append("| ").append(String.join(" | ", cells)).append(" |\n");
  }
}
