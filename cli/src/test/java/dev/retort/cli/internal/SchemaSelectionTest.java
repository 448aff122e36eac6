package dev.retort.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SchemaSelectionTest {

  private static final List<String> EXISTING = List.of("tenant_b", "public", "TENANT_C", "tenant_a", "shared");

  @Test
  void oneNameIsTheCurrentSchemaAndRunsOnce() {
    SchemaSelection selection = SchemaSelection.of(List.of(" tenant_a "));

    assertThat(selection.single()).hasValue("tenant_a");
    assertThat(selection.several()).isFalse();
    assertThat(SchemaSelection.of(List.of()).several()).isFalse();
    assertThat(SchemaSelection.of(List.of()).single()).isEmpty();
  }

  @Test
  void namesKeepTheirOrderAndPatternsAreSortedWithoutRegardToCase() {
    SchemaSelection selection = SchemaSelection.of(List.of("shared,tenant_*", "tenant_a"));

    assertThat(selection.several()).isTrue();
    assertThat(selection.resolve(EXISTING, "schema")).containsExactly("shared", "tenant_a", "tenant_b", "TENANT_C");
  }

  @Test
  void aQuestionMarkIsOneCharacterAndAPatternIsTheWholeName() {
    assertThat(SchemaSelection.of(List.of("tenant_?")).resolve(List.of("tenant_a", "tenant_ab", "old_tenant_a"),
        "schema")).containsExactly("tenant_a");
  }

  @Test
  void aNameIsTakenAsGivenWithoutReadingTheDatabase() {
    assertThat(SchemaSelection.of(List.of("a,b")).resolve(List.of(), "schema")).containsExactly("a", "b");
  }

  @Test
  void aPatternMatchingNothingNamesWhatTheDatabaseHas() {
    assertThatThrownBy(() -> SchemaSelection.of(List.of("client_*")).resolve(EXISTING, "database"))
        .isInstanceOfSatisfying(RetortException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DATABASE_ERROR))
        .hasMessage("No database matches client_* (compared without regard to case; the database's own, such as"
            + " information_schema, are never matched). The database has public, shared, tenant_a, tenant_b,"
            + " TENANT_C. Create the tenants' databases first, or correct the pattern.");
    List<String> many = IntStream.range(0, 25).mapToObj(i -> String.format("s%02d", i)).toList();
    assertThatThrownBy(() -> SchemaSelection.of(List.of("client_*")).resolve(many, "schema"))
        .hasMessageContaining("s18, s19 and 5 more.");
    assertThatThrownBy(() -> SchemaSelection.of(List.of("client_*")).resolve(List.of(), "schema"))
        .hasMessageContaining("The database has no schema of its own.");
  }

  @Test
  void aBlankNameIsRefused() {
    assertThatThrownBy(() -> SchemaSelection.of(List.of("a, ,b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the current schema 'a, ,b' holds a blank name; give schema names or patterns separated by commas,"
            + " such as tenant_acme,tenant_globex or tenant_*");
  }
}
