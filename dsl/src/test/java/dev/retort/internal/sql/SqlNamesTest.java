package dev.retort.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SqlNamesTest {

  private static final Set<String> ORDER = Set.of(SqlNames.folded("Order"));

  @Test
  void findsAUseOfANameWhateverItsQuotesQualifierAndTheCaseOfItsAsciiLetters() {
    assertThat(SqlNames.uses("SELECT * FROM [ORDER]", ORDER)).isTrue();
    assertThat(SqlNames.uses("SELECT * FROM main.\"order\"", ORDER)).isTrue();
    assertThat(SqlNames.uses("SELECT * FROM `Order` o", ORDER)).isTrue();
    assertThat(SqlNames.uses("SELECT * FROM t ORDER BY 1", ORDER)).as("a keyword that spells the name counts").isTrue();
    assertThat(SqlNames.uses("SELECT * FROM 'ORDER'", ORDER)).as("SQLite reads a string there as a name").isTrue();
  }

  @Test
  void aNameInALiteralACommentOrAnotherWordIsNoUse() {
    assertThat(SqlNames.uses("SELECT order_id, 'order' FROM orders -- order", ORDER)).isFalse();
    assertThat(SqlNames.uses("SELECT id /* order */ FROM orders", ORDER)).isFalse();
    assertThat(SqlNames.uses("SELECT * FROM t WHERE kind = 'order'", ORDER)).isFalse();
    assertThat(SqlNames.uses("SELECT * FROM orders", Set.of())).isFalse();
  }

  @Test
  void foldsTheCaseOfAsciiLettersOnly() {
    assertThat(SqlNames.sameName("ORDER", "order")).isTrue();
    assertThat(SqlNames.sameName("ÄRGER", "ärger")).isFalse();
  }
}
