package dev.retort.runtime.dialect.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpellingTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "CHARACTER VARYING(20)      | character varying(20)",
      "DECIMAL( 12 , 2 )          | decimal(12,2)",
      "ENUM('A', 'b c')           | enum('A','b c')",
      "\"s\".\"State\"            | s.state",
      "timestamp  with time zone  | timestamp with time zone"})
  void normalisesTypesButNotQuotedValues(String spelled, String normal) {
    assertThat(Spelling.normalizeType(spelled)).isEqualTo(normal);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "'it''s'::character varying | true  | it's",
      "'a'::\"s\".status          | true  | a",
      "('x')                      | true  | x",
      "'-1'::integer              | true  | -1",
      "1.50                       | true  | 1.50",
      "(0)::numeric               | true  | 0",
      "TRUE                       | true  | true",
      "CURRENT_TIMESTAMP          | false | CURRENT_TIMESTAMP",
      "lower('A')                 | false | lower('A')",
      "'a' COLLATE C              | false | 'a' COLLATE C"})
  void readsDefaultsAsLiteralsOrExpressions(String shown, boolean literal, String text) {
    assertThat(Spelling.parseDefault(shown, false)).isEqualTo(new Spelling.Shown(literal, text));
  }

  @Test
  void readsBackslashEscapesWhereTheDatabaseUsesThem() {
    assertThat(Spelling.parseDefault("'C:\\\\temp\\'s'", true)).isEqualTo(new Spelling.Shown(true, "C:\\temp's"));
    assertThat(Spelling.parseDefault("'C:\\\\temp'", false)).isEqualTo(new Spelling.Shown(true, "C:\\\\temp"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1.5   | 1.50  | true",
      "true  | 1     | true",
      "false | FALSE | true",
      "0     | 0.00  | true",
      "a     | b     | false",
      "true  | yes   | false",
      "1     | 2     | false"})
  void comparesLiteralsAsValues(String model, String shown, boolean same) {
    assertThat(Spelling.sameLiteral(model, shown)).isEqualTo(same);
  }
}
