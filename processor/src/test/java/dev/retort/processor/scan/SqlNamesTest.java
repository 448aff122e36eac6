package dev.retort.processor.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlNamesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "id, id",
    "createdAt, created_at",
    "OrderLine, order_line",
    "URLPath, url_path",
    "userID, user_id",
    "HTTPServer2Config, http_server2_config",
    "line2, line2",
    "address2Line, address2_line",
    "already_snake, already_snake",
    "Foo_Bar, foo_bar",
    "ABC, abc",
    "aB, a_b",
    "_private, _private",
  })
  void snakeCaseSplitsWordsAtCaseChangesButKeepsAcronymsAndDigitsTogether(String javaName, String sqlName) {
    assertThat(SqlNames.snakeCase(javaName)).isEqualTo(sqlName);
  }

  @Test
  void constraintNamesFollowTheDocumentedPatterns() {
    assertThat(SqlNames.primaryKey("users")).isEqualTo("pk_users");
    assertThat(SqlNames.unique("users", List.of("email"))).isEqualTo("uq_users_email");
    assertThat(SqlNames.unique("coupons", List.of("customer_id", "code"))).isEqualTo("uq_coupons_customer_id_code");
    assertThat(SqlNames.index("books", List.of("author_id", "published_on"), false))
        .isEqualTo("ix_books_author_id_published_on");
    assertThat(SqlNames.index("books", List.of("isbn"), true)).isEqualTo("ux_books_isbn");
    assertThat(SqlNames.foreignKey("books", "author_id")).isEqualTo("fk_books_author_id");
  }

  @Test
  void identifierLengthIsCountedInUtf8BytesAsPostgreSqlDoes() {
    assertThat(SqlNames.identifierBytes("name")).isEqualTo(4);
    assertThat(SqlNames.identifierBytes("größe")).isEqualTo(7);
  }
}
