package dev.retort.runtime.dialect;

import dev.retort.internal.sql.SqlLexer;
import dev.retort.internal.sql.SqlNames;
import dev.retort.internal.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The tokens of a SQLite statement, as far as telling which names it uses: bare words (keywords
 * and identifiers alike), quoted identifiers ({@code "name"}, {@code `name`}, {@code [name]}),
 * string and blob literals, and symbols, as {@link SqlLexer} reads them with SQLite's rules.
 * Numbers are left out, like comments and white space. A name inside {@code 'text'} or a comment
 * is not a use of it; but the head of a {@code CREATE} statement may name what it creates with a
 * string literal ({@code CREATE VIEW 'v' AS …}), which SQLite accepts there, so literals are
 * kept for {@link #isHeadName}.
 *
 * <p>SQLite compares names without regard to the case of ASCII letters, quoted or not, and only
 * of ASCII letters; {@link SqlNames} does the same, and tells which names a statement uses.
 */
final class SqliteTokens {

  private SqliteTokens() {}

  /**
   * The tokens of a statement. Unterminated literals, identifiers and comments run to the end,
   * as SQLite would reject the statement anyway.
   *
   * @param sql the statement
   * @return its words, quoted identifiers, literals and symbols, in order
   */
  static List<SqlToken> of(String sql) {
    return SqlLexer.plain().tokens(sql).stream()
        .filter(token -> token.kind() != SqlToken.Kind.NUMBER)
        .collect(Collectors.toUnmodifiableList());
  }

  /**
   * The statements of a text that may hold several, split where the sqlite3 shell ends one
   * ({@code sqlite3_complete}): at a semicolon outside literals, quoted names and comments, but
   * within a {@code CREATE TRIGGER} only at a semicolon right after {@code END}. SQLite's JDBC
   * driver runs only the first statement of a text and ignores the rest.
   *
   * @param sql the text
   * @return the text itself if it holds one statement (a semicolon after it, or a comment, left as
   *     written); otherwise each statement, from after the previous semicolon to before its own,
   *     comments included, without those that hold nothing but comments
   */
  static List<String> statements(String sql) {
    List<SqlToken> tokens = SqlLexer.plain().tokens(sql);
    List<String> statements = new ArrayList<>();
    int from = 0;
    int first = -1;
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken token = tokens.get(i);
      boolean semicolon = token.kind() == SqlToken.Kind.SYMBOL && token.text().equals(";");
      if (first < 0) {
        if (semicolon) {
          from = token.end();
        } else {
          first = i;
        }
      } else if (semicolon && (!isTrigger(tokens, first) || tokens.get(i - 1).isWord("END"))) {
        statements.add(sql.substring(from, token.start()).strip());
        from = token.end();
        first = -1;
      }
    }
    if (first >= 0) {
      statements.add(sql.substring(from).strip());
    }
    return statements.size() <= 1 ? List.of(sql) : List.copyOf(statements);
  }

  /** Whether the statement starting at {@code first} is {@code CREATE [TEMP|TEMPORARY] TRIGGER}. */
  private static boolean isTrigger(List<SqlToken> tokens, int first) {
    int i = first;
    if (!tokens.get(i).isWord("CREATE")) {
      return false;
    }
    i++;
    if (i < tokens.size() && (tokens.get(i).isWord("TEMP") || tokens.get(i).isWord("TEMPORARY"))) {
      i++;
    }
    return i < tokens.size() && tokens.get(i).isWord("TRIGGER");
  }

  /**
   * Whether the token can be a name in the head of a {@code CREATE VIEW} or {@code CREATE
   * TRIGGER} statement (the schema, the name, an {@code UPDATE OF} column): a word, a quoted
   * identifier, or a string literal such as {@code 'v'}, which SQLite's grammar accepts there. A
   * blob literal, {@code X'76'}, is not one.
   */
  static boolean isHeadName(SqlToken token) {
    return token.isName() || token.kind() == SqlToken.Kind.STRING && token.text().startsWith("'");
  }
}
