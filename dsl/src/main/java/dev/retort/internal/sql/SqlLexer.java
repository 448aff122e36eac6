package dev.retort.internal.sql;

import dev.retort.internal.sql.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Splits SQL text into {@link SqlToken}s, leaving out white space and comments. It reads
 * characters only: which words are keywords, columns or functions, and how names compare, is
 * for the caller to decide.
 *
 * <ul>
 *   <li>Comments: {@code -- …} to the end of the line, and {@code /* … *}{@code /}, which do
 *       not nest.
 *   <li>String literals: {@code 'it''s'}, a doubled quote standing for one. A word of one
 *       letter {@code X} right before the quote makes one literal with it, {@code X'0A'} (a blob
 *       in SQLite, hex in MySQL and H2, a bit string in PostgreSQL); another word right before
 *       a quote stays a word, as SQLite reads it ({@code N'a'} is a column {@code N} with an
 *       alias there), unless the lexer {@linkplain #withPrefixedStrings() reads prefixes}.
 *   <li>Quoted names: {@code "a""b"}, {@code `a``b`} and {@code [a]]b]}, the closing quote
 *       doubled inside standing for itself. SQLite reads {@code [a]} to the first {@code ]},
 *       but a {@code ]} outside brackets is not a token there, so valid SQLite never has
 *       {@code ]]} after a bracketed name and the doubled reading changes nothing for it.
 *   <li>Numbers: an ASCII digit, or a {@code .} followed by one, and then the characters of a
 *       name and {@code .}: {@code 12}, {@code .5}, {@code 1.5e3}, {@code 0x1F}, {@code 1_000}.
 *       An exponent's sign is a symbol of its own.
 *   <li>Words: an ASCII letter, {@code _} or any character beyond ASCII (other than white
 *       space), and then those, ASCII digits and {@code $}. PostgreSQL and SQLite let every
 *       character beyond ASCII into a name, MySQL those of the BMP, so a letter that Java does
 *       not count as one, a combining accent or a character outside the BMP does not split a
 *       word.
 *   <li>Symbols: {@code ::}, PostgreSQL's cast, so that a caller can tell a type after it;
 *       otherwise one character each.
 * </ul>
 *
 * <p>Two readings that SQLite does not share with the other databases are options, off unless
 * asked for: {@linkplain #withPrefixedStrings() prefixed string literals} and {@linkplain
 * #withSubscripts(Predicate) subscripts in brackets}. Input is never refused: a literal, quoted
 * name or comment that is not closed runs to the end of the text, as the database would reject
 * the text anyway.
 *
 * <p>A lexer holds no state between calls; one instance may be shared.
 */
public final class SqlLexer {

  private static final SqlLexer PLAIN = new SqlLexer(false, previous -> false);

  private final boolean prefixedStrings;
  private final Predicate<SqlToken> subscriptAfter;

  private SqlLexer(boolean prefixedStrings, Predicate<SqlToken> subscriptAfter) {
    this.prefixedStrings = prefixedStrings;
    this.subscriptAfter = subscriptAfter;
  }

  /**
   * A lexer with no option: the reading SQLite has.
   *
   * @return the lexer
   */
  public static SqlLexer plain() {
    return PLAIN;
  }

  /**
   * This lexer, reading a word right before a quote as the prefix of one string literal with
   * it: a typed literal ({@code DATE'2026-01-01'}), a national or bit string ({@code N'a'},
   * {@code B'101'}), a character set ({@code _utf8mb4'a'}), and PostgreSQL's escape string
   * {@code E'it\'s'} (the {@code E} in any case), in which a backslash escapes the character
   * after it. Without this option only {@code X'…'} has a prefix, as in SQLite, where the word
   * is a name of its own and a backslash an ordinary character.
   *
   * @return a lexer that reads prefixes
   */
  public SqlLexer withPrefixedStrings() {
    return new SqlLexer(true, subscriptAfter);
  }

  /**
   * This lexer, reading a {@code [} as a symbol rather than the start of a quoted name right
   * after a token that {@code after} accepts, such as the {@code tags} of PostgreSQL's
   * {@code tags[1]}. Which tokens end a value, and so take a subscript, depends on which words
   * are keywords, which the caller decides; the lexer asks with the token before the bracket,
   * and a bracket at the start of the text always quotes. Without this option every {@code [}
   * quotes, as in SQLite.
   *
   * @param after whether a bracket right after the token opens a subscript
   * @return a lexer with subscripts
   */
  public SqlLexer withSubscripts(Predicate<SqlToken> after) {
    return new SqlLexer(prefixedStrings, Objects.requireNonNull(after, "after == null"));
  }

  /**
   * The tokens of the text.
   *
   * @param sql the SQL text: a statement, an expression or any part of one
   * @return its tokens, in order; white space and comments are left out
   */
  public List<SqlToken> tokens(String sql) {
    return new Run(Objects.requireNonNull(sql, "sql == null")).tokens();
  }

  /** Whether a character may be part of a word; see the class comment. */
  private static boolean isWordPart(char c) {
    return isWordStart(c) || isDigit(c) || c == '$';
  }

  private static boolean isWordStart(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80 && !Character.isWhitespace(c);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** One reading of one text. */
  private final class Run {

    private final String text;
    private final List<SqlToken> tokens = new ArrayList<>();
    private int at;

    Run(String text) {
      this.text = text;
    }

    List<SqlToken> tokens() {
      while (at < text.length()) {
        char c = text.charAt(at);
        int start = at;
        if (Character.isWhitespace(c)) {
          at++;
        } else if (text.startsWith("--", at)) {
          int end = text.indexOf('\n', at);
          at = end < 0 ? text.length() : end + 1;
        } else if (text.startsWith("/*", at)) {
          int end = text.indexOf("*/", at + 2);
          at = end < 0 ? text.length() : end + 2;
        } else if (c == '\'') {
          string(start, false);
        } else if (c == '"') {
          quotedName(Kind.DOUBLE_QUOTED, '"');
        } else if (c == '`') {
          quotedName(Kind.BACKTICKED, '`');
        } else if (c == '[' && !isSubscript()) {
          quotedName(Kind.BRACKETED, ']');
        } else if (isDigit(c) || c == '.' && isDigit(charAt(at + 1))) {
          while (isWordPart(charAt(at)) || charAt(at) == '.') {
            at++;
          }
          add(Kind.NUMBER, text.substring(start, at), start);
        } else if (isWordStart(c)) {
          word();
        } else {
          at += text.startsWith("::", at) ? 2 : 1;
          add(Kind.SYMBOL, text.substring(start, at), start);
        }
      }
      return tokens;
    }

    /** The character at {@code i}, or a space past the end. */
    private char charAt(int i) {
      return i < text.length() ? text.charAt(i) : ' ';
    }

    private void add(Kind kind, String tokenText, int start) {
      tokens.add(new SqlToken(kind, tokenText, start, at));
    }

    /** A bare word, or the prefix of a string literal written right after it ({@code X'0A'}, {@code E'a\'b'}). */
    private void word() {
      int start = at;
      while (isWordPart(charAt(at))) {
        at++;
      }
      String word = text.substring(start, at);
      if (charAt(at) == '\'' && (prefixedStrings || word.equalsIgnoreCase("X"))) {
        string(start, prefixedStrings && word.equalsIgnoreCase("E"));
      } else {
        add(Kind.WORD, word, start);
      }
    }

    /**
     * The string literal whose quote is here, from {@code start} where its prefix starts;
     * {@code ''} is a quote, and so is {@code \'} if backslashes escape.
     */
    private void string(int start, boolean backslashEscapes) {
      at++;
      while (at < text.length()) {
        char c = text.charAt(at);
        if (backslashEscapes && c == '\\' || c == '\'' && charAt(at + 1) == '\'') {
          at += 2;
        } else {
          at++;
          if (c == '\'') {
            break;
          }
        }
      }
      at = Math.min(at, text.length());
      add(Kind.STRING, text.substring(start, at), start);
    }

    /** A quoted name; the closing quote doubled is part of the name. */
    private void quotedName(Kind kind, char close) {
      int start = at;
      StringBuilder name = new StringBuilder();
      at++;
      while (at < text.length()) {
        char c = text.charAt(at++);
        if (c != close) {
          name.append(c);
        } else if (charAt(at) == close) {
          name.append(c);
          at++;
        } else {
          break;
        }
      }
      add(kind, name.toString(), start);
    }

    /** Whether a bracket here opens a subscript of the token before it rather than a quoted name. */
    private boolean isSubscript() {
      return !tokens.isEmpty() && subscriptAfter.test(tokens.get(tokens.size() - 1));
    }
  }
}
