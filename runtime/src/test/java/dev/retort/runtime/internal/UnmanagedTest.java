package dev.retort.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnmanagedTest {

  @Test
  void aGlobMatchesNamesWithoutRegardToCase() {
    Unmanaged unmanaged = Unmanaged.of(List.of("qrtz_*", "shed?ock"));

    assertThat(unmanaged.matches("public", "qrtz_triggers")).isTrue();
    assertThat(unmanaged.matches("PUBLIC", "QRTZ_TRIGGERS")).isTrue();
    assertThat(unmanaged.matches("", "qrtz_")).isTrue();
    assertThat(unmanaged.matches("", "shedlock")).isTrue();
    assertThat(unmanaged.matches("", "ShedLock")).isTrue();
    assertThat(unmanaged.matches("", "shedlocks")).isFalse();
    assertThat(unmanaged.matches("", "my_qrtz_triggers")).isFalse();
    assertThat(unmanaged.matches("", "qrtz")).isFalse();
  }

  @Test
  void everythingButTheWildcardsIsLiteral() {
    Unmanaged unmanaged = Unmanaged.of(List.of("a.b", "x+y", "t[1]"));

    assertThat(unmanaged.matches("a", "b")).isTrue();
    assertThat(unmanaged.matches("", "x+y")).isTrue();
    assertThat(unmanaged.matches("", "xxy")).isFalse();
    assertThat(unmanaged.matches("", "t[1]")).isTrue();
    assertThat(unmanaged.matches("", "t1")).isFalse();
  }

  @Test
  void aPatternWithADotMatchesTheSchemaAndTheName() {
    Unmanaged unmanaged = Unmanaged.of(List.of("batch.*"));

    assertThat(unmanaged.matches("batch", "job_instance")).isTrue();
    assertThat(unmanaged.matches("BATCH", "job_instance")).isTrue();
    assertThat(unmanaged.matches("public", "job_instance")).isFalse();
    assertThat(unmanaged.matches("", "job_instance")).isFalse();
    assertThat(unmanaged.matches("", "batch")).isFalse();
  }

  @Test
  void aPatternWithoutADotMatchesInEverySchema() {
    Unmanaged unmanaged = Unmanaged.of(List.of("spring_session*"));

    assertThat(unmanaged.matches("public", "spring_session_attributes")).isTrue();
    assertThat(unmanaged.matches("sessions", "spring_session")).isTrue();
  }

  @Test
  void noPatternsMatchNothing() {
    assertThat(Unmanaged.of(List.of()).matches("", "anything")).isFalse();
    assertThat(Unmanaged.none().isEmpty()).isTrue();
  }

  @Test
  void blankOrQuotedPatternsAreRefusedWithTheWayToWriteThem() {
    assertThatThrownBy(() -> Unmanaged.of(List.of(" ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank").hasMessageContaining("qrtz_*");
    assertThatThrownBy(() -> Unmanaged.of(List.of("qrtz_*, shedlock")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'qrtz_*, shedlock' holds ','").hasMessageContaining("one name or glob per pattern");
    assertThatThrownBy(() -> Unmanaged.of(List.of("\"Quartz\"")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unquoted");
  }
}
