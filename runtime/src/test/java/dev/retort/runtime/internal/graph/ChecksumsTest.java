package dev.retort.runtime.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.operation.AddColumn;
import dev.retort.operation.DropColumn;
import dev.retort.operation.JdbcStep;
import dev.retort.operation.Operation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChecksumsTest {

  private static final List<Operation> UP =
      List.of(new AddColumn("users", ColumnModel.of("phone", ColumnType.varchar(20))));
  private static final List<Operation> DOWN = List.of(new DropColumn("users", "phone"));

  @Test
  void isSixtyFourHexDigitsAndStable() {
    String checksum = Checksums.of(UP, Optional.of(DOWN));

    assertThat(checksum).matches("[0-9a-f]{64}");
    assertThat(Checksums.of(List.copyOf(UP), Optional.of(List.copyOf(DOWN)))).isEqualTo(checksum);
  }

  @Test
  void coversTheUpgrade() {
    List<Operation> wider = List.of(new AddColumn("users", ColumnModel.of("phone", ColumnType.varchar(30))));

    assertThat(Checksums.of(wider, Optional.of(DOWN))).isNotEqualTo(Checksums.of(UP, Optional.of(DOWN)));
  }

  @Test
  void coversTheDowngrade() {
    assertThat(Checksums.of(UP, Optional.of(List.of()))).isNotEqualTo(Checksums.of(UP, Optional.of(DOWN)));
    assertThat(Checksums.of(UP, Optional.empty())).isNotEqualTo(Checksums.of(UP, Optional.of(List.of())));
  }

  @Test
  void keepsUpgradeAndDowngradeApart() {
    assertThat(Checksums.of(List.of(), Optional.of(UP))).isNotEqualTo(Checksums.of(UP, Optional.of(List.of())));
  }

  @Test
  void aJavaStepCountsByItsDescriptionOnly() {
    JdbcStep one = new JdbcStep("backfill users.phone", connection -> { });
    JdbcStep sameDescription = new JdbcStep("backfill users.phone", connection -> connection.commit());
    JdbcStep otherDescription = new JdbcStep("backfill users.email", connection -> { });

    assertThat(Checksums.of(List.of(one), Optional.empty()))
        .isEqualTo(Checksums.of(List.of(sameDescription), Optional.empty()))
        .isNotEqualTo(Checksums.of(List.of(otherDescription), Optional.empty()));
  }
}
