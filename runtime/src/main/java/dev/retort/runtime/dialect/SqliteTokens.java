package dev.retort.runtime.dialect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The tokens of a SQLite statement, as far as telling which names it uses: bare words (keywords
 * and identifiers alike), quoted identifiers ({@code "name"}, {@code `name`}, {@code [name]}) and
 * single symbols. String and blob literals, comments, numbers and white space are skipped, so a
 * name inside {@code 'text'} or a comment is not a use of it.
 *
 * <p>SQLite compares names without regard to the case of ASCII letters, quoted or not, and only
 * of ASCII letters; {@link #sameName} does the same.
 */
final class SqliteTokens {

  /** What a token is. */
  enum Kind {
    /** A bare word: a keyword or an unquoted identifier. */
    WORD,
    /**
     * An identifier in double quotes, its text without them. SQLite reads it as a string
     * literal where it names no column.
     */
    DOUBLE_QUOTED,
    /** An identifier in backticks or brackets, its text without them. */
    QUOTED,
    /** One character of punctuation or an operator. */
    SYMBOL
  }

  /**
   * One token.
   *
   * @param kind what it is
   * @param text the word, the identifier without its quotes, or the symbol
   * @param start where it starts in the statement
   * @param end where it ends in the statement, exclusive
   */
  record Token(Kind kind, String text, int start, int end) {

    /** Whether this is the bare word, such as the keyword {@code UPDATE}, in any case. */
    boolean isWord(String word) {
      return kind == Kind.WORD && sameName(text, word);
    }

    /** Whether this is a name: a bare word or an identifier in any quotes. */
    boolean isName() {
      return kind != Kind.SYMBOL;
    }

    /** Whether this is the symbol. */
    boolean isSymbol(char symbol) {
      return kind == Kind.SYMBOL && text.charAt(0) == symbol;
    }

  }

  private SqliteTokens() {}

  /**
   * The tokens of a statement. Unterminated literals, identifiers and comments run to the end,
   * as SQLite would reject the statement anyway.
   *
   * @param sql the statement
   * @return its tokens, in order
   */
  static List<Token> of(String sql) {
    List<Token> tokens = new ArrayList<>();
    int length = sql.length();
    int i = 0;
    while (i < length) {
      char c = sql.charAt(i);
      char next = i + 1 < length ? sql.charAt(i + 1) : '\0';
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && next == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? length : end + 1;
      } else if (c == '/' && next == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? length : end + 2;
      } else if (c == '\'') {
        i = closingQuote(sql, i) + 1;
      } else if (c == '"' || c == '`') {
        int close = closingQuote(sql, i);
        String quote = String.valueOf(c);
        int end = Math.min(close + 1, length);
        tokens.add(new Token(c == '"' ? Kind.DOUBLE_QUOTED : Kind.QUOTED,
            sql.substring(i + 1, close).replace(quote + quote, quote), i, end));
        i = end;
      } else if (c == '[') {
        int close = sql.indexOf(']', i + 1);
        int end = close < 0 ? length : close + 1;
        tokens.add(new Token(Kind.QUOTED, sql.substring(i + 1, close < 0 ? length : close), i, end));
        i = end;
      } else if (identifierStart(c)) {
        int start = i;
        while (i < length && identifierPart(sql.charAt(i))) {
          i++;
        }
        boolean blob = i - start == 1 && (c == 'x' || c == 'X') && i < length && sql.charAt(i) == '\'';
        if (blob) {
          i = closingQuote(sql, i) + 1;
        } else {
          tokens.add(new Token(Kind.WORD, sql.substring(start, i), start, i));
        }
      } else if (c >= '0' && c <= '9') {
        while (i < length && (identifierPart(sql.charAt(i)) || sql.charAt(i) == '.')) {
          i++;
        }
      } else {
        tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i, i + 1));
        i++;
      }
    }
    return tokens;
  }

  /**
   * Whether the tokens use one of the names as an identifier, bare or quoted. A keyword that
   * spells a name counts too ({@code ORDER BY} uses a table named {@code order}): telling them
   * apart needs SQLite's parser, and a false match only costs the caller a needless check.
   *
   * @param tokens the statement's tokens
   * @param names the names, each {@linkplain #folded folded}
   * @return whether one is used
   */
  static boolean uses(List<Token> tokens, Collection<String> names) {
    return tokens.stream().anyMatch(token -> token.isName() && names.contains(folded(token.text())));
  }

  /** Whether two names are the same for SQLite: equal but for the case of ASCII letters. */
  static boolean sameName(String a, String b) {
    return folded(a).equals(folded(b));
  }

  /** The name with its ASCII letters in lower case, the form in which SQLite compares names. */
  static String folded(String name) {
    StringBuilder folded = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return folded.toString();
  }

  /**
   * Where the literal or identifier opened by the quote at {@code start} closes, a doubled quote
   * standing for the quote itself; the statement's length if it never closes.
   */
  private static int closingQuote(String sql, int start) {
    char quote = sql.charAt(start);
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i;
      }
      i++;
    }
    return sql.length();
  }

  /** SQLite's identifier characters: ASCII letters, digits, {@code _}, {@code $} and every non-ASCII character. */
  private static boolean identifierPart(char c) {
    return identifierStart(c) || (c >= '0' && c <= '9') || c == '$';
  }

  private static boolean identifierStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
  }
}
