package dev.retort.snapshot;

/**
 * One token of a snapshot line.
 *
 * @param kind what the token is
 * @param value the word or number as written, or the unquoted, unescaped content of a quoted
 *     name or string
 * @param text the token as written, for messages
 */
record Token(Kind kind, String value, String text) {

  /** The kinds of token. */
  enum Kind {
    /** A bare word: a keyword or a plain name, {@code [A-Za-z_][A-Za-z0-9_]*}. */
    WORD,
    /** Digits. */
    NUMBER,
    /** A name in double quotes. */
    QUOTED_NAME,
    /** A string literal in single quotes. */
    STRING,
    /** {@code (}. */
    OPEN,
    /** {@code )}. */
    CLOSE,
    /** {@code ,}. */
    COMMA
  }

  /** Whether this is the keyword {@code keyword}, in any case. */
  boolean isKeyword(String keyword) {
    return kind == Kind.WORD && value.equalsIgnoreCase(keyword);
  }

  /** How a message shows the token: {@code 'text'}, shortened if long. */
  String describe() {
    String shown = text.length() > 40 ? text.substring(0, 37) + "..." : text;
    return "'" + shown + "'";
  }
}
