package dev.retort.runtime.dialect.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.model.ColumnType;
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
      "'a' COLLATE C              | false | 'a' COLLATE C",
      "CAST(1E+2 AS DECFLOAT)     | true  | 1E+2",
      "cast('a (b)' AS VARCHAR(5)) | true | a (b)",
      "CAST(x AS INTEGER)         | false | CAST(x AS INTEGER)"})
  void readsDefaultsAsLiteralsOrExpressions(String shown, boolean literal, String text) {
    assertThat(Spelling.parseDefault(shown, false)).isEqualTo(new Spelling.Shown(literal, text));
  }

  @Test
  void readsBackslashEscapesWhereTheDatabaseUsesThem() {
    assertThat(Spelling.parseDefault("'C:\\\\temp\\'s'", true)).isEqualTo(new Spelling.Shown(true, "C:\\temp's"));
    assertThat(Spelling.parseDefault("'C:\\\\temp'", false)).isEqualTo(new Spelling.Shown(true, "C:\\\\temp"));
  }

  @Test
  void readsTheControlCharactersThatMySqlWritesWithABackslash() {
    assertThat(Spelling.parseDefault("'a\\nb\\tc\\rd\\0e\\bf\\Zg\\\"h\\%i\\_j'", true))
        .isEqualTo(new Spelling.Shown(true, "a\nb\tc\rd\0e\bf\032g\"h\\%i\\_j"));
  }

  @Test
  void readsUnicodeEscapedStringsAsH2ShowsThem() {
    assertThat(Spelling.parseDefault("U&'caf\\00e9 \\2615 \\+01F600 a\\\\b it''s'", false))
        .isEqualTo(new Spelling.Shown(true, "café ☕ 😀 a\\b it's"));
    assertThat(Spelling.parseDefault("u&'line1\\000aline2'", false))
        .isEqualTo(new Spelling.Shown(true, "line1\nline2"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "decimal(12,2)            | 1.5                       | 1.50                          | true",
      "boolean                  | true                      | 1                             | true",
      "boolean                  | false                     | FALSE                         | true",
      "integer                  | 0                         | 0.00                          | true",
      "varchar(5)               | a                         | b                             | false",
      "boolean                  | true                      | yes                           | false",
      "integer                  | 1                         | 2                             | false",
      "varchar(10)              | 007                       | 7                             | false",
      "text                     | true                      | 1                             | false",
      "char(3)                  | 1.0                       | 1                             | false",
      "date                     | 2024-01-31                | 2024-01-31                    | true",
      "date                     | 2024-01-31                | 2024-02-01                    | false",
      "time                     | 12:30:00                  | 12:30:00.000000               | true",
      "time                     | 12:30                     | 12:30:00                      | true",
      "time                     | 12:30:00                  | 12:30:01                      | false",
      "timestamp                | 2024-01-31 12:00:00       | 2024-01-31 12:00:00.000000    | true",
      "timestamp                | 2024-01-31T12:00:00.5     | 2024-01-31 12:00:00.500       | true",
      "timestamp                | 2024-01-31 12:00:00       | 2024-01-31 12:00:01           | false",
      "timestamp                | 2024-01-31                | 2024-01-31 00:00:00.000000    | true",
      "timestamp                | 2024-01-31                | 2024-01-31 00:00:01           | false",
      "timestamp with time zone | 2024-01-31                | 2024-01-31 00:00:00+00        | true",
      "timestamp with time zone | 2024-01-31 12:00:00+00:00 | 2024-01-31 13:00:00+01        | true",
      "timestamp with time zone | 2024-01-31 12:00:00Z      | 2024-01-31 12:00:00.000000+00 | true",
      "timestamp with time zone | 2024-01-31 12:00:00+00:00 | 2024-01-31 12:00:00+01        | false",
      "timestamp with time zone | 2024-01-31 12:00:00       | 2024-01-31 12:00:00+00        | true",
      "timestamp with time zone | 2024-01-31 12:00:00       | 2024-01-31 12:00:00.000000    | true",
      "uuid                     | 123E4567-E89B-12D3-A456-426614174000 | 123e4567-e89b-12d3-a456-426614174000 | true",
      "uuid                     | 123e4567-e89b-12d3-a456-426614174000 | 123e4567-e89b-12d3-a456-426614174001 | false",
      "json                     | '{\"b\":[1, 2.50,true], \"a\" : {}}' | '{\"a\": {}, \"b\": [1, 2.5, true]}' | true",
      "json                     | '{\"a\":1}'                  | '{\"a\":2}'                     | false",
      "json                     | '[1, 2]'                    | '[2, 1]'                       | false",
      "json                     | '{\"a\":\"\\u00e9\"}'           | '{\"a\": \"é\"}'                 | true",
      "json                     | '{\"a\":1'                   | '{\"a\": 1'                     | false",
      "varbinary(8)             | abc                       | \\x616263                     | true",
      "blob                     | abc                       | \\x616264                     | false",
      "binary(3)                | abc                       | abc                           | true",
      "char(3)                  | ab                        | 'ab '                         | true",
      "char(3)                  | ab                        | ' ab'                         | false",
      "varchar(3)               | ab                        | 'ab '                         | false"})
  void comparesLiteralsAsValuesOfTheColumnsType(String type, String model, String shown, boolean same) {
    assertThat(Spelling.sameLiteral(ColumnType.parse(type), model, shown)).isEqualTo(same);
  }

  @Test
  void padsAFixedLengthBinaryWithZeroBytes() {
    assertThat(Spelling.sameLiteral(ColumnType.binary(4), "ab", "ab\0\0")).isTrue();
    assertThat(Spelling.sameLiteral(ColumnType.binary(4), "ab", "ab\0b")).isFalse();
    assertThat(Spelling.sameLiteral(ColumnType.varbinary(4), "ab", "ab\0\0")).isFalse();
  }
}
