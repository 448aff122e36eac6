package dev.retort.internal.sql;

import java.util.Collection;
import java.util.List;

/**
 * Which names a SQL statement uses, as far as its tokens tell: for the differ (the tables and
 * views a view's query reads) and SQLite's table rebuild (the views and triggers that use a
 * table). Names compare as SQLite compares them, and as the other databases do for the unquoted
 * names Retort's users write: without regard to the case of ASCII letters, quoted or not.
 *
 * <p>A keyword that spells a name counts as a use ({@code ORDER BY} uses a table named {@code
 * order}): telling them apart needs each database's parser, and a false match only costs the
 * caller a needless step (a check, or a view dropped and created again).
 */
public final class SqlNames {

  private SqlNames() {}

  /**
   * Whether the statement uses one of the names, read with {@link SqlLexer#plain()}.
   *
   * @param sql the statement
   * @param names the names, each {@linkplain #folded folded}
   * @return whether one is used
   */
  public static boolean uses(String sql, Collection<String> names) {
    return !names.isEmpty() && uses(SqlLexer.plain().tokens(sql), names);
  }

  /**
   * Whether the tokens use one of the names as an identifier, bare or quoted, or as a string
   * literal where SQLite's grammar takes a table name ({@code FROM 'order'}: SQLite reads a
   * string there as the name, for compatibility). A name inside any other string literal or a
   * comment is not a use.
   *
   * @param tokens the statement's tokens
   * @param names the names, each {@linkplain #folded folded}
   * @return whether one is used
   */
  public static boolean uses(List<SqlToken> tokens, Collection<String> names) {
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken token = tokens.get(i);
      if (token.isName() && names.contains(folded(token.text()))
          || i > 0 && isTableString(tokens.get(i - 1), token) && names.contains(folded(name(token)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The name that a token spells: a string literal's text without its quotes, a doubled quote
   * read as one; otherwise the token's text.
   *
   * @param token a name or a string literal
   * @return the name
   */
  public static String name(SqlToken token) {
    if (token.kind() != SqlToken.Kind.STRING) {
      return token.text();
    }
    String text = token.text();
    int end = text.length() > 1 && text.endsWith("'") ? text.length() - 1 : text.length();
    return text.substring(1, end).replace("''", "'");
  }

  /** Whether the token is a string literal in the place of a table name: after FROM, JOIN, INTO or UPDATE. */
  private static boolean isTableString(SqlToken previous, SqlToken token) {
    return token.kind() == SqlToken.Kind.STRING && token.text().startsWith("'")
        && (previous.isWord("FROM") || previous.isWord("JOIN") || previous.isWord("INTO")
            || previous.isWord("UPDATE"));
  }

  /**
   * Whether two names are the same but for the case of ASCII letters.
   *
   * @param a a name
   * @param b another
   * @return whether they are the same name
   */
  public static boolean sameName(String a, String b) {
    return folded(a).equals(folded(b));
  }

  /**
   * The name with its ASCII letters in lower case, the form in which names are compared.
   *
   * @param name the name
   * @return the folded name
   */
  public static String folded(String name) {
    StringBuilder folded = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return folded.toString();
  }
}
