package dev.retort.processor.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.DefaultValue;
import dev.retort.model.SequenceModel;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.AlterSequence;
import dev.retort.operation.Change;
import dev.retort.operation.CreateSequence;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropSequence;
import dev.retort.operation.DropTable;
import dev.retort.operation.Operation;
import dev.retort.operation.RenameColumn;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LintTest {

  private static AlterColumn alter(Optional<Change<ColumnType>> type, Optional<Change<Boolean>> nullable) {
    return new AlterColumn("users", "email", type, nullable, Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Test
  void droppingATableOrColumnDestroysData() {
    List<Finding> findings = Lint.check(List.of(new DropTable("legacy"), new DropColumn("users", "fax")));

    assertThat(findings).extracting(Finding::index, Finding::risk, Finding::table, Finding::column).containsExactly(
        tuple(0, Finding.Risk.DESTROYS_DATA, "legacy", Optional.empty()),
        tuple(1, Finding.Risk.DESTROYS_DATA, "users", Optional.of("fax")));
    assertThat(findings.get(1).text())
        .isEqualTo("drops column users.fax and its data; make sure nothing reads it and that it is backed up");
  }

  @Test
  void droppingASequenceLosesTheValueItReachedAndCreatingOrAlteringOneDoesNot() {
    List<Finding> findings = Lint.check(List.of(
        new CreateSequence(SequenceModel.of("orders_seq", 1, 50)),
        new AlterSequence("orders_seq", Optional.empty(), Optional.of(new Change<>(50L, 1L))),
        new DropSequence("legacy_seq")));

    assertThat(findings).singleElement().satisfies(finding -> {
      assertThat(finding.index()).isEqualTo(2);
      assertThat(finding.risk()).isEqualTo(Finding.Risk.DESTROYS_DATA);
      assertThat(finding.text()).startsWith("drops sequence legacy_seq and the value it has reached; created again,"
          + " it would start over");
    });
  }

  @Test
  void narrowingATypeDestroysDataAndWideningDoesNot() {
    Operation narrow = alter(Optional.of(new Change<>(ColumnType.varchar(255), ColumnType.varchar(20))), Optional.empty());
    Operation widen = alter(Optional.of(new Change<>(ColumnType.varchar(20), ColumnType.varchar(255))), Optional.empty());

    assertThat(Lint.check(List.of(widen))).isEmpty();
    assertThat(Lint.check(List.of(narrow))).singleElement().satisfies(finding -> {
      assertThat(finding.risk()).isEqualTo(Finding.Risk.DESTROYS_DATA);
      assertThat(finding.text()).startsWith("narrows column users.email from varchar(255) to varchar(20);");
    });
  }

  @Test
  void aNotNullColumnWithoutDefaultFailsOnATableWithRows() {
    ColumnModel required = new ColumnModel("plan", ColumnType.text(), false, Optional.empty(), false, Optional.empty());
    ColumnModel withDefault = required.withDefaultValue(Optional.of(DefaultValue.literal("free")));
    ColumnModel identity = new ColumnModel("seq", ColumnType.bigint(), false, Optional.empty(), true, Optional.empty());

    assertThat(Lint.check(List.of(new AddColumn("users", withDefault), new AddColumn("users", identity),
        new AddColumn("users", required.withNullable(true))))).isEmpty();
    assertThat(Lint.check(List.of(new AddColumn("users", required)))).singleElement()
        .extracting(Finding::risk, Finding::column)
        .containsExactly(Finding.Risk.FAILS_ON_DATA, Optional.of("plan"));
  }

  @Test
  void makingAColumnNotNullFailsWhileRowsHoldNull() {
    assertThat(Lint.check(List.of(alter(Optional.empty(), Optional.of(new Change<>(true, false))))))
        .singleElement()
        .satisfies(finding -> assertThat(finding.text()).isEqualTo(
            "makes column users.email NOT NULL, which fails while any row holds NULL there; fill those rows first"));
    assertThat(Lint.check(List.of(alter(Optional.empty(), Optional.of(new Change<>(false, true)))))).isEmpty();
  }

  @Test
  void aNarrowingAlterationToNotNullHasBothFindings() {
    Operation both = alter(Optional.of(new Change<>(ColumnType.varchar(255), ColumnType.varchar(20))),
        Optional.of(new Change<>(true, false)));

    assertThat(Lint.check(List.of(both))).extracting(Finding::risk)
        .containsExactly(Finding.Risk.DESTROYS_DATA, Finding.Risk.FAILS_ON_DATA);
  }

  @Test
  void renamesKeepData() {
    assertThat(Lint.check(List.of(new RenameColumn("users", "mail", "email")))).isEmpty();
  }
}
