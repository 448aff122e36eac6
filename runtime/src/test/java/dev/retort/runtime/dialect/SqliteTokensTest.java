package dev.retort.runtime.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.retort.runtime.dialect.SqliteTokens.Kind;
import dev.retort.runtime.dialect.SqliteTokens.Token;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading SQLite statements as tokens, to tell which names a view or trigger uses. */
class SqliteTokensTest {

  @Test
  void readsNamesBareAndInEachKindOfQuotes() {
    assertThat(SqliteTokens.of("SELECT \"a\"\"b\", `c``d`, [e f], g_1$ FROM t"))
        .extracting(Token::kind, Token::text)
        .containsExactly(
            tuple(Kind.WORD, "SELECT"),
            tuple(Kind.DOUBLE_QUOTED, "a\"b"),
            tuple(Kind.SYMBOL, ","),
            tuple(Kind.QUOTED, "c`d"),
            tuple(Kind.SYMBOL, ","),
            tuple(Kind.QUOTED, "e f"),
            tuple(Kind.SYMBOL, ","),
            tuple(Kind.WORD, "g_1$"),
            tuple(Kind.WORD, "FROM"),
            tuple(Kind.WORD, "t"));
  }

  @Test
  void skipsStringAndBlobLiteralsCommentsAndNumbers() {
    List<Token> tokens = SqliteTokens.of("SELECT 'order''s', x'0A', 1.5e3 -- order\n FROM /* order */ t");

    assertThat(tokens).extracting(Token::text).containsExactly("SELECT", ",", ",", "FROM", "t");
  }

  @Test
  void knowsWhereEachTokenIsInTheStatement() {
    String sql = "CREATE VIEW \"v\" AS SELECT 1";
    Token name = SqliteTokens.of(sql).get(2);

    assertThat(sql.substring(name.start(), name.end())).isEqualTo("\"v\"");
  }

  @Test
  void findsAUseOfANameWhateverItsQuotesAndTheCaseOfItsAsciiLetters() {
    Set<String> order = Set.of(SqliteTokens.folded("Order"));

    assertThat(SqliteTokens.uses(SqliteTokens.of("SELECT * FROM [ORDER]"), order)).isTrue();
    assertThat(SqliteTokens.uses(SqliteTokens.of("SELECT * FROM main.\"order\""), order)).isTrue();
    assertThat(SqliteTokens.uses(SqliteTokens.of("SELECT * FROM t ORDER BY 1"), order))
        .as("a keyword that spells the name counts").isTrue();
    assertThat(SqliteTokens.uses(SqliteTokens.of("SELECT order_id, 'order' FROM orders -- order"), order)).isFalse();
  }

  @Test
  void foldsTheCaseOfAsciiLettersOnlyAsSqliteDoes() {
    assertThat(SqliteTokens.sameName("ORDER", "order")).isTrue();
    assertThat(SqliteTokens.sameName("ÄRGER", "ärger")).isFalse();
  }

  @Test
  void anUnterminatedLiteralOrIdentifierRunsToTheEnd() {
    assertThat(SqliteTokens.of("SELECT 'open")).extracting(Token::text).containsExactly("SELECT");
    assertThat(SqliteTokens.of("SELECT \"open")).extracting(Token::text).containsExactly("SELECT", "open");
    assertThat(SqliteTokens.of("SELECT [open")).extracting(Token::text).containsExactly("SELECT", "open");
  }
}
