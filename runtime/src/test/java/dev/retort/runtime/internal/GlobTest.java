package dev.retort.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlobTest {

  @Test
  void aStarIsAnyRunAQuestionMarkOneCharacterAndTheWholeNameMustMatch() {
    Glob glob = Glob.of("tenant_?*");

    assertThat(glob.matches("tenant_a")).isTrue();
    assertThat(glob.matches("tenant_acme")).isTrue();
    assertThat(glob.matches("tenant_")).isFalse();
    assertThat(glob.matches("old_tenant_a")).isFalse();
  }

  @Test
  void caseIsIgnoredAndEveryOtherCharacterIsItself() {
    assertThat(Glob.of("tenant_*").matches("TENANT_ACME")).isTrue();
    assertThat(Glob.of("a.b+c").matches("a.b+c")).isTrue();
    assertThat(Glob.of("a.b+c").matches("axbbc")).isFalse();
  }

  @Test
  void aTextWithAWildcardIsAPattern() {
    assertThat(Glob.isPattern("tenant_*")).isTrue();
    assertThat(Glob.isPattern("tenant_?")).isTrue();
    assertThat(Glob.isPattern("tenant_acme")).isFalse();
  }
}
