package dev.retort.processor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RevisionIdsTest {

  private static final Instant NOW = Instant.parse("2026-11-21T15:30:00.750Z");

  @Test
  void anIdIsTheUtcTimeToTheSecond() {
    assertThat(RevisionIds.next(NOW, Set.of(), id -> false)).isEqualTo("20261121_153000");
  }

  @Test
  void aTakenIdMovesOnBySeconds() {
    assertThat(RevisionIds.next(NOW, Set.of("20261121_153000"), id -> id.equals("20261121_153001")))
        .isEqualTo("20261121_153002");
  }

  @Test
  void anIdComesAfterEveryExistingTimestampIdEvenWhenTheClockIsBehind() {
    assertThat(RevisionIds.next(NOW, List.of("20261122_080000", "20261101_000000", "hand_written"), id -> false))
        .isEqualTo("20261122_080001");
  }

  @Test
  void idsSortInTheOrderTheyWereMade() {
    String first = RevisionIds.next(Instant.parse("2026-01-02T03:04:05Z"), Set.of(), id -> false);
    String second = RevisionIds.next(Instant.parse("2026-10-01T00:00:00Z"), Set.of(first), id -> false);

    assertThat(first).isLessThan(second);
  }
}
