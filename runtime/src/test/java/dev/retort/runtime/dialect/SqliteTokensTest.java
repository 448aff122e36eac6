package dev.retort.runtime.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.retort.internal.sql.SqlNames;
import dev.retort.internal.sql.SqlToken;
import dev.retort.internal.sql.SqlToken.Kind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Reading SQLite statements as tokens, to tell which names a view or trigger uses. How
 * characters make tokens is {@code SqlLexerTest}'s; this is what SQLite makes of them.
 */
class SqliteTokensTest {

  @Test
  void keepsStringAndBlobLiteralsAndSkipsCommentsAndNumbers() {
    List<SqlToken> tokens = SqliteTokens.of("SELECT 'order''s', x'0A', 1.5e3 -- order\n FROM /* order */ t");

    assertThat(tokens).extracting(SqlToken::text)
        .containsExactly("SELECT", "'order''s'", ",", "x'0A'", ",", "FROM", "t");
  }

  @Test
  void readsStatementsAsSqliteDoes() {
    assertThat(SqliteTokens.of("SELECT e'a\\', \"order\", n'x' [b] FROM t"))
        .as("no escape strings, a word before a literal is a name, and a bracket after a name quotes")
        .extracting(SqlToken::kind, SqlToken::text)
        .containsExactly(
            tuple(Kind.WORD, "SELECT"),
            tuple(Kind.WORD, "e"),
            tuple(Kind.STRING, "'a\\'"),
            tuple(Kind.SYMBOL, ","),
            tuple(Kind.DOUBLE_QUOTED, "order"),
            tuple(Kind.SYMBOL, ","),
            tuple(Kind.WORD, "n"),
            tuple(Kind.STRING, "'x'"),
            tuple(Kind.BRACKETED, "b"),
            tuple(Kind.WORD, "FROM"),
            tuple(Kind.WORD, "t"));
  }

  @Test
  void knowsWhereEachTokenIsInTheStatement() {
    String sql = "CREATE VIEW \"v\" AS SELECT 1";
    SqlToken name = SqliteTokens.of(sql).get(2);

    assertThat(sql.substring(name.start(), name.end())).isEqualTo("\"v\"");
  }

  @Test
  void takesAStringLiteralButNotABlobForANameInTheHeadOfAStatement() {
    List<SqlToken> tokens = SqliteTokens.of("CREATE VIEW 'it''s' AS SELECT X'76', \"v\"");

    assertThat(SqliteTokens.isHeadName(tokens.get(2))).isTrue();
    assertThat(SqlNames.name(tokens.get(2))).isEqualTo("it's");
    assertThat(SqliteTokens.isHeadName(tokens.get(5))).as("a blob").isFalse();
    assertThat(SqliteTokens.isHeadName(tokens.get(7))).isTrue();
    assertThat(SqlNames.name(tokens.get(7))).isEqualTo("v");
  }

  @Test
  void findsAUseOfANameWhateverItsQuotesAndTheCaseOfItsAsciiLetters() {
    Set<String> order = Set.of(SqlNames.folded("Order"));

    assertThat(SqlNames.uses(SqliteTokens.of("SELECT * FROM [ORDER]"), order)).isTrue();
    assertThat(SqlNames.uses(SqliteTokens.of("SELECT * FROM main.\"order\""), order)).isTrue();
    assertThat(SqlNames.uses(SqliteTokens.of("SELECT * FROM t ORDER BY 1"), order))
        .as("a keyword that spells the name counts").isTrue();
    assertThat(SqlNames.uses(SqliteTokens.of("SELECT order_id, 'order' FROM orders -- order"), order)).isFalse();
    assertThat(SqlNames.uses(SqliteTokens.of("SELECT * FROM 'ORDER'"), order)).isTrue();
    assertThat(SqlNames.uses(SqliteTokens.of("SELECT * FROM t JOIN 'order' USING (id)"), order)).isTrue();
    assertThat(SqlNames.uses(SqliteTokens.of("BEGIN INSERT INTO 'order' VALUES (1); END"), order)).isTrue();
    assertThat(SqlNames.uses(SqliteTokens.of("SELECT * FROM t WHERE kind = 'order'"), order)).isFalse();
  }

  @Test
  void readsAKeywordInAnyCaseOfItsAsciiLettersOnly() {
    List<SqlToken> tokens = SqliteTokens.of("update \"UPDATE\" ÜPDATE");

    assertThat(tokens.get(0).isWord("UPDATE")).isTrue();
    assertThat(tokens.get(1).isWord("UPDATE")).as("a quoted name is no keyword").isFalse();
    assertThat(tokens.get(2).isWord("üpdate")).isFalse();
  }

  @Test
  void foldsTheCaseOfAsciiLettersOnlyAsSqliteDoes() {
    assertThat(SqlNames.sameName("ORDER", "order")).isTrue();
    assertThat(SqlNames.sameName("ÄRGER", "ärger")).isFalse();
  }

  @Test
  void anUnterminatedLiteralOrIdentifierRunsToTheEnd() {
    assertThat(SqliteTokens.of("SELECT 'open")).extracting(SqlToken::text).containsExactly("SELECT", "'open");
    assertThat(SqliteTokens.of("SELECT \"open")).extracting(SqlToken::text).containsExactly("SELECT", "open");
    assertThat(SqliteTokens.of("SELECT [open")).extracting(SqlToken::text).containsExactly("SELECT", "open");
  }

  @Test
  void splitsATextIntoStatementsAsTheSqliteShellDoes() {
    assertThat(SqliteTokens.statements("INSERT INTO t VALUES ('a;b'); -- one; two\nINSERT INTO \"t;\" VALUES (2);"))
        .containsExactly("INSERT INTO t VALUES ('a;b')", "-- one; two\nINSERT INTO \"t;\" VALUES (2)");
    assertThat(SqliteTokens.statements("CREATE TEMP TRIGGER g AFTER INSERT ON t BEGIN UPDATE t SET a = 1; DELETE FROM u;"
        + " END; /* done; */ DROP TABLE v"))
        .as("a trigger ends only at END;")
        .containsExactly("CREATE TEMP TRIGGER g AFTER INSERT ON t BEGIN UPDATE t SET a = 1; DELETE FROM u; END",
            "/* done; */ DROP TABLE v");
  }

  @Test
  void leavesATextOfOneStatementAsWritten() {
    assertThat(SqliteTokens.statements("-- fix\nUPDATE t SET a = 1; -- all rows"))
        .containsExactly("-- fix\nUPDATE t SET a = 1; -- all rows");
    assertThat(SqliteTokens.statements("CREATE TRIGGER g AFTER INSERT ON t BEGIN SELECT 1; SELECT 2; END"))
        .containsExactly("CREATE TRIGGER g AFTER INSERT ON t BEGIN SELECT 1; SELECT 2; END");
  }
}
