package dev.retort.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.testing.Draw;
import dev.retort.testing.PropertyTest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ColumnTypeTest {

  static Stream<Arguments> everyType() {
    return Stream.of(
        Arguments.of(ColumnType.smallint(), "smallint"),
        Arguments.of(ColumnType.integer(), "integer"),
        Arguments.of(ColumnType.bigint(), "bigint"),
        Arguments.of(ColumnType.bool(), "boolean"),
        Arguments.of(ColumnType.real(), "real"),
        Arguments.of(ColumnType.doublePrecision(), "double"),
        Arguments.of(ColumnType.decimal(12, 2), "decimal(12,2)"),
        Arguments.of(ColumnType.decimal(65, 0), "decimal(65,0)"),
        Arguments.of(ColumnType.fixedChar(3), "char(3)"),
        Arguments.of(ColumnType.varchar(255), "varchar(255)"),
        Arguments.of(ColumnType.text(), "text"),
        Arguments.of(ColumnType.date(), "date"),
        Arguments.of(ColumnType.time(), "time"),
        Arguments.of(ColumnType.timestamp(), "timestamp"),
        Arguments.of(ColumnType.timestampTz(), "timestamp with time zone"),
        Arguments.of(ColumnType.time(0), "time(0)"),
        Arguments.of(ColumnType.time(5), "time(5)"),
        Arguments.of(ColumnType.timestamp(0), "timestamp(0)"),
        Arguments.of(ColumnType.timestamp(3), "timestamp(3)"),
        Arguments.of(ColumnType.timestampTz(0), "timestamp(0) with time zone"),
        Arguments.of(ColumnType.timestampTz(3), "timestamp(3) with time zone"),
        Arguments.of(ColumnType.uuid(), "uuid"),
        Arguments.of(ColumnType.binary(16), "binary(16)"),
        Arguments.of(ColumnType.varbinary(1024), "varbinary(1024)"),
        Arguments.of(ColumnType.blob(), "blob"),
        Arguments.of(ColumnType.json(), "json"),
        Arguments.of(ColumnType.enumType("order_status", "new", "paid"), "enum order_status('new','paid')"),
        Arguments.of(ColumnType.enumType("mood", "it's", "a,b", "(x)"), "enum mood('it''s','a,b','(x)')"),
        Arguments.of(ColumnType.enumType("order status", "a"), "enum \"order status\"('a')"),
        Arguments.of(ColumnType.enumType("say \"hi\"", "a"), "enum \"say \"\"hi\"\"\"('a')"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("everyType")
  void writesItsTextForm(ColumnType type, String sql) {
    assertThat(type.sql()).isEqualTo(sql);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("everyType")
  void parsesItsTextFormBack(ColumnType type, String sql) {
    assertThat(ColumnType.parse(sql)).isEqualTo(type);
  }

  @Test
  void hasAFactoryForEveryParameterlessType() {
    List<ColumnType> fromFactories = List.of(
        ColumnType.smallint(), ColumnType.integer(), ColumnType.bigint(), ColumnType.bool(), ColumnType.real(),
        ColumnType.doublePrecision(), ColumnType.text(), ColumnType.date(), ColumnType.time(),
        ColumnType.timestamp(), ColumnType.timestampTz(), ColumnType.uuid(), ColumnType.blob(), ColumnType.json());

    assertThat(fromFactories).containsExactlyInAnyOrder(ColumnType.Scalar.values());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "VARCHAR(20)                      | varchar(20)",
      "  varchar ( 20 )                 | varchar(20)",
      "Decimal(12, 2)                   | decimal(12,2)",
      "decimal( 7 ,0 )                  | decimal(7,0)",
      "decimal(7)                       | decimal(7,0)",
      "TIMESTAMP   WITH\tTIME ZONE      | timestamp with time zone",
      "TIMESTAMP ( 3 )  WITH TIME ZONE  | timestamp(3) with time zone",
      "Time(0)                          | time(0)",
      "timestamp(6)                     | timestamp",
      "time(6)                          | time",
      "timestamp(6) with time zone      | timestamp with time zone",
      "BigInt                           | bigint",
      "ENUM status ( 'a' , 'b' )        | enum status('a','b')",
      "enum Status('A')                 | enum Status('A')"})
  void parsesIgnoringCaseAndSpacesAroundPunctuation(String text, String canonical) {
    assertThat(ColumnType.parse(text).sql()).isEqualTo(canonical);
  }

  @Test
  void keepsEnumValuesExactlyWhateverTheirCase() {
    assertThat(ColumnType.parse("ENUM s('Draft', ' spaced ')"))
        .isEqualTo(ColumnType.enumType("s", "Draft", " spaced "));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "int",
      "varchar",
      "varchar(20, 2)",
      "text(10)",
      "decimal(a,b)",
      "timestamp with zone",
      "time(3) with time zone",
      "timestamp(3,1)",
      "date(3)",
      "timestamp()",
      "''",
      "enum ('a')",
      "enum 1st('a')"})
  void rejectsWhatIsNotATypeListingTheAcceptedForms(String text) {
    assertThatThrownBy(() -> ColumnType.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'" + text + "' is not a column type; use one of smallint, integer, bigint, boolean,"
            + " real, double, decimal(p,s), char(n), varchar(n), text, date, time, time(p), timestamp,"
            + " timestamp(p), timestamp with time zone, timestamp(p) with time zone, uuid, binary(n),"
            + " varbinary(n), blob, json,"
            + " enum name('a','b')");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "enum s()           | expected a quoted value at position 0 of enum s()",
      "enum s(a)          | expected a quoted value at position 0 of enum s(a)",
      "enum s('a' 'b')    | expected ',' at position 4 of enum s('a' 'b')",
      "enum s('a',)       | expected a quoted value at position 4 of enum s('a',)",
      "enum s('a)         | unterminated quoted value in enum s('a)",
      "enum s('a','a')    | enum s repeats a value: [a, a]",
      "enum s('')         | enum s has an empty value"})
  void rejectsAMalformedEnumSayingWhere(String text, String message) {
    assertThatThrownBy(() -> ColumnType.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "varchar(0)       | varchar length 0 is not between 1 and 65535",
      "varchar(65536)   | varchar length 65536 is not between 1 and 65535",
      "char(256)        | char length 256 is not between 1 and 255",
      "binary(0)        | binary length 0 is not between 1 and 255",
      "varbinary(70000) | varbinary length 70000 is not between 1 and 65535",
      "decimal(66,0)    | decimal precision 66 is not between 1 and 65",
      "decimal(0,0)     | decimal precision 0 is not between 1 and 65",
      "decimal(5,6)     | decimal scale 6 is not between 0 and the precision 5",
      "timestamp(7)     | timestamp precision 7 is not between 0 and 6",
      "time(10)         | time precision 10 is not between 0 and 6",
      "timestamp(9) with time zone | timestamp with time zone precision 9 is not between 0 and 6"})
  void rejectsSizesOutOfRange(String text, String message) {
    assertThatThrownBy(() -> ColumnType.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void validatesTheConstructors() {
    assertThatThrownBy(() -> ColumnType.decimal(10, -1)).hasMessage("decimal scale -1 is not between 0 and the precision 10");
    assertThatThrownBy(() -> ColumnType.fixedChar(0)).hasMessage("char length 0 is not between 1 and 255");
    assertThatThrownBy(() -> ColumnType.varchar(-5)).hasMessage("varchar length -5 is not between 1 and 65535");
    assertThatThrownBy(() -> ColumnType.binary(256)).hasMessage("binary length 256 is not between 1 and 255");
    assertThatThrownBy(() -> ColumnType.varbinary(0)).hasMessage("varbinary length 0 is not between 1 and 65535");
    assertThatThrownBy(() -> ColumnType.enumType("s")).hasMessage("enum s has no values");
    assertThatThrownBy(() -> ColumnType.enumType(" ", "a")).hasMessage("enum name is blank");
    assertThatThrownBy(() -> new ColumnType.Enumerated("s", null)).isInstanceOf(NullPointerException.class)
        .hasMessage("values == null");
    assertThatThrownBy(() -> ColumnType.parse(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("text == null");
  }

  @Test
  void givesTheScalarForSixFractionalDigitsSoEachTypeHasOneValue() {
    assertThat(ColumnType.timestamp(6)).isSameAs(ColumnType.Scalar.TIMESTAMP);
    assertThat(ColumnType.time(6)).isSameAs(ColumnType.Scalar.TIME);
    assertThat(ColumnType.timestampTz(6)).isSameAs(ColumnType.Scalar.TIMESTAMP_TZ);
    assertThat(ColumnType.timestamp(3)).isEqualTo(new ColumnType.Temporal(ColumnType.Scalar.TIMESTAMP, 3))
        .isNotEqualTo(ColumnType.timestampTz(3))
        .isNotEqualTo(ColumnType.timestamp(2));
  }

  @Test
  void theTemporalRecordRejectsSixDigitsAndOtherKinds() {
    assertThatThrownBy(() -> new ColumnType.Temporal(ColumnType.Scalar.TIMESTAMP, 6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timestamp with precision 6 is ColumnType.Scalar.TIMESTAMP, not a Temporal;"
            + " use ColumnType.timestamp(6) or Temporal.of, which return it");
    assertThatThrownBy(() -> new ColumnType.Temporal(ColumnType.Scalar.TIMESTAMP_TZ, 6))
        .hasMessageContaining("use ColumnType.timestampTz(6)");
    assertThatThrownBy(() -> new ColumnType.Temporal(ColumnType.Scalar.TIME, -1))
        .hasMessage("time precision -1 is not between 0 and 6");
    assertThatThrownBy(() -> ColumnType.timestamp(7))
        .hasMessage("timestamp precision 7 is not between 0 and 6");
    assertThatThrownBy(() -> new ColumnType.Temporal(ColumnType.Scalar.DATE, 0))
        .hasMessage("a fractional-second precision applies to time, timestamp and timestamp with time zone,"
            + " not to date");
    assertThatThrownBy(() -> new ColumnType.Temporal(null, 0)).isInstanceOf(NullPointerException.class)
        .hasMessage("kind == null");
  }

  @Test
  void answersKindAndPrecisionOfAnyTimeType() {
    assertThat(ColumnType.Temporal.kindOf(ColumnType.timestamp(0))).isSameAs(ColumnType.Scalar.TIMESTAMP);
    assertThat(ColumnType.Temporal.kindOf(ColumnType.varchar(3))).isEqualTo(ColumnType.varchar(3));
    assertThat(ColumnType.Temporal.precisionOf(ColumnType.timestampTz(2))).isEqualTo(2);
    assertThat(ColumnType.Temporal.precisionOf(ColumnType.time())).isEqualTo(6);
    assertThat(ColumnType.Temporal.isTime(ColumnType.time(1))).isTrue();
    assertThat(ColumnType.Temporal.isTime(ColumnType.date())).isFalse();
    assertThatThrownBy(() -> ColumnType.Temporal.precisionOf(ColumnType.date()))
        .hasMessage("date has no fractional-second precision");
  }

  @Test
  void comparesByValue() {
    assertThat(ColumnType.varchar(20)).isEqualTo(ColumnType.varchar(20)).isNotEqualTo(ColumnType.varchar(21));
    assertThat(ColumnType.decimal(12, 2)).isEqualTo(ColumnType.decimal(12, 2)).isNotEqualTo(ColumnType.decimal(12, 3));
    assertThat(ColumnType.enumType("s", "a", "b")).isEqualTo(ColumnType.enumType("s", "a", "b"))
        .isNotEqualTo(ColumnType.enumType("s", "b", "a"))
        .isNotEqualTo(ColumnType.enumType("t", "a", "b"));
    assertThat(ColumnType.fixedChar(5)).isNotEqualTo(ColumnType.varchar(5));
    assertThat(ColumnType.binary(5)).isNotEqualTo(ColumnType.varbinary(5));
  }

  @Test
  void copiesEnumValuesSoTheTypeStaysImmutable() {
    List<String> values = new ArrayList<>(List.of("a"));
    ColumnType.Enumerated type = new ColumnType.Enumerated("s", values);

    values.add("b");

    assertThat(type.values()).containsExactly("a");
    assertThatThrownBy(() -> type.values().add("c")).isInstanceOf(UnsupportedOperationException.class);
  }

  @PropertyTest(tries = 500)
  void parsesTheTextOfAnyEnum(long seed) {
    ColumnType.Enumerated type = anEnum(new Random(seed));

    assertThat(ColumnType.parse(type.sql())).isEqualTo(type);
  }

  /** An enum whose name and one to four values are made of the characters its text form must quote or escape. */
  private static ColumnType.Enumerated anEnum(Random random) {
    String name = enumText(random);
    while (name.isBlank() || !name.strip().equals(name)) {
      name = enumText(random);
    }
    int count = Draw.between(random, 1, 4);
    Set<String> values = new LinkedHashSet<>();
    while (values.size() < count) {
      values.add(enumText(random));
    }
    return new ColumnType.Enumerated(name, List.copyOf(values));
  }

  private static String enumText(Random random) {
    return Draw.string(random, "aZ_ '\",()\\\n\t\u00e9", 1, 8);
  }
}
