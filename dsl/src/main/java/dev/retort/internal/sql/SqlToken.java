package dev.retort.internal.sql;

import java.util.Objects;

/**
 * One token of SQL text, as {@link SqlLexer} reads it.
 *
 * <p>How a word compares with a keyword or a name is left to the caller, since the databases
 * differ: SQLite, for one, folds only ASCII letters, quoted names included.
 *
 * @param kind what the token is
 * @param text a word as written; a quoted name without its quotes, each doubled quote read as
 *     one; a string literal or a number as written, prefix and quotes included; a symbol
 * @param start the index of its first character in the text, quotes and prefix included
 * @param end the index just past its last character in the text
 */
public record SqlToken(Kind kind, String text, int start, int end) {

  /** What a token is. */
  public enum Kind {
    /** A bare word: a keyword, or a name not in quotes. */
    WORD,
    /** A name in double quotes, {@code "name"}. */
    DOUBLE_QUOTED,
    /** A name in backticks, {@code `name`}. */
    BACKTICKED,
    /** A name in brackets, {@code [name]}. */
    BRACKETED,
    /** A string literal, {@code 'text'}, or one with a prefix, {@code X'0A'} or {@code E'…'}. */
    STRING,
    /** A number, such as {@code 12}, {@code 1.5e3} or {@code .5}. */
    NUMBER,
    /** {@code ::}, or any other character that starts no other token. */
    SYMBOL
  }

  /**
   * Validates the components.
   *
   * @throws NullPointerException if {@code kind} or {@code text} is null
   * @throws IllegalArgumentException if the positions do not make a range
   */
  public SqlToken {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(text, "text == null");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("token " + kind + " '" + text + "' spans " + start + " to " + end);
    }
  }

  /**
   * Whether this is a name: a bare word, which may also be a keyword, or a name in any quotes.
   *
   * @return whether the token is a word or a quoted name
   */
  public boolean isName() {
    return kind == Kind.WORD || isQuotedName();
  }

  /**
   * Whether this is a name in double quotes, backticks or brackets.
   *
   * @return whether the token is a quoted name
   */
  public boolean isQuotedName() {
    return kind == Kind.DOUBLE_QUOTED || kind == Kind.BACKTICKED || kind == Kind.BRACKETED;
  }

  /**
   * Whether this is the bare word, such as the keyword {@code FROM}, in any case of its ASCII
   * letters: SQL folds the case of keywords, and of ASCII letters only.
   *
   * @param word the word
   * @return whether the token is that word
   */
  public boolean isWord(String word) {
    if (kind != Kind.WORD || text.length() != word.length()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char a = text.charAt(i);
      char b = word.charAt(i);
      if (a != b && asciiLower(a) != asciiLower(b)) {
        return false;
      }
    }
    return true;
  }

  private static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /**
   * Whether this is the symbol.
   *
   * @param symbol the symbol, such as {@code "("} or {@code "::"}
   * @return whether the token is that symbol
   */
  public boolean isSymbol(String symbol) {
    return kind == Kind.SYMBOL && text.equals(symbol);
  }
}
