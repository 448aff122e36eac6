package dev.retort.processor.revision;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.ClassName;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionGraphTest {

  private static RevisionNode node(String id, String... parents) {
    return new RevisionNode(id, List.of(parents), ClassName.get("com.example.migration", "V_" + id), id);
  }

  private static RevisionGraph graph(RevisionNode... nodes) {
    RevisionGraph.Check check = RevisionGraph.check(List.of(nodes));
    assertThat(check.problems()).isEmpty();
    return check.graph().orElseThrow();
  }

  private static List<String> ids(List<RevisionNode> nodes) {
    return nodes.stream().map(RevisionNode::id).toList();
  }

  @Test
  void ordersParentsBeforeChildrenNeverByIdAlone() {
    RevisionGraph graph = graph(node("a3", "z1"), node("z1"), node("m2", "a3"));

    assertThat(ids(graph.topologicalOrder())).containsExactly("z1", "a3", "m2");
    assertThat(graph.head().orElseThrow().id()).isEqualTo("m2");
  }

  @Test
  void branchesAreOrderedBySmallestIdFirstAndMergedAfterBoth() {
    RevisionGraph graph = graph(node("4", "3", "2"), node("3", "1"), node("2", "1"), node("1"));

    assertThat(ids(graph.topologicalOrder())).containsExactly("1", "2", "3", "4");
    assertThat(graph.head().orElseThrow().id()).isEqualTo("4");
  }

  @Test
  void anEmptyGraphHasNoHead() {
    assertThat(RevisionGraph.empty().head()).isEmpty();
    assertThat(RevisionGraph.check(List.of()).graph().orElseThrow().isEmpty()).isTrue();
  }

  @Test
  void theNearestCommonAncestorIsTheLatestRevisionBothBranchesDescendFrom() {
    RevisionGraph graph = graph(
        node("1"), node("2", "1"), node("3", "2"), node("4", "2"), node("5", "3"), node("6", "4", "5"));

    assertThat(graph.nearestCommonAncestor("5", "4").orElseThrow().id()).isEqualTo("2");
    assertThat(graph.nearestCommonAncestor("3", "5").orElseThrow().id()).isEqualTo("3");
  }

  @Test
  void branchesFromTwoRootsShareNoAncestor() {
    RevisionGraph graph = graph(node("a"), node("b"), node("c", "a", "b"));

    assertThat(graph.nearestCommonAncestor("a", "b")).isEmpty();
  }

  @Test
  void duplicateIdsAndMissingParentsAreReportedTogether() {
    RevisionNode first = new RevisionNode("1", List.of(), ClassName.get("x", "A"), "a");
    RevisionNode second = new RevisionNode("1", List.of(), ClassName.get("x", "B"), "b");
    RevisionNode orphan = node("2", "0");

    RevisionGraph.Check check = RevisionGraph.check(List.of(second, orphan, first));

    assertThat(check.graph()).isEmpty();
    assertThat(check.problems()).containsExactly(
        new GraphProblem.DuplicateId("1", List.of(first, second)),
        new GraphProblem.MissingParent(orphan, "0"));
  }

  @Test
  void aCycleIsReportedWithItsRevisionsInOrderAndNotTheRevisionsBelowIt() {
    RevisionNode a = node("a", "root", "c");
    RevisionNode b = node("b", "a");
    RevisionNode c = node("c", "b");
    RevisionNode below = node("d", "c");

    RevisionGraph.Check check = RevisionGraph.check(List.of(node("root"), a, b, c, below));

    assertThat(check.problems()).containsExactly(new GraphProblem.Cycle(List.of(a, c, b)));
  }

  @Test
  void severalHeadsAreReportedSortedById() {
    RevisionNode left = node("3", "1");
    RevisionNode right = node("2", "1");

    RevisionGraph.Check check = RevisionGraph.check(List.of(node("1"), left, right));

    assertThat(check.problems()).containsExactly(new GraphProblem.MultipleHeads(List.of(right, left)));
  }
}
