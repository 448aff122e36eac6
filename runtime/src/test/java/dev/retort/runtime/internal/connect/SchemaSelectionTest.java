package dev.retort.runtime.internal.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaSelectionTest {

  @Test
  void severalNamesOrAPatternRunOncePerSchema() {
    assertThat(SchemaSelection.of(List.of("shared,tenant_*", "tenant_a")).entries())
        .containsExactly("shared", "tenant_*", "tenant_a");
    assertThat(SchemaSelection.of(List.of("a,b")).several()).isTrue();
    assertThat(SchemaSelection.of(List.of("tenant_*")).several()).isTrue();
    assertThat(SchemaSelection.of(List.of("tenant_*")).single()).isEmpty();
  }

  @Test
  void oneNameIsTheCurrentSchemaAndRunsOnce() {
    SchemaSelection selection = SchemaSelection.of(List.of(" tenant_a "));

    assertThat(selection.single()).hasValue("tenant_a");
    assertThat(selection.several()).isFalse();
    assertThat(SchemaSelection.of(List.of()).several()).isFalse();
    assertThat(SchemaSelection.of(List.of()).single()).isEmpty();
  }

  @Test
  void aBlankNameIsRefused() {
    assertThatThrownBy(() -> SchemaSelection.of(List.of("a, ,b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the current schema 'a, ,b' holds a blank name; give schema names or patterns separated by commas,"
            + " such as tenant_acme,tenant_globex or tenant_*");
  }
}
