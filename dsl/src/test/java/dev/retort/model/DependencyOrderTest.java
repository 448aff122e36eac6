package dev.retort.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DependencyOrderTest {

  @Test
  void prerequisitesComeFirstAndTiesGoByName() {
    DependencyOrder order = DependencyOrder.of(Set.of("awards", "books", "authors", "zebras"),
        Map.of("books", Set.of("authors"), "awards", Set.of("books")));

    assertThat(order.order()).containsExactly("authors", "books", "awards", "zebras");
  }

  @Test
  void aCycleIsReportedAndOrderedByName() {
    DependencyOrder order = DependencyOrder.of(Set.of("a", "b", "c", "d"),
        Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("c")));

    assertThat(order.inCycle("a", "c")).isTrue();
    assertThat(order.inCycle("d", "c")).isFalse();
    assertThat(order.inCycle("a", "a")).isFalse();
    assertThat(order.order()).containsExactly("a", "b", "c", "d");
  }

  @Test
  void selfDependenciesAndUnknownNamesAreIgnored() {
    DependencyOrder order = DependencyOrder.of(Set.of("b", "a"), Map.of("a", Set.of("a", "b", "elsewhere")));

    assertThat(order.order()).containsExactly("b", "a");
    assertThat(order.inCycle("a", "b")).isFalse();
  }

  @Test
  void aLongChainIsOrderedWithoutADeepStack() {
    Set<String> nodes = new HashSet<>();
    Map<String, Set<String>> prerequisites = new HashMap<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      String name = String.format("t%06d", 50_000 - i);
      nodes.add(name);
      if (i > 0) {
        prerequisites.put(name, Set.of(expected.get(i - 1)));
      }
      expected.add(name);
    }

    DependencyOrder order = DependencyOrder.of(nodes, prerequisites);

    assertThat(order.order()).isEqualTo(expected);
    assertThat(order.inCycle(expected.get(0), expected.get(1))).isFalse();
  }
}
