package dev.retort.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.model.CheckColumns.Quoting;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link CheckColumns}: which names of a check expression are columns, and renaming one. */
class CheckColumnsTest {

  @Test
  void findsBareAndQuotedNamesWithTheirQuotingAndPlace() {
    String expression = "price > 0 AND \"list price\" >= `cost` OR [vat] IS NULL";

    assertThat(CheckColumns.of(expression)).containsExactly(
        new CheckColumns.Column("price", Quoting.BARE, 0, 5),
        new CheckColumns.Column("list price", Quoting.DOUBLE_QUOTES, 14, 26),
        new CheckColumns.Column("cost", Quoting.BACKTICKS, 30, 36),
        new CheckColumns.Column("vat", Quoting.BRACKETS, 40, 45));
  }

  @Test
  void aBareWordNamesTheColumnInAnyCaseAQuotedNameOnlyExactly() {
    assertThat(CheckColumns.mentions("CODE <> ''", "code")).isTrue();
    assertThat(CheckColumns.mentions("Code <> ''", "CODE")).isTrue();
    assertThat(CheckColumns.mentions("\"CODE\" <> ''", "code")).isFalse();
    assertThat(CheckColumns.mentions("\"CODE\" <> ''", "CODE")).isTrue();
  }

  @Test
  void typesOfSeveralWordsAndAtTimeZoneAreNotColumns() {
    assertThat(CheckColumns.of("created::timestamp with time zone > checked AT TIME ZONE 'UTC'"))
        .extracting(CheckColumns.Column::name)
        .containsExactly("created", "checked");
    assertThat(CheckColumns.of("CAST(price AS double precision) > cost::character varying(10)"))
        .extracting(CheckColumns.Column::name)
        .containsExactly("price", "cost");
    assertThat(CheckColumns.of("amount::int BETWEEN low AND high AND code::text IS NOT NULL"))
        .extracting(CheckColumns.Column::name)
        .containsExactly("amount", "low", "high", "code");
  }

  @Test
  void renamingAColumnNamedLikeAWordOfATypeLeavesTheTypeAlone() {
    assertThat(CheckColumns.rename("zone <> '' AND starts AT TIME ZONE 'UTC' > ends::time with time zone",
        "zone", "region"))
        .isEqualTo("region <> '' AND starts AT TIME ZONE 'UTC' > ends::time with time zone");
  }

  @Test
  void aNameInsideAStringLiteralIsNotAColumn() {
    assertThat(CheckColumns.mentions("status <> 'code'", "code")).isFalse();
    assertThat(CheckColumns.mentions("status <> 'it''s code'", "code")).isFalse();
    assertThat(CheckColumns.mentions("status <> 'it''s' AND code > 0", "code")).isTrue();
    assertThat(CheckColumns.mentions("status <> E'it\\'s code'", "code")).isFalse();
    assertThat(CheckColumns.mentions("status <> N'code' AND x <> X'c0de'", "code")).isFalse();
  }

  @Test
  void quotedNamesMayHoldTheirOwnQuotesDoubled() {
    assertThat(CheckColumns.of("\"say \"\"hi\"\"\" > 0 AND `a``b` > 0 AND [c]]d] > 0"))
        .extracting(CheckColumns.Column::name)
        .containsExactly("say \"hi\"", "a`b", "c]d");
    assertThat(CheckColumns.mentions("\"a\"\"code\" > 0", "code")).isFalse();
    assertThat(CheckColumns.mentions("'say \"code\"' <> name", "code")).isFalse();
  }

  @Test
  void aFunctionNamedLikeTheColumnIsNotTheColumn() {
    assertThat(CheckColumns.mentions("length(name) > 0", "length")).isFalse();
    assertThat(CheckColumns.mentions("LENGTH (name) > 0", "length")).isFalse();
    assertThat(CheckColumns.mentions("\"lower\"(name) = name", "lower")).isFalse();
    assertThat(CheckColumns.mentions("length(length) > 0", "length")).isTrue();
  }

  @Test
  void aTableQualifyingAColumnIsNotAColumnButTheColumnIs() {
    assertThat(CheckColumns.of("books.price > 0 AND \"books\".\"cost\" > 0"))
        .extracting(CheckColumns.Column::name)
        .containsExactly("price", "cost");
  }

  @Test
  void typesCollationsTypedLiteralsAndReservedWordsAreNotColumns() {
    assertThat(CheckColumns.mentions("CAST(created AS date) > DATE '2026-01-01'", "date")).isFalse();
    assertThat(CheckColumns.mentions("created::date > CURRENT_DATE", "date")).isFalse();
    assertThat(CheckColumns.mentions("name COLLATE \"C\" <> ''", "C")).isFalse();
    assertThat(CheckColumns.mentions("CASE WHEN a > 0 THEN 1 ELSE 0 END = 1", "end")).isFalse();
    assertThat(CheckColumns.mentions("\"end\" > \"start\"", "end")).isTrue();
    assertThat(CheckColumns.mentions("date > DATE '2026-01-01'", "date")).isTrue();
  }

