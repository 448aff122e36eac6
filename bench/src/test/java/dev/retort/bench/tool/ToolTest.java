package dev.retort.bench.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ToolTest {

  @Test
  void eachToolHasADatabaseOfItsOwn() {
    assertThat(Arrays.stream(Tool.values()).map(Tool::databaseName))
        .doesNotHaveDuplicates()
        .contains("retort_bench_retort_single_transaction", "retort_bench_flyway_group");
  }

  @Test
  void aOneTransactionToolIsNamedWithItsSettingAfterTheProductAndItsVersion() {
    assertThat(Tool.RETORT_SINGLE_TRANSACTION.label()).isEqualTo("Retort, singleTransaction");
    assertThat(Tool.FLYWAY_GROUP.displayName()).isEqualTo("Flyway, group");
    assertThat(Tool.FLYWAY_GROUP.label()).isEqualTo("Flyway " + Tool.FLYWAY.version() + ", group");
    assertThat(Tool.FLYWAY.label()).isEqualTo("Flyway " + Tool.FLYWAY.version());
  }

  @Test
  void theSettingArgumentIsTheOptionalLastOne() {
    assertThat(SettingArgument.isOn(new String[] {"url", "user", ""}, 3, "singleTransaction")).isFalse();
    assertThat(SettingArgument.isOn(new String[] {"url", "user", "", "singleTransaction"}, 3, "singleTransaction"))
        .isTrue();
    assertThatThrownBy(() -> SettingArgument.isOn(new String[] {"url", "user", "", "group"}, 3, "singleTransaction"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 3 arguments, optionally followed by 'singleTransaction'");
  }
}
