package dev.retort.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SummaryTest {

  @Test
  void anOddCountHasTheMiddleValueAsMedian() {
    Summary summary = Summary.of(9, 1, 5, 3, 7);

    assertThat(summary.median()).isEqualTo(5);
    assertThat(summary.min()).isEqualTo(1);
    assertThat(summary.max()).isEqualTo(9);
    assertThat(summary.count()).isEqualTo(5);
  }

  @Test
  void anEvenCountHasTheMeanOfTheMiddleTwo() {
    assertThat(Summary.of(4, 1, 10, 2).median()).isEqualTo(3);
  }

  @Test
  void theRatioIsOfTheMedians() {
    assertThat(Summary.of(300, 200, 100).ratioTo(Summary.of(50, 100, 150))).isEqualTo(2);
  }

  @Test
  void thereIsNoSummaryOfNothing() {
    assertThatThrownBy(Summary::of).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
  }
}
