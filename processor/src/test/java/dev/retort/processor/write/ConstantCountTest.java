package dev.retort.processor.write;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@link ConstantCount} counts of generated code, as javac would need it in the constant pool. */
class ConstantCountTest {

  @Test
  void eachDistinctStringLiteralIsAStringAndAUtf8Entry() {
    assertThat(ConstantCount.of("t.unique(\"uq_users_email\", \"email\").index(\"ix_users_email\", \"email\")")
        .entries()).isEqualTo(3 * ConstantCount.STRING_ENTRIES);
  }

  @Test
  void escapedQuotesStayInsideTheirLiteral() {
    assertThat(ConstantCount.of("defaultValue(\"it's \\\"new\\\"\"), comment(\"\\\\\")").entries())
        .isEqualTo(2 * ConstantCount.STRING_ENTRIES);
  }

  @Test
  void eachLambdaCountsWhereverItIsWritten() {
    String code = "schema.createTable(\"books\", t -> t\n    .foreignKey(\"fk_books_author\", fk -> fk.columns(\"author_id\"))";

    assertThat(ConstantCount.of(code).entries())
        .isEqualTo(3 * ConstantCount.STRING_ENTRIES + 2 * ConstantCount.LAMBDA_ENTRIES);
  }

  @Test
  void commentsAndLiteralsLookingLikeCodeAreNotCounted() {
    String code = "// Retort: drops column \"a -> b\" and its data\nschema.dropTable(\"a -> b\")";

    assertThat(ConstantCount.of(code).entries()).isEqualTo(ConstantCount.STRING_ENTRIES);
  }

  @Test
  void onlyIntsTooLargeForSipushAreConstants() {
    assertThat(ConstantCount.of("varchar(32767), decimal(12, 2), fixedChar(1), column2").entries()).isZero();
    assertThat(ConstantCount.of("varbinary(65535), varchar(32768), varbinary(65535)").entries()).isEqualTo(2);
  }

  @Test
  void addingCountsALiteralBothHoldOnce() {
    ConstantCount total = ConstantCount.none();
    total.add(ConstantCount.of("schema.alterTable(\"users\", t -> t.dropColumn(\"fax\"))"));
    total.add(ConstantCount.of("schema.alterTable(\"users\", t -> t.dropColumn(\"pager\"))"));

    assertThat(total.entries()).isEqualTo(3 * ConstantCount.STRING_ENTRIES + 2 * ConstantCount.LAMBDA_ENTRIES);
  }
}
