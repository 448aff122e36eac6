package dev.retort.model;

import dev.retort.internal.sql.SqlLexer;
import dev.retort.internal.sql.SqlToken;
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
 *   <li>followed by a literal: a typed literal ({@code DATE '2026-01-01'}), an operator
 *       ({@code name LIKE 'a%'}, {@code name GLOB 'a*'}) or MySQL's {@code INTERVAL 1 DAY};
 *   <li>after {@code AS}, {@code ::} or {@code COLLATE}, with the bare words that follow it: a
 *       type or a collation, also of several words ({@code ::timestamp with time zone},
 *       {@code AS double precision});
 *   <li>{@code AT TIME ZONE}, the time zone conversion;
 *   <li>right after {@code EXTRACT(}: the field to extract, as in {@code EXTRACT(YEAR FROM born)};
 *   <li>a bare word right after a literal: a unit or a keyword, as in {@code INTERVAL '1' DAY} or
 *       {@code SUBSTRING(code FROM 1 FOR 2)}, since a column never follows a literal directly;
 *   <li>a bare word that is a reserved word of SQL expressions ({@code AND}, {@code NULL},
 *       {@code CASE}, …), which cannot be a bare column name.
 * </ul>
 *
 * <p>A bare word names a column whatever its case, as SQL folds bare words; a quoted name must
 * match exactly. A bracket after a name, a closing parenthesis or {@code ARRAY} is a PostgreSQL
 * subscript or array, not a quoted name. Input is never refused: an expression the database
 * would reject is read as far as it goes. {@link SqlLexer} reads the characters, with string
 * prefixes and subscripts, since a check is written for any of the databases.
 */
final class CheckColumns {

  /** Reserved words that may occur in a boolean expression; a bare one is never a column. */
  private static final Set<String> RESERVED = Set.of(
      "ALL", "AND", "ANY", "ARRAY", "AS", "BETWEEN", "CASE", "CAST", "COLLATE", "CURRENT_DATE",
      "CURRENT_TIME", "CURRENT_TIMESTAMP", "DISTINCT", "ELSE", "END", "ESCAPE", "EXISTS", "FALSE", "FROM",
      "ILIKE", "IN", "IS", "LIKE", "LOCALTIME", "LOCALTIMESTAMP", "NOT", "NULL", "OR", "SIMILAR", "SOME",
      "THEN", "TO", "TRUE", "UNKNOWN", "WHEN");

  /**
   * Words that may stand bare in an expression and are not columns, though they are no
   * reserved word of every database: operators ({@code XOR}, {@code DIV}, {@code MOD}, MySQL's
   * {@code BINARY}, PostgreSQL's {@code ISNULL} and {@code NOTNULL}) and functions called
   * without parentheses ({@code CURRENT_USER}, {@code UTC_TIMESTAMP}, …). A column may have such a
   * name, so they count as columns for {@link #mentions} and {@link #rename}; they are only never
   * reported as names a table lacks ({@link CheckModel#unknownColumns}).
   */
  private static final Set<String> STANDALONE_WORDS = Set.of(
      "BINARY", "CURRENT_CATALOG", "CURRENT_ROLE", "CURRENT_SCHEMA", "CURRENT_USER", "DIV", "ISNULL", "MOD",
      "NOTNULL", "SESSION_USER", "SYSTEM_USER", "USER", "UTC_DATE", "UTC_TIME", "UTC_TIMESTAMP", "XOR");

  private static final SqlLexer LEXER =
      SqlLexer.plain().withPrefixedStrings().withSubscripts(CheckColumns::isSubscripted);

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
    BRACKETS;

    /** How the name token is written. */
    static Quoting of(SqlToken name) {
      return switch (name.kind()) {
        case DOUBLE_QUOTED -> DOUBLE_QUOTES;
        case BACKTICKED -> BACKTICKS;
        case BRACKETED -> BRACKETS;
        default -> BARE;
      };
    }
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
    List<SqlToken> tokens = LEXER.tokens(expression);
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (isColumn(tokens, i)) {
        SqlToken token = tokens.get(i);
        columns.add(new Column(token.text(), Quoting.of(token), token.start(), token.end()));
      }
    }
    return columns;
  }

  /** Whether a name is a bare {@link #STANDALONE_WORDS standalone word}. */
  static boolean isStandaloneWord(Column mention) {
    return mention.quoting() == Quoting.BARE && STANDALONE_WORDS.contains(mention.name().toUpperCase(Locale.ROOT));
  }

  /** Whether the token at {@code i} is a name that reads as a column; see the class comment. */
  private static boolean isColumn(List<SqlToken> tokens, int i) {
    SqlToken token = tokens.get(i);
    if (!token.isName() || token.kind() == SqlToken.Kind.WORD && isReserved(token.text())) {
      return false;
    }
    if (i + 1 < tokens.size()) {
      SqlToken next = tokens.get(i + 1);
      if (next.isSymbol("(") || next.isSymbol(".") || next.kind() == SqlToken.Kind.STRING
          || next.kind() == SqlToken.Kind.NUMBER) {
        return false;
      }
    }
    if (i > 0) {
      SqlToken previous = tokens.get(i - 1);
      if (token.kind() == SqlToken.Kind.WORD
          && (previous.kind() == SqlToken.Kind.STRING || previous.kind() == SqlToken.Kind.NUMBER)) {
        return false;
      }
      if (i > 1 && previous.isSymbol("(") && tokens.get(i - 2).isWord("EXTRACT")) {
        return false;
      }
      if (isAtTimeZone(tokens, i)) {
        return false;
      }
      return !isInType(tokens, i);
    }
    return !isAtTimeZone(tokens, i);
  }

  /**
   * Whether the token is part of a type or collation name: after {@code ::}, {@code AS} or
   * {@code COLLATE}, or a bare word in a run of bare words that directly follows one. A reserved
   * word ends the run, since a type name never holds one and an operator such as {@code BETWEEN}
   * or {@code IS} may follow the type.
   */
  private static boolean isInType(List<SqlToken> tokens, int i) {
    for (int j = i - 1; j >= 0; j--) {
      SqlToken previous = tokens.get(j);
      if (previous.isSymbol("::") || previous.isWord("AS") || previous.isWord("COLLATE")) {
        return true;
      }
      if (previous.kind() != SqlToken.Kind.WORD || isReserved(previous.text())
          || tokens.get(i).kind() != SqlToken.Kind.WORD) {
        return false;
      }
    }
    return false;
  }

  /** Whether the token is a word of {@code AT TIME ZONE}. */
  private static boolean isAtTimeZone(List<SqlToken> tokens, int i) {
    for (int start = i - 2; start <= i; start++) {
      if (start >= 0 && start + 2 < tokens.size() && tokens.get(start).isWord("AT")
          && tokens.get(start + 1).isWord("TIME") && tokens.get(start + 2).isWord("ZONE")) {
        return true;
      }
    }
    return false;
  }

  /** Whether a bracket after the token subscripts a value or {@code ARRAY} rather than quotes a name. */
  private static boolean isSubscripted(SqlToken previous) {
    if (previous.kind() == SqlToken.Kind.WORD) {
      return previous.isWord("ARRAY") || !isReserved(previous.text());
    }
    return previous.isQuotedName() || previous.isSymbol(")") || previous.isSymbol("]");
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
}
