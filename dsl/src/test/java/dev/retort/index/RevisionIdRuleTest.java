package dev.retort.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RevisionIdRuleTest {

  @ParameterizedTest
  @ValueSource(strings = {"20261121_153000", "a1b2c3", "feature-x", "v1.2_backfill", "heads", "café", "改訂"})
  void idsThatCommandsCanNameAreUsable(String id) {
    assertThat(RevisionIdRule.problem(id)).isEmpty();
  }

  /** Every character Java calls white space, a space or an ISO control, in and beyond ASCII. */
  @ParameterizedTest
  @ValueSource(strings = {
      "a b", "a\tb", "a\nb", "a\u000bb", "a\u001fb", "a\u0000b", "a\u007fb", "a\u0085b", "a\u009fb",
      "a\u00a0b", "a\u1680b", "a\u2003b", "a\u2028b", "a\u202fb", "a\u3000b"})
  void whiteSpaceAndControlCharactersAreRefusedWhereverTheyAre(String id) {
    assertThat(RevisionIdRule.problem(id)).hasValueSatisfying(
        problem -> assertThat(problem).startsWith("contains white space or a control character (at index 1)"));
  }

  @Test
  void theCheckAgreesWithCharacterOnEveryCharOfTheBasicPlane() {
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      boolean refused = Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
      if (c == ',') {
        continue;
      }
      assertThat(RevisionIdRule.problem("a" + c + "b").isPresent()).as("U+%04X", (int) c).isEqualTo(refused);
    }
  }
}
