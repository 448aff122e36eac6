package dev.retort.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.model.DefaultValue;
import org.junit.jupiter.api.Test;

class ColumnOptionTest {

  @Test
  void factoriesBuildTheirOptions() {
    assertThat(ColumnOption.notNull()).isEqualTo(new ColumnOption.NotNull());
    assertThat(ColumnOption.identity()).isEqualTo(new ColumnOption.Identity());
    assertThat(ColumnOption.defaultValue("draft"))
        .isEqualTo(new ColumnOption.Default(new DefaultValue.Literal("draft")));
    assertThat(ColumnOption.defaultExpression("CURRENT_TIMESTAMP"))
        .isEqualTo(new ColumnOption.Default(new DefaultValue.Expression("CURRENT_TIMESTAMP")));
    assertThat(ColumnOption.comment("login")).isEqualTo(new ColumnOption.Comment("login"));
  }

  @Test
  void aLiteralDefaultAndAnExpressionOfTheSameTextDiffer() {
    assertThat(ColumnOption.defaultValue("CURRENT_TIMESTAMP"))
        .isNotEqualTo(ColumnOption.defaultExpression("CURRENT_TIMESTAMP"));
  }

  @Test
  void aLiteralDefaultMayBeEmptyButAnExpressionMayNotBeBlank() {
    assertThat(ColumnOption.defaultValue("")).isEqualTo(new ColumnOption.Default(DefaultValue.literal("")));
    assertThatThrownBy(() -> ColumnOption.defaultExpression(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("default expression is blank");
  }

  @Test
  void rejectsNulls() {
    assertThatThrownBy(() -> ColumnOption.defaultValue(null))
        .isInstanceOf(NullPointerException.class).hasMessage("value == null");
    assertThatThrownBy(() -> ColumnOption.defaultExpression(null))
        .isInstanceOf(NullPointerException.class).hasMessage("sql == null");
    assertThatThrownBy(() -> new ColumnOption.Default(null))
        .isInstanceOf(NullPointerException.class).hasMessage("value == null");
    assertThatThrownBy(() -> ColumnOption.comment(null))
        .isInstanceOf(NullPointerException.class).hasMessage("text == null");
  }
}
