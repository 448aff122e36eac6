package dev.retort.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.retort.internal.sql.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SqlLexer}: SQL text as tokens, with and without the options. */
class SqlLexerTest {

  private static final SqlLexer PLAIN = SqlLexer.plain();

  @Test
  void readsNamesBareAndInEachKindOfQuotes() {
    assertThat(PLAIN.tokens("SELECT \"a\"\"b\", `c``d`, [e f], g_1$ FROM t"))
        .extracting(SqlToken::kind, SqlToken::text)
        .containsExactly(
            tuple(Kind.WORD, "SELECT"),
            tuple(Kind.DOUBLE_QUOTED, "a\"b"),
            tuple(Kind.SYMBOL, ","),
            tuple(Kind.BACKTICKED, "c`d"),
            tuple(Kind.SYMBOL, ","),
            tuple(Kind.BRACKETED, "e f"),
            tuple(Kind.SYMBOL, ","),
            tuple(Kind.WORD, "g_1$"),
            tuple(Kind.WORD, "FROM"),
            tuple(Kind.WORD, "t"));
  }

  @Test
  void aQuotedNameHoldsItsClosingQuoteDoubled() {
    assertThat(PLAIN.tokens("\"say \"\"hi\"\"\" `a``b` [c]]d] \"it's\""))
        .extracting(SqlToken::text)
        .containsExactly("say \"hi\"", "a`b", "c]d", "it's");
  }

  @Test
  void readsStringAndBlobLiteralsAndNumbersAsWrittenAndSkipsComments() {
    assertThat(PLAIN.tokens("SELECT 'order''s', x'0A', 1.5e3 -- order\n FROM /* order */ t"))
        .extracting(SqlToken::kind, SqlToken::text)
        .containsExactly(
            tuple(Kind.WORD, "SELECT"),
            tuple(Kind.STRING, "'order''s'"),
            tuple(Kind.SYMBOL, ","),
            tuple(Kind.STRING, "x'0A'"),
            tuple(Kind.SYMBOL, ","),
            tuple(Kind.NUMBER, "1.5e3"),
            tuple(Kind.WORD, "FROM"),
            tuple(Kind.WORD, "t"));
  }

  @Test
  void commentMarkersInsideLiteralsAndQuotedNamesAreNoComments() {
    assertThat(PLAIN.tokens("'--' \"/*\" a /* x -- y */ b -- z"))
        .extracting(SqlToken::text)
        .containsExactly("'--'", "/*", "a", "b");
  }

  @Test
  void knowsWhereEachTokenIsInTheText() {
    String sql = "CREATE VIEW \"v\" AS SELECT X'0A'";
    List<SqlToken> tokens = PLAIN.tokens(sql);

    assertThat(tokens).extracting(token -> sql.substring(token.start(), token.end()))
        .containsExactly("CREATE", "VIEW", "\"v\"", "AS", "SELECT", "X'0A'");
  }

  @Test
  void readsNumbersWithTheirFractionExponentAndDigitGroups() {
    assertThat(PLAIN.tokens("12 .5 1.5e3 0x1F 1_000 1e+5 t.a"))
        .extracting(SqlToken::kind, SqlToken::text)
        .containsExactly(
            tuple(Kind.NUMBER, "12"),
            tuple(Kind.NUMBER, ".5"),
            tuple(Kind.NUMBER, "1.5e3"),
            tuple(Kind.NUMBER, "0x1F"),
            tuple(Kind.NUMBER, "1_000"),
            tuple(Kind.NUMBER, "1e"),
            tuple(Kind.SYMBOL, "+"),
            tuple(Kind.NUMBER, "5"),
            tuple(Kind.WORD, "t"),
            tuple(Kind.SYMBOL, "."),
            tuple(Kind.WORD, "a"));
  }

  @Test
  void everyCharacterBeyondAsciiButWhiteSpaceBelongsToAWord() {
    String combiningAccent = "cafe\u0301";
    String outsideTheBmp = "n\uD835\uDD38me";

    assertThat(PLAIN.tokens("größe " + combiningAccent + " " + outsideTheBmp + " €uro a\u2003b ٣x"))
        .extracting(SqlToken::kind, SqlToken::text)
        .containsExactly(
            tuple(Kind.WORD, "größe"),
            tuple(Kind.WORD, combiningAccent),
            tuple(Kind.WORD, outsideTheBmp),
            tuple(Kind.WORD, "€uro"),
            tuple(Kind.WORD, "a"),
            tuple(Kind.WORD, "b"),
            tuple(Kind.WORD, "٣x"));
  }

  @Test
  void readsADoubleColonAsOneSymbolAndOtherSymbolsOneCharacterEach() {
    assertThat(PLAIN.tokens("a::date <> :b $1"))
        .extracting(SqlToken::kind, SqlToken::text)
        .containsExactly(
            tuple(Kind.WORD, "a"),
            tuple(Kind.SYMBOL, "::"),
            tuple(Kind.WORD, "date"),
            tuple(Kind.SYMBOL, "<"),
            tuple(Kind.SYMBOL, ">"),
            tuple(Kind.SYMBOL, ":"),
            tuple(Kind.WORD, "b"),
            tuple(Kind.SYMBOL, "$"),
            tuple(Kind.NUMBER, "1"));
  }