  @Test
  void theFieldOfExtractAndAUnitAfterALiteralAreNotColumns() {
    assertThat(CheckColumns.of("EXTRACT(YEAR FROM born) > 1900 AND extract ( day from born) < 32"))
        .extracting(CheckColumns.Column::name)
        .containsExactly("born", "born");
    assertThat(CheckColumns.of("due < created + INTERVAL '1' DAY AND due < created + INTERVAL 2 day"))
        .extracting(CheckColumns.Column::name)
        .containsExactly("due", "created", "due", "created");
    assertThat(CheckColumns.of("SUBSTRING(code FROM 1 FOR 2) <> 'xx'"))
        .extracting(CheckColumns.Column::name)
        .containsExactly("code");
    assertThat(CheckColumns.mentions("EXTRACT(YEAR FROM year) > 1900", "year")).isTrue();
    assertThat(CheckColumns.mentions("\"day\" < 32 AND 1 < 2", "day")).isTrue();
  }

  @Test
  void renameLeavesTheFieldOfExtractAlone() {
    assertThat(CheckColumns.rename("year <= EXTRACT(YEAR FROM CURRENT_DATE) + 1", "year", "model_year"))
        .isEqualTo("model_year <= EXTRACT(YEAR FROM CURRENT_DATE) + 1");
  }

  @Test
  void commentsAndNumbersHoldNoColumns() {
    assertThat(CheckColumns.of("-- code\nprice > 1e5 /* code */ AND price < .5"))
        .extracting(CheckColumns.Column::name)
        .containsExactly("price", "price");
  }

  @Test
  void aBracketAfterAValueIsASubscriptNotAQuotedName() {
    assertThat(CheckColumns.of("tags[1] <> '' AND code = ANY (ARRAY['a', 'code']) AND (x)[pos] > 0"))
        .extracting(CheckColumns.Column::name)
        .containsExactly("tags", "code", "x", "pos");
  }

  @Test
  void aBracketAfterAQuotedNameIsASubscript() {
    assertThat(CheckColumns.of("\"tags\"[1] <> '' AND `b`[2] > 0"))
        .extracting(CheckColumns.Column::name)
        .containsExactly("tags", "b");
  }

  @Test
  void aWordThatAPrefixedLiteralFollowsIsAnOperatorNotAColumn() {
    assertThat(CheckColumns.mentions("name REGEXP N'^a' AND flags <> B'101'", "regexp")).isFalse();
    assertThat(CheckColumns.mentions("name GLOB _utf8mb4'a*'", "glob")).isFalse();
  }

  @Test
  void anUnterminatedLiteralOrNameEndsTheExpression() {
    assertThat(CheckColumns.of("a > 0 AND b <> 'c")).extracting(CheckColumns.Column::name).containsExactly("a", "b");
    assertThat(CheckColumns.of("a > \"b")).extracting(CheckColumns.Column::name).containsExactly("a", "b");
  }

  @Test
  void renameKeepsEachOccurrencesQuotingAndLeavesLiteralsAlone() {
    assertThat(CheckColumns.rename("code <> 'code' AND \"code\" <> '' AND `code` > [code]", "code", "sku"))
        .isEqualTo("sku <> 'code' AND \"sku\" <> '' AND `sku` > [sku]");
  }

  @Test
  void renameOfABareWordIgnoresItsCase() {
    assertThat(CheckColumns.rename("CODE <> '' AND \"CODE\" > 0", "code", "sku"))
        .isEqualTo("sku <> '' AND \"CODE\" > 0");
  }

  @Test
  void renameQuotesABareNameWhenTheNewNameCannotBeBare() {
    assertThat(CheckColumns.rename("code <> ''", "code", "Sku")).isEqualTo("\"Sku\" <> ''");
    assertThat(CheckColumns.rename("code <> ''", "code", "order id")).isEqualTo("\"order id\" <> ''");
    assertThat(CheckColumns.rename("code <> ''", "code", "end")).isEqualTo("\"end\" <> ''");
    assertThat(CheckColumns.rename("code <> ''", "code", "2nd")).isEqualTo("\"2nd\" <> ''");
    assertThat(CheckColumns.rename("code <> ''", "code", "_sku2")).isEqualTo("_sku2 <> ''");
  }

  @Test
  void renameDoublesTheQuotesOfTheNewNameInsideQuotes() {
    assertThat(CheckColumns.rename("\"code\" > 0 AND `code` > 0 AND [code] > 0 AND code > 0", "code", "a\"b`c]d"))
        .isEqualTo("\"a\"\"b`c]d\" > 0 AND `a\"b``c]d` > 0 AND [a\"b`c]]d] > 0 AND \"a\"\"b`c]d\" > 0");
  }

  @Test
  void renameLeavesFunctionsTablesAndTypesOfTheSameNameAlone() {
    assertThat(CheckColumns.rename("length(length) > 0 AND length.x > 0 AND CAST(y AS length) > 0", "length", "size"))
        .isEqualTo("length(size) > 0 AND length.x > 0 AND CAST(y AS length) > 0");
  }

  @Test
  void renameOfAColumnTheExpressionDoesNotNameReturnsItUnchanged() {
    String expression = "price > 0";

    assertThat(CheckColumns.rename(expression, "code", "sku")).isSameAs(expression);
  }

  @Test
  void aRenamedExpressionNamesTheNewColumnAndNotTheOld() {
    for (String expression : List.of("code > 0", "\"code\" > 0", "`code` > 0", "[code] > 0", "t.code > 0")) {
      String renamed = CheckColumns.rename(expression, "code", "Sku Id");

      assertThat(CheckColumns.mentions(renamed, "Sku Id")).as(renamed).isTrue();
      assertThat(CheckColumns.mentions(renamed, "code")).as(renamed).isFalse();
    }
  }
}
