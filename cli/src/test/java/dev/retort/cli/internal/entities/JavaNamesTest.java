package dev.retort.cli.internal.entities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SQL names as Java names, and whether the processor's naming gives them back. */
class JavaNamesTest {

  @Test
  void tablesBecomeCapitalisedWordsAndNamesTheSourceUsesAreAvoided() {
    assertThat(JavaNames.typeName("order_items")).isEqualTo("OrderItems");
    assertThat(JavaNames.typeName("ORDER_ITEMS")).isEqualTo("OrderItems");
    assertThat(JavaNames.typeName("Order Lines")).isEqualTo("OrderLines");
    assertThat(JavaNames.typeName("customerAddress")).isEqualTo("CustomerAddress");
    assertThat(JavaNames.typeName("2019_sales")).isEqualTo("T_2019Sales");
    assertThat(JavaNames.typeName("table")).isEqualTo("TableEntity");
    assertThat(JavaNames.typeName("string")).isEqualTo("StringEntity");
  }

  @Test
  void columnsBecomeCamelCaseAndKeywordsTakeAnUnderscore() {
    assertThat(JavaNames.memberName("created_at")).isEqualTo("createdAt");
    assertThat(JavaNames.memberName("ISBN")).isEqualTo("isbn");
    assertThat(JavaNames.memberName("URLPath")).isEqualTo("urlPath");
    assertThat(JavaNames.memberName("userID")).isEqualTo("userID");
    assertThat(JavaNames.memberName("class")).isEqualTo("class_");
    assertThat(JavaNames.memberName("wait")).isEqualTo("wait_");
    assertThat(JavaNames.memberName("order")).isEqualTo("order");
    assertThat(JavaNames.memberName("first name")).isEqualTo("firstName");
    assertThat(JavaNames.memberName("2fa")).isEqualTo("_2fa");
  }

  @Test
  void aNameIsDerivedOnlyWhenTheProcessorGivesTheSameSqlName() {
    assertThat(JavaNames.derives("createdAt", "created_at")).isTrue();
    assertThat(JavaNames.derives("userId", "user_id")).isTrue();
    assertThat(JavaNames.derives("line2", "line2")).isTrue();
    assertThat(JavaNames.derives("isbn", "ISBN")).isFalse();
    assertThat(JavaNames.derives("isPaid", "isPaid")).isFalse();
    assertThat(JavaNames.derives("class_", "class")).isFalse();
    assertThat(JavaNames.derives("urlPath", "URLPath")).isFalse();
  }
}
