package dev.retort.processor.write;

import com.palantir.javapoet.CodeBlock;

/**
 * A view's query as Java source, for the {@code createView} of a generated migration and the
 * {@code @View} records that {@code retort entities} writes: the query reads in the code as it
 * reads in the database.
 */
public final class QueryCode {

  private static final String CONTINUATION = "    ";

  private QueryCode() {}

  /**
   * A view's query as Java: a string literal for one line; a text block for several, its lines
   * indented one step more than the statement, so that javac's stripping of the indentation
   * common to every line gives the query back; backslashes are doubled. A query that a text
   * block would change or that would end it early (a line ending in white space, which javac
   * strips; a carriage return, which it turns into a line feed; another control character; three
   * quotes, or a quote at the end) is a concatenation of literals, a line each.
   *
   * @param query the query
   * @return the Java expression
   */
  public static String of(String query) {
    if (query.indexOf('\n') < 0 || query.contains("\"\"\"") || query.endsWith("\"")) {
      return CodeBlock.of("$S", query).toString();
    }
    StringBuilder block = new StringBuilder("\"\"\"\n");
    for (String line : query.split("\n", -1)) {
      if (line.endsWith(" ") || line.endsWith("\t")) {
        return CodeBlock.of("$S", query).toString();
      }
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c < ' ' && c != '\t') {
          return CodeBlock.of("$S", query).toString();
        }
      }
      String escaped = line.replace("\\", "\\\\");
      block.append(escaped.isEmpty() ? "" : CONTINUATION + escaped).append('\n');
    }
    block.setLength(block.length() - 1);
    return block.append("\"\"\"").toString();
  }
}