  @Test
  void anUnterminatedLiteralNameOrCommentRunsToTheEnd() {
    assertThat(PLAIN.tokens("SELECT 'open")).extracting(SqlToken::kind, SqlToken::text)
        .containsExactly(tuple(Kind.WORD, "SELECT"), tuple(Kind.STRING, "'open"));
    assertThat(PLAIN.tokens("SELECT \"open")).extracting(SqlToken::text).containsExactly("SELECT", "open");
    assertThat(PLAIN.tokens("SELECT \"a\"\"")).extracting(SqlToken::text).containsExactly("SELECT", "a\"");
    assertThat(PLAIN.tokens("SELECT [open")).extracting(SqlToken::text).containsExactly("SELECT", "open");
    assertThat(PLAIN.tokens("SELECT /* open")).extracting(SqlToken::text).containsExactly("SELECT");
    assertThat(PLAIN.tokens("b <> 'c")).last().extracting(SqlToken::start, SqlToken::end).containsExactly(5, 7);
  }

  @Test
  void withoutPrefixedStringsOnlyXPrefixesALiteralAndBackslashesAreOrdinary() {
    assertThat(PLAIN.tokens("E'a\\' , N'b' X'0A'"))
        .extracting(SqlToken::kind, SqlToken::text)
        .containsExactly(
            tuple(Kind.WORD, "E"),
            tuple(Kind.STRING, "'a\\'"),
            tuple(Kind.SYMBOL, ","),
            tuple(Kind.WORD, "N"),
            tuple(Kind.STRING, "'b'"),
            tuple(Kind.STRING, "X'0A'"));
  }

  @Test
  void withPrefixedStringsAWordBeforeAQuoteIsTheLiteralsPrefixAndEscapeStringsTakeBackslashes() {
    SqlLexer lexer = PLAIN.withPrefixedStrings();

    assertThat(lexer.tokens("e'it\\'s' N'a\\' DATE'2026-01-01' _utf8mb4'x' a 'b'"))
        .extracting(SqlToken::kind, SqlToken::text)
        .containsExactly(
            tuple(Kind.STRING, "e'it\\'s'"),
            tuple(Kind.STRING, "N'a\\'"),
            tuple(Kind.STRING, "DATE'2026-01-01'"),
            tuple(Kind.STRING, "_utf8mb4'x'"),
            tuple(Kind.WORD, "a"),
            tuple(Kind.STRING, "'b'"));
    assertThat(lexer.tokens("E'open\\")).extracting(SqlToken::text).containsExactly("E'open\\");
  }

  @Test
  void withoutSubscriptsEveryBracketQuotes() {
    assertThat(PLAIN.tokens("tags[1]"))
        .extracting(SqlToken::kind, SqlToken::text)
        .containsExactly(tuple(Kind.WORD, "tags"), tuple(Kind.BRACKETED, "1"));
  }

  @Test
  void withSubscriptsABracketAfterAnAcceptedTokenIsASymbol() {
    List<SqlToken> asked = new ArrayList<>();
    SqlLexer lexer = PLAIN.withSubscripts(previous -> {
      asked.add(previous);
      return previous.kind() == Kind.WORD && !previous.text().equals("AND");
    });

    assertThat(lexer.tokens("[a] AND [b] > tags /* x */ [1]"))
        .extracting(SqlToken::kind, SqlToken::text)
        .containsExactly(
            tuple(Kind.BRACKETED, "a"),
            tuple(Kind.WORD, "AND"),
            tuple(Kind.BRACKETED, "b"),
            tuple(Kind.SYMBOL, ">"),
            tuple(Kind.WORD, "tags"),
            tuple(Kind.SYMBOL, "["),
            tuple(Kind.NUMBER, "1"),
            tuple(Kind.SYMBOL, "]"));
    assertThat(asked).as("the lexer asks with the token before each bracket but the first")
        .extracting(SqlToken::text).containsExactly("AND", "tags");
  }

  @Test
  void optionsAddUpAndLeaveTheLexerTheyStartFromAlone() {
    SqlLexer both = PLAIN.withSubscripts(previous -> true).withPrefixedStrings();

    assertThat(both.tokens("a[1] N'x'")).extracting(SqlToken::kind)
        .containsExactly(Kind.WORD, Kind.SYMBOL, Kind.NUMBER, Kind.SYMBOL, Kind.STRING);
    assertThat(PLAIN.tokens("a[1] N'x'")).extracting(SqlToken::kind)
        .containsExactly(Kind.WORD, Kind.BRACKETED, Kind.WORD, Kind.STRING);
  }

  @Test
  void textWithoutTokensHasNone() {
    assertThat(PLAIN.tokens("")).isEmpty();
    assertThat(PLAIN.tokens(" \t\n-- only a comment")).isEmpty();
  }

  @Test
  void aTokenKnowsWhetherItIsANameAQuotedNameOrASymbol() {
    List<SqlToken> tokens = PLAIN.tokens("a \"b\" 'c' :: 1");

    assertThat(tokens).extracting(SqlToken::isName).containsExactly(true, true, false, false, false);
    assertThat(tokens).extracting(SqlToken::isQuotedName).containsExactly(false, true, false, false, false);
    assertThat(tokens).extracting(token -> token.isSymbol("::")).containsExactly(false, false, false, true, false);
  }

  @Test
  void refusesNullTextAndATokenThatSpansNoRange() {
    assertThatThrownBy(() -> PLAIN.tokens(null)).isInstanceOf(NullPointerException.class).hasMessage("sql == null");
    assertThatThrownBy(() -> PLAIN.withSubscripts(null)).hasMessage("after == null");
    assertThatThrownBy(() -> new SqlToken(Kind.WORD, "a", 2, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("token WORD 'a' spans 2 to 1");
  }
}
