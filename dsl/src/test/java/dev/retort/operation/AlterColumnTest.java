package dev.retort.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.model.ColumnType;
import dev.retort.model.DefaultValue;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AlterColumnTest {

  private static final Optional<Change<ColumnType>> NO_TYPE = Optional.empty();
  private static final Optional<Change<Boolean>> NO_FLAG = Optional.empty();
  private static final Optional<Change<Optional<DefaultValue>>> NO_DEFAULT = Optional.empty();
  private static final Optional<Change<Optional<String>>> NO_COMMENT = Optional.empty();

  private static AlterColumn typeChange(String from, String to) {
    return new AlterColumn("t", "c", Optional.of(new Change<>(ColumnType.parse(from), ColumnType.parse(to))),
        NO_FLAG, NO_DEFAULT, NO_COMMENT, NO_FLAG);
  }

  private static AlterColumn everything() {
    return new AlterColumn(
        "users",
        "email",
        Optional.of(new Change<>(ColumnType.varchar(100), ColumnType.varchar(255))),
        Optional.of(new Change<>(true, false)),
        Optional.of(new Change<>(Optional.empty(), Optional.of(DefaultValue.literal("n/a")))),
        Optional.of(new Change<>(Optional.of("login"), Optional.empty())),
        Optional.of(new Change<>(false, true)));
  }

  @Test
  void inverseSwapsEveryChange() {
    assertThat(everything().inverse()).isEqualTo(new AlterColumn(
        "users",
        "email",
        Optional.of(new Change<>(ColumnType.varchar(255), ColumnType.varchar(100))),
        Optional.of(new Change<>(false, true)),
        Optional.of(new Change<>(Optional.of(DefaultValue.literal("n/a")), Optional.empty())),
        Optional.of(new Change<>(Optional.empty(), Optional.of("login"))),
        Optional.of(new Change<>(true, false))));
    assertThat(everything().inverse().inverse()).isEqualTo(everything());
  }

  @Test
  void inverseLeavesAbsentChangesAbsent() {
    AlterColumn nullableOnly = new AlterColumn("t", "c", NO_TYPE, Optional.of(new Change<>(false, true)), NO_DEFAULT,
        NO_COMMENT, NO_FLAG);

    assertThat(nullableOnly.inverse())
        .isEqualTo(new AlterColumn("t", "c", NO_TYPE, Optional.of(new Change<>(true, false)), NO_DEFAULT, NO_COMMENT,
            NO_FLAG));
  }

  @Test
  void summaryListsEveryChangeInOrder() {
    assertThat(everything().summary())
        .isEqualTo("alter column users.email (type varchar(100) -> varchar(255), not null, default 'n/a',"
            + " no comment, identity)");
    assertThat(everything().inverse().summary())
        .isEqualTo("alter column users.email (type varchar(255) -> varchar(100), nullable, no default, comment,"
            + " no identity)");
  }

  @ParameterizedTest(name = "{0} -> {1}: narrows {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "varchar(20)         | varchar(10)              | true",
      "varchar(10)         | varchar(20)              | false",
      "varchar(10)         | text                     | false",
      "text                | varchar(10)              | true",
      "char(5)             | char(3)                  | true",
      "char(3)             | char(5)                  | false",
      "char(5)             | varchar(5)               | false",
      "char(5)             | varchar(4)               | true",
      "varchar(5)          | char(5)                  | true",
      "char(5)             | text                     | false",
      "varbinary(10)       | varbinary(5)             | true",
      "varbinary(5)        | varbinary(10)            | false",
      "binary(5)           | varbinary(5)             | false",
      "binary(5)           | varbinary(4)             | true",
      "binary(5)           | binary(6)                | true",
      "varbinary(5)        | blob                     | false",
      "binary(5)           | blob                     | false",
      "blob                | varbinary(10)            | true",
      "decimal(10,2)       | decimal(12,2)            | false",
      "decimal(10,2)       | decimal(11,3)            | false",
      "decimal(10,2)       | decimal(10,1)            | true",
      "decimal(10,2)       | decimal(10,3)            | true",
      "decimal(10,2)       | text                     | false",
      "decimal(10,2)       | double                   | true",
      "smallint            | integer                  | false",
      "integer             | bigint                   | false",
      "bigint              | integer                  | true",
      "integer             | smallint                 | true",
      "smallint            | decimal(5,0)             | false",
      "smallint            | decimal(4,0)             | true",
      "integer             | decimal(10,0)            | false",
      "integer             | decimal(12,2)            | false",
      "bigint              | decimal(19,0)            | false",
      "bigint              | decimal(18,0)            | true",
      "bigint              | decimal(20,2)            | true",
      "integer             | varchar(11)              | false",
      "integer             | varchar(10)              | true",
      "bigint              | text                     | false",
      "smallint            | real                     | false",
      "integer             | real                     | true",
      "integer             | double                   | false",
      "bigint              | double                   | true",
      "integer             | boolean                  | true",
      "real                | double                   | false",
      "double              | real                     | true",
      "enum s('a','b')     | enum s('a','b','c')      | false",
      "enum s('a','b')     | enum s('b','a')          | false",
      "enum s('a','b','c') | enum s('a','b')          | true",
      "enum s('a','bb')    | varchar(2)               | false",
      "enum s('a','bbb')   | varchar(2)               | true",
      "enum s('a')         | text                     | false",
      "timestamp           | timestamp with time zone | true",
      "date                | timestamp                | true",
      "text                | integer                  | true",
      "uuid                | varchar(36)              | true",
      "timestamp(0)        | timestamp(3)             | false",
      "timestamp(3)        | timestamp                | false",
      "timestamp           | timestamp(0)             | true",
      "time(2)             | time(1)                  | true",
      "timestamp(3) with time zone | timestamp with time zone | false",
      "timestamp(3)        | timestamp(3) with time zone | true"})
  void narrowsTypeWhenSomeValueOfTheOldTypeMayNotFitTheNew(String from, String to, boolean narrows) {
    AlterColumn change = typeChange(from, to);

    assertThat(change.narrowsType()).isEqualTo(narrows);
    assertThat(change.destroysData()).isEqualTo(narrows);
  }

  @Test
  void changesWithoutTypeNeitherNarrowNorDestroy() {
    AlterColumn change = everything();
    AlterColumn withoutType = new AlterColumn("users", "email", NO_TYPE, change.nullable(), change.defaultValue(),
        change.comment(), NO_FLAG);

    assertThat(withoutType.narrowsType()).isFalse();
    assertThat(withoutType.destroysData()).isFalse();
  }

  @Test
  void rejectsAnAlterationWithoutChange() {
    assertThatThrownBy(() -> new AlterColumn("users", "email", NO_TYPE, NO_FLAG, NO_DEFAULT, NO_COMMENT, NO_FLAG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alter column users.email changes nothing");
  }

  @Test
  void rejectsBlankNamesAndNullComponents() {
    Optional<Change<Boolean>> flip = Optional.of(new Change<>(true, false));
    assertThatThrownBy(() -> new AlterColumn(" ", "email", NO_TYPE, flip, NO_DEFAULT, NO_COMMENT, NO_FLAG))
        .hasMessage("table name is blank");
    assertThatThrownBy(() -> new AlterColumn("users", "", NO_TYPE, flip, NO_DEFAULT, NO_COMMENT, NO_FLAG))
        .hasMessage("column name is blank");
    assertThatThrownBy(() -> new AlterColumn("users", "email", null, flip, NO_DEFAULT, NO_COMMENT, NO_FLAG))
        .isInstanceOf(NullPointerException.class).hasMessage("type == null");
    assertThatThrownBy(() -> new AlterColumn("users", "email", NO_TYPE, null, NO_DEFAULT, NO_COMMENT, NO_FLAG))
        .isInstanceOf(NullPointerException.class).hasMessage("nullable == null");
    assertThatThrownBy(() -> new AlterColumn("users", "email", NO_TYPE, flip, null, NO_COMMENT, NO_FLAG))
        .isInstanceOf(NullPointerException.class).hasMessage("defaultValue == null");
    assertThatThrownBy(() -> new AlterColumn("users", "email", NO_TYPE, flip, NO_DEFAULT, null, NO_FLAG))
        .isInstanceOf(NullPointerException.class).hasMessage("comment == null");
    assertThatThrownBy(() -> new AlterColumn("users", "email", NO_TYPE, flip, NO_DEFAULT, NO_COMMENT, null))
        .isInstanceOf(NullPointerException.class).hasMessage("identity == null");
  }
}
