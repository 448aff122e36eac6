package dev.retort.runtime.dialect;

import dev.retort.internal.sql.SqlLexer;
import dev.retort.internal.sql.SqlToken;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The tokens of a SQLite statement, as far as telling which names it uses: bare words (keywords
 * and identifiers alike), quoted identifiers ({@code "name"}, {@code `name`}, {@code [name]}) and
 * symbols, as {@link SqlLexer} reads them with SQLite's rules. String and blob literals and
 * numbers are left out, like comments and white space, so that a name inside {@code 'text'} or a
 * comment is not a use of it and the head of a {@code CREATE} statement reads as names, keywords
 * and symbols only.
 *
 * <p>SQLite compares names without regard to the case of ASCII letters, quoted or not, and only
 * of ASCII letters; {@link #sameName} does the same.
 */
final class SqliteTokens {

  private SqliteTokens() {}

  /**
   * The tokens of a statement. Unterminated literals, identifiers and comments run to the end,
   * as SQLite would reject the statement anyway.
   *
   * @param sql the statement
   * @return its words, quoted identifiers and symbols, in order
   */
  static List<SqlToken> of(String sql) {
    return SqlLexer.plain().tokens(sql).stream()
        .filter(token -> token.kind() != SqlToken.Kind.STRING && token.kind() != SqlToken.Kind.NUMBER)
        .collect(Collectors.toUnmodifiableList());
  }

  /** Whether the token is the bare word, such as the keyword {@code UPDATE}, in any case. */
  static boolean isWord(SqlToken token, String word) {
    return token.kind() == SqlToken.Kind.WORD && sameName(token.text(), word);
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
  static boolean uses(List<SqlToken> tokens, Collection<String> names) {
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
}
