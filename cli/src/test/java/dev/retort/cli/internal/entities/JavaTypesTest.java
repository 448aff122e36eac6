package dev.retort.cli.internal.entities;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.retort.model.ColumnType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The backwards type mapping's table; EntitySourceProcessorTest holds it to the processor's
 * forward mapping.
 */
class JavaTypesTest {

  @Test
  void primitivesForNotNullAndBoxesForNullable() {
    JavaTypes.JavaType bigint = JavaTypes.of(ColumnType.Scalar.BIGINT);
    assertThat(bigint.type(false)).isEqualTo(TypeName.LONG);
    assertThat(bigint.type(true)).isEqualTo(ClassName.get(Long.class));
    assertThat(JavaTypes.of(ColumnType.Scalar.SMALLINT).type(false)).isEqualTo(TypeName.SHORT);
    assertThat(JavaTypes.of(new ColumnType.Char(1)).type(true)).isEqualTo(ClassName.get(Character.class));
    assertThat(JavaTypes.of(ColumnType.Scalar.TIMESTAMP_TZ).type(false)).isEqualTo(ClassName.get(Instant.class));
  }

  @Test
  void sizesAreGivenOnlyWhereTheyDifferFromTheProcessorsDefaults() {
    assertThat(JavaTypes.of(new ColumnType.Varchar(255)).length()).isZero();
    assertThat(JavaTypes.of(new ColumnType.Varchar(40)).length()).isEqualTo(40);
    JavaTypes.JavaType standard = JavaTypes.of(new ColumnType.Decimal(19, 2));
    assertThat(standard.precision()).isEqualTo(-1);
    assertThat(standard.scale()).isEqualTo(-1);
    JavaTypes.JavaType money = JavaTypes.of(new ColumnType.Decimal(10, 2));
    assertThat(money.type(true)).isEqualTo(ClassName.get(BigDecimal.class));
    assertThat(List.of(money.precision(), money.scale())).containsExactly(10, 2);
    assertThat(JavaTypes.of(new ColumnType.Varbinary(16)).type(true)).isEqualTo(ArrayTypeName.of(TypeName.BYTE));
  }

  @Test
  void typesOnlyColumnTypeGivesAreSpelledOut() {
    assertThat(JavaTypes.of(ColumnType.Scalar.TEXT).explicitType()).contains("text");
    assertThat(JavaTypes.of(ColumnType.Scalar.JSON).explicitType()).contains("json");
    assertThat(JavaTypes.of(new ColumnType.Char(13)).explicitType()).contains("char(13)");
    assertThat(JavaTypes.of(new ColumnType.Binary(4)).explicitType()).contains("binary(4)");
    assertThat(JavaTypes.of(new ColumnType.Enumerated("mood", List.of("A", "B"))).explicitType())
        .contains("enum mood('A','B')");
    assertThat(JavaTypes.of(new ColumnType.Varchar(40)).explicitType()).isEqualTo(Optional.empty());
  }

  @Test
  void candidatesTakeTheirSizesFromTheSpellingAndStayWithinWhatAnEntityMayDeclare() {
    assertThat(JavaTypes.candidates("character varying(40)"))
        .contains(new ColumnType.Varchar(40), new ColumnType.Char(40), new ColumnType.Varbinary(40));
    assertThat(JavaTypes.candidates("numeric(12,4)")).contains(new ColumnType.Decimal(12, 4));
    assertThat(JavaTypes.candidates("int4")).doesNotContain(new ColumnType.Varchar(4));
    assertThat(JavaTypes.candidates("CHARACTER VARYING(1000000000)"))
        .noneMatch(type -> type instanceof ColumnType.Varchar)
        .contains(ColumnType.Scalar.TEXT);
    assertThat(JavaTypes.candidates("decimal(40,35)")).noneMatch(type -> type instanceof ColumnType.Decimal);
    assertThat(JavaTypes.candidates("enum('a1','b2')")).doesNotContain(new ColumnType.Varchar(1));
    List<ColumnType> bytes = JavaTypes.candidates("bytea");
    assertThat(bytes.indexOf(ColumnType.Scalar.BLOB)).isLessThan(bytes.indexOf(ColumnType.Scalar.TEXT));
    List<ColumnType> fixed = JavaTypes.candidates("char(36)");
    assertThat(fixed.indexOf(new ColumnType.Char(36))).isLessThan(fixed.indexOf(ColumnType.Scalar.UUID));
  }
}
