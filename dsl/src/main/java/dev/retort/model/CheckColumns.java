package dev.retort.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The columns that a check expression names, found by reading the SQL as tokens, and the
 * expression with one of them renamed. This keeps checks consistent with the columns they use:
 * a column that a check names cannot be dropped, and renaming a column renames it in the
 * checks of its table.
 *
 * <p>What reads as a column: a bare word, or a name in double quotes, backticks or brackets,
 * unless it is
 *
 * <ul>
 *   <li>inside a string literal ({@code 'it''s'}, also {@code E'…'}, {@code N'…'}, {@code X'…'}),
 *       or a comment;
 *   <li>followed by {@code (}: a function, as in {@code length(name)};
 *   <li>followed by {@code .}: a table that qualifies the column after it;
 *   <li>followed by a string literal: a typed literal ({@code DATE '2026-01-01'}) or an
 *       operator ({@code name LIKE 'a%'}, {@code name GLOB 'a*'});
 *   <li>after {@code AS}, {@code ::} or {@code COLLATE}: a type or a collation;
 *   <li>a bare word that is a reserved word of SQL expressions ({@code AND}, {@code NULL},
 *       {@code CASE}, …), which cannot be a bare column name.
 * </ul>
 *
 * <p>A bare word names a column whatever its case, as SQL folds bare words; a quoted name must
 * match exactly. A bracket after a name, a closing parenthesis or {@code ARRAY} is a PostgreSQL
 * subscript or array, not a quoted name. Input is never refused: an expression the database
 * would reject is read as far as it goes.
 */
final class CheckColumns {

  /** Reserved words that may occur in a boolean expression; a bare one is never a column. */
  private static final Set<String> RESERVED = Set.of(
      "ALL", "AND", "ANY", "ARRAY", "AS", "BETWEEN", "CASE", "CAST", "COLLATE", "CURRENT_DATE",
      "CURRENT_TIME", "CURRENT_TIMESTAMP", "DISTINCT", "ELSE", "END", "ESCAPE", "EXISTS", "FALSE", "FROM",
      "ILIKE", "IN", "IS", "LIKE", "LOCALTIME", "LOCALTIMESTAMP", "NOT", "NULL", "OR", "SIMILAR", "SOME",
      "THEN", "TO", "TRUE", "UNKNOWN", "WHEN");

  private CheckColumns() {}

  /** How a name is written. */
  enum Quoting {
    /** {@code name}. */
    BARE,
    /** {@code "name"}, a double quote doubled inside. */
    DOUBLE_QUOTES,
    /** {@code `name`}, a backtick doubled inside. */
    BACKTICKS,
    /** {@code [name]}, a closing bracket doubled inside. */
    BRACKETS
  }

  /**
   * A column name in an expression.
   *
   * @param name the name, unquoted
   * @param quoting how it is written
   * @param start the index of its first character, quotes included
   * @param end the index just past its last character, quotes included
   */
  record Column(String name, Quoting quoting, int start, int end) {

    /** Whether this names {@code column}: a bare word in any case, a quoted name exactly. */
    boolean names(String column) {
      return quoting == Quoting.BARE ? name.equalsIgnoreCase(column) : name.equals(column);
    }
  }

  /**
   * The column names of an expression, in order.
   *
   * @param expression the SQL expression
   * @return every occurrence that reads as a column
   */
  static List<Column> of(String expression) {
    List<Token> tokens = new Tokenizer(expression).tokens();
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (isColumn(tokens, i)) {
        Token token = tokens.get(i);
        columns.add(new Column(token.name(), token.quoting(), token.start(), token.end()));
      }
    }
    return columns;
  }

  /** Whether the token at {@code i} is a name that reads as a column; see the class comment. */
  private static boolean isColumn(List<Token> tokens, int i) {
    Token token = tokens.get(i);
    if (token.kind() != Kind.NAME || token.quoting() == Quoting.BARE && isReserved(token.name())) {
      return false;
    }
    if (i + 1 < tokens.size()) {
      Token next = tokens.get(i + 1);
      if (next.isSymbol("(") || next.isSymbol(".") || next.kind() == Kind.STRING) {
        return false;
      }
    }
    if (i > 0) {
      Token previous = tokens.get(i - 1);
      return !previous.isSymbol("::") && !previous.isWord("AS") && !previous.isWord("COLLATE");
    }
    return true;
  }

  /**
   * Whether the expression names the column.
   *
   * @param expression the SQL expression
   * @param column the column name
   */
  static boolean mentions(String expression, String column) {
    return of(expression).stream().anyMatch(c -> c.names(column));
  }

  /**
   * The expression with every name of column {@code from} replaced by {@code to}, written as the
   * old name was: in the same quotes, or bare if {@code to} can be written bare (lower case
   * letters, digits and underscores, not a reserved word) and else in double quotes. String
   * literals, comments and everything else stay as they are.
   *
   * @param expression the SQL expression
   * @param from the column's name
   * @param to its new name
   * @return the rewritten expression; {@code expression} itself if it does not name the column
   */
  static String rename(String expression, String from, String to) {
    StringBuilder out = null;
    int copied = 0;
    for (Column column : of(expression)) {
      if (column.names(from)) {
        if (out == null) {
          out = new StringBuilder(expression.length() + to.length());
        }
        out.append(expression, copied, column.start()).append(quote(to, column.quoting()));
        copied = column.end();
      }
    }
    return out == null ? expression : out.append(expression, copied, expression.length()).toString();
  }

  private static String quote(String name, Quoting quoting) {
    return switch (quoting) {
      case BARE -> isBare(name) ? name : quote(name, Quoting.DOUBLE_QUOTES);
      case DOUBLE_QUOTES -> "\"" + name.replace("\"", "\"\"") + "\"";
      case BACKTICKS -> "`" + name.replace("`", "``") + "`";
      case BRACKETS -> "[" + name.replace("]", "]]") + "]";
    };
  }

  /**
   * Whether a name can be written bare and still name the column on every database: lower case
   * (PostgreSQL folds bare words to it) and not reserved.
   */
  private static boolean isBare(String name) {
    if (isReserved(name) || !(name.charAt(0) == '_' || name.charAt(0) >= 'a' && name.charAt(0) <= 'z')) {
      return false;
    }
    return name.chars().allMatch(c -> c == '_' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9');
  }

  private static boolean isReserved(String word) {
    return RESERVED.contains(word.toUpperCase(Locale.ROOT));
  }

  private enum Kind {
    /** A bare word or a quoted name. */
    NAME,
    /** A string literal, with its prefix if it has one. */
    STRING,
    /** A number. */
    NUMBER,
    /** Any other character, or {@code ::}. */
    SYMBOL
  }

  /**
   * One token.
   *
   * @param name a name unquoted, or a symbol; null for strings and numbers
   * @param quoting how a name is written; null for other tokens
   */
  private record Token(Kind kind, String name, Quoting quoting, int start, int end) {

    boolean isSymbol(String symbol) {
      return kind == Kind.SYMBOL && name.equals(symbol);
    }

    boolean isWord(String word) {
      return kind == Kind.NAME && quoting == Quoting.BARE && name.equalsIgnoreCase(word);
    }
  }

  /** Splits an expression into tokens, leaving out white space and comments. */
  private static final class Tokenizer {

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int at;

    Tokenizer(String text) {
      this.text = text;
    }

    List<Token> tokens() {
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
          skipString(false);
          tokens.add(new Token(Kind.STRING, null, null, start, at));
        } else if (c == '"') {
          quoted(Quoting.DOUBLE_QUOTES, '"');
        } else if (c == '`') {
          quoted(Quoting.BACKTICKS, '`');
        } else if (c == '[' && !isSubscript()) {
          quoted(Quoting.BRACKETS, ']');
        } else if (Character.isDigit(c) || c == '.' && Character.isDigit(charAt(at + 1))) {
          while (Character.isLetterOrDigit(charAt(at)) || charAt(at) == '.') {
            at++;
          }
          tokens.add(new Token(Kind.NUMBER, null, null, start, at));
        } else if (Character.isLetter(c) || c == '_') {
          word();
        } else {
          at += text.startsWith("::", at) ? 2 : 1;
          tokens.add(new Token(Kind.SYMBOL, text.substring(start, at), null, start, at));
        }
      }
      return tokens;
    }

    /** The character at {@code i}, or a space past the end. */
    private char charAt(int i) {
      return i < text.length() ? text.charAt(i) : ' ';
    }

    /** A bare word, or the prefix of a string literal written right after it ({@code E'a\'b'}). */
    private void word() {
      int start = at;
      while (Character.isLetterOrDigit(charAt(at)) || charAt(at) == '_' || charAt(at) == '$') {
        at++;
      }
      String word = text.substring(start, at);
      if (charAt(at) == '\'') {
        skipString(word.equalsIgnoreCase("E"));
        tokens.add(new Token(Kind.STRING, null, null, start, at));
      } else {
        tokens.add(new Token(Kind.NAME, word, Quoting.BARE, start, at));
      }
    }

    /** Moves past the string literal that starts here; {@code ''} is a quote, and so is {@code \'} if escapes apply. */
    private void skipString(boolean backslashEscapes) {
      at++;
      while (at < text.length()) {
        char c = text.charAt(at);
        if (backslashEscapes && c == '\\') {
          at += 2;
        } else if (c == '\'' && charAt(at + 1) == '\'') {
          at += 2;
        } else {
          at++;
          if (c == '\'') {
            return;
          }
        }
      }
      at = text.length();
    }

    /** A quoted name; the closing quote doubled is part of the name. */
    private void quoted(Quoting quoting, char close) {
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
      tokens.add(new Token(Kind.NAME, name.toString(), quoting, start, at));
    }

    /** Whether a bracket here follows a value or {@code ARRAY}, so that it subscripts rather than quotes. */
    private boolean isSubscript() {
      if (tokens.isEmpty()) {
        return false;
      }
      Token previous = tokens.get(tokens.size() - 1);
      if (previous.kind() == Kind.NAME) {
        return previous.quoting() != Quoting.BARE || previous.isWord("ARRAY") || !isReserved(previous.name());
      }
      return previous.isSymbol(")") || previous.isSymbol("]");
    }
  }
}
