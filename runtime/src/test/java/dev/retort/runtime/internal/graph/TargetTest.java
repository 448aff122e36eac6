package dev.retort.runtime.internal.graph;

import static dev.retort.runtime.Codes.code;
import static dev.retort.runtime.fixtures.Noop.revision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.CommandSyntax;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.internal.Advice;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetTest {

  private final RevisionGraph graph = RevisionGraph.of(List.of(
      revision("20261120_090000"), revision("20261121_153000", "20261120_090000"),
      revision("20261121_160000", "20261121_153000"), revision("head2", "20261121_160000")));

  @Test
  void namedTargets() {
    assertThat(Target.parse("head", graph, Advice.JAVA)).isEqualTo(new Target.Head());
    assertThat(Target.parse(" base ", graph, Advice.JAVA)).isEqualTo(new Target.Base());
  }

  @Test
  void relativeTargets() {
    assertThat(Target.parse("+2", graph, Advice.JAVA)).isEqualTo(new Target.Relative(2));
    assertThat(Target.parse("-1", graph, Advice.JAVA)).isEqualTo(new Target.Relative(-1));
  }

  @Test
  void zeroStepsIsInvalid() {
    assertThatThrownBy(() -> Target.parse("+0", graph, Advice.JAVA))
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.INVALID_TARGET))
        .hasMessageContaining("moves no revision");
  }

  @Test
  void fullIdAndUniquePrefix() {
    assertThat(Target.parse("20261121_153000", graph, Advice.JAVA)).isEqualTo(new Target.Exact("20261121_153000"));
    assertThat(Target.parse("20261120", graph, Advice.JAVA)).isEqualTo(new Target.Exact("20261120_090000"));
    assertThat(Target.parse("20261121_16", graph, Advice.JAVA)).isEqualTo(new Target.Exact("20261121_160000"));
  }

  @Test
  void anIdThatIsAlsoAPrefixOfAnotherMeansItself() {
    RevisionGraph nested = RevisionGraph.of(List.of(revision("a"), revision("ab", "a")));

    assertThat(Target.parse("a", nested, Advice.JAVA)).isEqualTo(new Target.Exact("a"));
  }

  @Test
  void ambiguousPrefixListsTheMatches() {
    assertThatThrownBy(() -> Target.parse("20261121", graph, Advice.JAVA))
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.AMBIGUOUS_REVISION))
        .hasMessageContaining("matches 2 revisions: 20261121_153000, 20261121_160000");
  }

  @Test
  void unknownIdSuggestsCloseOnes() {
    assertThatThrownBy(() -> Target.parse("20261121_153001", graph, Advice.JAVA))
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.UNKNOWN_REVISION))
        .hasMessageContaining("No revision 20261121_153001")
        .hasMessageContaining("Did you mean 20261121_153000")
        .hasMessageEndingWith(" List every revision with history().");
  }

  @Test
  void unknownIdNamesTheHistoryCommandOfTheFrontEnd() {
    assertThatThrownBy(() -> Target.parse("nothing-like-it", graph, new Advice(CommandSyntax.CLI)))
        .hasMessageEndingWith(" List every revision with 'retort history'.");
    assertThatThrownBy(() -> Target.parse("nothing-like-it", graph, new Advice(CommandSyntax.MAVEN)))
        .hasMessageEndingWith(" List every revision with 'mvn retort:history'.");
  }

  @Test
  void unknownIdWithoutNeighboursSuggestsNothing() {
    assertThatThrownBy(() -> Target.parse("nothing-like-it", graph, Advice.JAVA))
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.UNKNOWN_REVISION))
        .hasMessageNotContaining("Did you mean");
  }

  @Test
  void blankIsInvalid() {
    assertThatThrownBy(() -> Target.parse("  ", graph, Advice.JAVA))
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.INVALID_TARGET));
  }
}
