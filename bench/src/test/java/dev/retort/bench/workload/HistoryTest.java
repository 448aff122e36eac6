package dev.retort.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTest {

  @Test
  void aHundredTablesAreCreatedThenEachGainsAColumn() {
    List<History.Revision> revisions = History.revisions();

    assertThat(revisions).hasSize(200);
    assertThat(revisions.get(0)).isEqualTo(new History.Revision(1, 1, true));
    assertThat(revisions.get(99)).isEqualTo(new History.Revision(100, 100, true));
    assertThat(revisions.get(100)).isEqualTo(new History.Revision(101, 1, false));
    assertThat(revisions.get(199).className()).isEqualTo("V0200_AddT100Extra");
    assertThat(revisions.get(199).description()).isEqualTo("add column extra to t100");
  }

  @Test
  void eachRevisionFollowsThePreviousOne() {
    assertThat(History.javaSource(new History.Revision(1, 1, true))).contains("id = \"r0001\")").doesNotContain("parent");
    assertThat(History.javaSource(new History.Revision(101, 1, false)))
        .contains("id = \"r0101\",\n    parent = \"r0100\")")
        .contains("public final class V0101_AddT1Extra implements Migration")
        .contains("schema.addColumn(\"t1\", \"extra\", integer());")
        .contains("schema.dropColumn(\"t1\", \"extra\");");
  }
}
