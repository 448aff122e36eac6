package dev.retort.runtime.internal.graph;

import static dev.retort.runtime.Codes.code;
import static dev.retort.runtime.fixtures.Noop.revision;
import static dev.retort.runtime.fixtures.Noop.second;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.RevisionInfo;
import dev.retort.runtime.CommandSyntax;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.internal.Advice;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RevisionGraphTest {

  @Test
  void ordersParentsBeforeChildrenWhateverTheInputOrder() {
    RevisionGraph graph = RevisionGraph.of(List.of(
        revision("d", "b", "c"), revision("c", "a"), revision("b", "a"), revision("a"), revision("e", "d")));

    assertThat(graph.revisions()).extracting(LoadedRevision::id).containsExactly("a", "b", "c", "d", "e");
    assertThat(graph.head().id()).isEqualTo("e");
    assertThat(graph.children("a")).containsExactly("b", "c");
  }

  @Test
  void ordersBranchesByIdNotByInputOrder() {
    List<String> forward = ids(RevisionGraph.of(List.of(
        revision("root"), revision("z1", "root"), revision("a1", "root"), revision("a2", "a1"),
        revision("merge", "z1", "a2"))));
    List<String> backward = ids(RevisionGraph.of(List.of(
        revision("merge", "z1", "a2"), revision("a2", "a1"), revision("a1", "root"), revision("z1", "root"),
        revision("root"))));

    assertThat(forward).containsExactly("root", "a1", "a2", "z1", "merge").isEqualTo(backward);
  }

  @Test
  void ancestorsFollowEveryParentOfAMerge() {
    RevisionGraph graph = RevisionGraph.of(List.of(
        revision("a"), revision("b", "a"), revision("c", "a"), revision("d", "b", "c")));

    assertThat(graph.ancestorsOrSelf("d")).containsExactlyInAnyOrder("a", "b", "c", "d");
    assertThat(graph.ancestorsOrSelf("c")).containsExactlyInAnyOrder("a", "c");
  }

  @Test
  void duplicateIdsNameBothClasses() {
    assertThatThrownBy(() -> RevisionGraph.of(List.of(revision("001"), second("001"))))
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.DUPLICATE_REVISION))
        .hasMessageContaining("revision id 001 is used by dev.retort.runtime.fixtures.Noop$First and"
            + " dev.retort.runtime.fixtures.Noop$Second");
  }

  @Test
  void missingParentNamesTheRevisionAndTheParent() {
    assertThatThrownBy(() -> RevisionGraph.of(List.of(revision("001"), second("002", "000"))))
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.MISSING_PARENT))
        .hasMessageContaining("revision 002 (dev.retort.runtime.fixtures.Noop$Second) names parent 000");
  }

  @Test
  void cycleListsTheRevisionsInTheCircle() {
    assertThatThrownBy(() -> RevisionGraph.of(List.of(
        revision("a"), revision("b", "a", "d"), revision("c", "b"), revision("d", "c"))))
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.REVISION_CYCLE))
        .hasMessageContaining("b (dev.retort.runtime.fixtures.Noop$First) -> c (")
        .hasMessageContaining("-> d (")
        .hasMessageNotContaining("a (");
  }

  @Test
  void selfParentIsACycle() {
    assertThatThrownBy(() -> RevisionGraph.of(List.of(revision("a"), revision("b", "a", "b"))))
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.REVISION_CYCLE));
  }

  @Test
  void twoHeadsAskForAMergeRevision() {
    assertThatThrownBy(() -> RevisionGraph.of(List.of(revision("a"), revision("b", "a"), second("c", "a"))))
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.MULTIPLE_HEADS))
        .hasMessageContaining(
            "2 heads: b (dev.retort.runtime.fixtures.Noop$First), c (dev.retort.runtime.fixtures.Noop$Second)")
        .hasMessageEndingWith("add a migration whose @Revision names all of them as parents, such as"
            + " parent = {\"b\", \"c\"}; 'mvn retort:merge' or 'retort merge' writes it with the merged snapshot.");
  }

  @Test
  void twoHeadsNameTheMergeCommandOfTheFrontEnd() {
    List<RevisionInfo> twoHeads = List.of(revision("a"), revision("b", "a"), second("c", "a"));

    assertThatThrownBy(() -> RevisionGraph.of(twoHeads, new Advice(CommandSyntax.CLI)))
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.MULTIPLE_HEADS))
        .hasMessageEndingWith("such as parent = {\"b\", \"c\"}; 'retort merge' writes it with the merged snapshot.");
    assertThatThrownBy(() -> RevisionGraph.of(twoHeads, new Advice(CommandSyntax.MAVEN)))
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.MULTIPLE_HEADS))
        .hasMessageEndingWith(
            "such as parent = {\"b\", \"c\"}; 'mvn retort:merge' writes it with the merged snapshot.");
  }

  @Test
  void anEmptyHistoryIsAnError() {
    assertThatThrownBy(() -> RevisionGraph.of(List.of()))
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.NO_MIGRATIONS));
  }

  @Test
  void idsLongerThanTheVersionTableHoldsAreRejected() {
    String id = "x".repeat(RevisionGraph.MAX_ID_LENGTH + 1);

    assertThatThrownBy(() -> RevisionGraph.of(List.of(revision(id))))
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.INVALID_MIGRATION))
        .hasMessageContaining("at most " + RevisionGraph.MAX_ID_LENGTH);
  }

  @ParameterizedTest
  @ValueSource(strings = {"head", "base", "+1", "-2", "-x", "a,b", "two words", " padded", "tab\tid"})
  void idsThatATargetCannotNameAreRejectedWithTheClass(String id) {
    assertThatThrownBy(() -> RevisionGraph.of(List.of(revision("001"), second(id, "001"))))
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.INVALID_MIGRATION))
        .hasMessageStartingWith("Revision id \"" + id + "\" of dev.retort.runtime.fixtures.Noop$Second ")
        .hasMessageContaining("Give the revision another id in its @Revision");
  }

  @Test
  void anIdThatIsAPrefixOfAnotherStaysAddressable() {
    RevisionGraph graph = RevisionGraph.of(List.of(revision("heads"), second("heads2", "heads")));

    assertThat(Target.parse("heads", graph, Advice.JAVA)).isEqualTo(new Target.Exact("heads"));
    assertThat(Target.parse("heads2", graph, Advice.JAVA)).isEqualTo(new Target.Exact("heads2"));
  }

  @Test
  void similarIdsPreferThoseContainingTheText() {
    RevisionGraph graph = RevisionGraph.of(List.of(
        revision("20261120_090000"), revision("20261121_153000", "20261120_090000"),
        revision("20270101_000000", "20261121_153000")));

    assertThat(graph.similarTo("20261121_15300")).first().isEqualTo("20261121_153000");
    assertThat(graph.similarTo("20261121_153001")).contains("20261121_153000");
    assertThat(graph.similarTo("completely-different")).isEmpty();
  }

  private static List<String> ids(RevisionGraph graph) {
    return graph.revisions().stream().map(LoadedRevision::id).toList();
  }
}
