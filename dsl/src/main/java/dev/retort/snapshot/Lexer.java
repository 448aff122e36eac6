package dev.retort.snapshot;

/** Splits one snapshot line into {@link Token}s. */
final class Lexer {

  private final String source;
  private final int lineNumber;
  private final String line;
  private int position;

  Lexer(String source, int lineNumber, String line) {
    this.source = source;
    this.lineNumber = lineNumber;
    this.line = line;
  }

  /**
   * Reads the next token. Tokens are read on demand, so that a line broken at its end is
   * reported as what the parser expected there rather than as a character the lexer refused.
   *
   * @return the token, or null at the end of the line
   * @throws SnapshotFormatException at a character that starts no token or a quote that is
   *     not closed
   */
  Token nextToken() {
    while (position < line.length() && (line.charAt(position) == ' ' || line.charAt(position) == '\t')) {
      position++;
    }
    return position == line.length() ? null : next();
  }

  private Token next() {
    int start = position;
    char c = line.charAt(position);
    if (c == '(' || c == ')' || c == ',') {
      position++;
      Token.Kind kind = c == '(' ? Token.Kind.OPEN : c == ')' ? Token.Kind.CLOSE : Token.Kind.COMMA;
      return new Token(kind, String.valueOf(c), String.valueOf(c));
    }
    if (c == '"' || c == '\'') {
      String value = quoted(c);
      return new Token(
          c == '"' ? Token.Kind.QUOTED_NAME : Token.Kind.STRING, value, line.substring(start, position));
    }
    if (isWordStart(c)) {
      while (position < line.length() && isWordPart(line.charAt(position))) {
        position++;
      }
      String word = line.substring(start, position);
      return new Token(Token.Kind.WORD, word, word);
    }
    if (c >= '0' && c <= '9') {
      while (position < line.length() && isWordPart(line.charAt(position))) {
        position++;
      }
      String number = line.substring(start, position);
      if (!number.chars().allMatch(d -> d >= '0' && d <= '9')) {
        throw error("'" + number + "' at column " + (start + 1)
            + " is neither a number nor a plain name; a name that does not start with a letter"
            + " or underscore is written in double quotes");
      }
      return new Token(Token.Kind.NUMBER, number, number);
    }
    throw error("unexpected character '" + c + "' at column " + (start + 1)
        + "; names other than plain letters, digits and underscores are written in double"
        + " quotes, text in single quotes");
  }

  /** Reads a quoted name or string starting at the opening quote; returns its content. */
  private String quoted(char quote) {
    int start = position;
    StringBuilder value = new StringBuilder();
    position++;
    while (true) {
      if (position >= line.length()) {
        throw error("the " + (quote == '"' ? "quoted name" : "string") + " opened at column " + (start + 1)
            + " is not closed with " + quote + " on this line; a quote inside is doubled ("
            + quote + quote + ") and a line break is written \\n");
      }
      char c = line.charAt(position++);
      if (c == quote) {
        if (position < line.length() && line.charAt(position) == quote) {
          value.append(quote);
          position++;
        } else {
          return value.toString();
        }
      } else if (c == '\\') {
        value.append(escape(position - 1));
      } else {
        value.append(c);
      }
    }
  }

  private char escape(int backslash) {
    if (position >= line.length()) {
      throw error("a backslash at column " + (backslash + 1) + " ends the line; write \\\\ for a backslash");
    }
    char c = line.charAt(position++);
    switch (c) {
      case '\\':
        return '\\';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
        if (position + 4 <= line.length()) {
          String hex = line.substring(position, position + 4);
          if (hex.chars().allMatch(h -> Character.digit(h, 16) >= 0)) {
            position += 4;
            return (char) Integer.parseInt(hex, 16);
          }
        }
        throw error("the escape at column " + (backslash + 1) + " needs four hexadecimal digits, as in \\u00e9");
      default:
        throw error("unknown escape \\" + c + " at column " + (backslash + 1)
            + "; the escapes are \\\\, \\n, \\r, \\t and \\uXXXX");
    }
  }

  private static boolean isWordStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isWordPart(char c) {
    return isWordStart(c) || (c >= '0' && c <= '9');
  }

  private SnapshotFormatException error(String problem) {
    return new SnapshotFormatException(source, lineNumber, problem);
  }
}
