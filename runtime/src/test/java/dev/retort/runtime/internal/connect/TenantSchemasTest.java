package dev.retort.runtime.internal.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TenantSchemasTest {

  private static final List<String> EXISTING = List.of("tenant_b", "public", "TENANT_C", "tenant_a", "shared");

  @Test
  void namesKeepTheirOrderAndPatternsAreSortedWithoutRegardToCaseEachSchemaOnce() {
    assertThat(TenantSchemas.select(List.of("shared", "tenant_*", "tenant_a"), EXISTING, "schema"))
        .containsExactly("shared", "tenant_a", "tenant_b", "TENANT_C");
  }

  @Test
  void aQuestionMarkIsOneCharacterAndAPatternIsTheWholeName() {
    assertThat(TenantSchemas.select(List.of("tenant_?"), List.of("tenant_a", "tenant_ab", "old_tenant_a"), "schema"))
        .containsExactly("tenant_a");
  }

  @Test
  void aNameIsTakenAsGivenWithoutLookingForIt() {
    assertThat(TenantSchemas.anyPattern(List.of("a", "b"))).isFalse();
    assertThat(TenantSchemas.select(List.of("a", "b"), List.of(), "schema")).containsExactly("a", "b");
  }

  @Test
  void aPatternMatchingNothingNamesWhatTheDatabaseHas() {
    assertThatThrownBy(() -> TenantSchemas.select(List.of("client_*"), EXISTING, "database"))
        .isInstanceOfSatisfying(RetortException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DATABASE_ERROR))
        .hasMessage("No database matches client_* (compared without regard to case; the database's own, such as"
            + " information_schema, are never matched). The database has public, shared, tenant_a, tenant_b,"
            + " TENANT_C. Create the tenants' databases first, or correct the pattern.");
    List<String> many = IntStream.range(0, 25).mapToObj(i -> String.format("s%02d", i)).toList();
    assertThatThrownBy(() -> TenantSchemas.select(List.of("client_*"), many, "schema"))
        .hasMessageContaining("s18, s19 and 5 more.");
    assertThatThrownBy(() -> TenantSchemas.select(List.of("client_*"), List.of(), "schema"))
        .hasMessageContaining("The database has no schema of its own.");
  }
}
