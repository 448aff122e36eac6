package dev.retort.model;

import static dev.retort.model.Fixtures.keyed;
import static dev.retort.model.Fixtures.nullable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.model.ColumnType.Scalar;
import dev.retort.operation.AlterSequence;
import dev.retort.operation.Change;
import dev.retort.operation.CreateSequence;
import dev.retort.operation.CreateTable;
import dev.retort.operation.DropSequence;
import dev.retort.operation.DropTable;
import dev.retort.operation.Operation;
import dev.retort.operation.RenameTable;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sequences in the model: validation, the schema that holds them, applying their operations and diffing them. */
class SequenceTest {

  private static final SequenceModel ORDERS_SEQ = SequenceModel.of("orders_seq", 1, 50);
  private static final TableModel ORDERS = keyed("orders", nullable("note", Scalar.TEXT)).build();

  @Test
  void aSequenceStartsAtOneOrMoreAndIncrementsByOneOrMore() {
    assertThatThrownBy(() -> SequenceModel.of("s", 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("sequence s starts at 0; a sequence starts at 1 or more");
    assertThatThrownBy(() -> SequenceModel.of("s", 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("sequence s has increment 0; the increment is 1 or more");
    assertThatThrownBy(() -> SequenceModel.of(" s", 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sequence name ' s' has leading or trailing white space");
  }

  @Test
  void aSchemaSortsItsSequencesAndComparesThem() {
    SequenceModel audit = SequenceModel.of("audit_seq", 1, 1);
    SchemaModel schema = new SchemaModel(List.of(ORDERS), List.of(ORDERS_SEQ, audit));

    assertThat(schema.sequences()).containsExactly(audit, ORDERS_SEQ);
    assertThat(schema.sequence("orders_seq")).contains(ORDERS_SEQ);
    assertThat(schema.sequence("orders")).isEmpty();
    assertThat(schema).isNotEqualTo(new SchemaModel(List.of(ORDERS)))
        .isEqualTo(new SchemaModel(List.of(ORDERS), List.of(audit, ORDERS_SEQ)))
        .hasSameHashCodeAs(new SchemaModel(List.of(ORDERS), List.of(audit, ORDERS_SEQ)));
  }

  @Test
  void aSequenceNameIsNotAnotherSequencesNorATablesNorAnIndexes() {
    assertThatThrownBy(() -> new SchemaModel(List.of(), List.of(ORDERS_SEQ, SequenceModel.of("orders_seq", 1, 1))))
        .isInstanceOf(SchemaException.class)
        .hasMessage("the schema has two sequences named orders_seq");
    assertThatThrownBy(() -> new SchemaModel(List.of(ORDERS), List.of(SequenceModel.of("orders", 1, 1))))
        .isInstanceOf(SchemaException.class)
        .hasMessageStartingWith("sequence orders has the name of a table;");
    assertThatThrownBy(() -> new SchemaModel(List.of(ORDERS), List.of(SequenceModel.of("pk_orders", 1, 1))))
        .isInstanceOf(SchemaException.class)
        .hasMessageStartingWith("sequence pk_orders has the name of a constraint or index on orders;");
  }

  @Test
  void createAlterAndDropChangeTheSchemaOneAtATimeAndAllAtOnce() {
    SchemaModel start = new SchemaModel(List.of(ORDERS));
    AlterSequence alter = new AlterSequence("orders_seq", Optional.empty(), Optional.of(new Change<>(50L, 1L)));
    List<Operation> operations = List.of(new CreateSequence(ORDERS_SEQ), alter);

    SchemaModel created = start.apply(new CreateSequence(ORDERS_SEQ));
    SchemaModel altered = created.apply(alter);
    SchemaEvolution evolution = new SchemaEvolution(start);
    operations.forEach(evolution::apply);

    assertThat(created.sequences()).containsExactly(ORDERS_SEQ);
    assertThat(altered.sequences()).containsExactly(SequenceModel.of("orders_seq", 1, 1));
    assertThat(start.applyAll(operations)).isEqualTo(altered);
    assertThat(evolution.current()).isEqualTo(altered);
    assertThat(altered.apply(new DropSequence("orders_seq"))).isEqualTo(start);
    assertThat(altered.apply(new DropTable("orders")).sequences()).as("a sequence outlives the tables")
        .containsExactly(SequenceModel.of("orders_seq", 1, 1));
  }

  @Test
  void operationsThatDoNotFitTheSchemaAreRefusedNamingThem() {
    SchemaModel withSequence = new SchemaModel(List.of(ORDERS), List.of(ORDERS_SEQ));

    assertThatThrownBy(() -> withSequence.apply(new CreateSequence(SequenceModel.of("orders_seq", 1, 1))))
        .isInstanceOf(SchemaException.class)
        .hasMessage("cannot create sequence orders_seq: sequence orders_seq already exists");
    assertThatThrownBy(() -> withSequence.apply(new DropSequence("users_seq")))
        .isInstanceOf(SchemaException.class)
        .hasMessage("cannot drop sequence users_seq: there is no sequence users_seq");
    assertThatThrownBy(() -> withSequence.apply(
            new AlterSequence("orders_seq", Optional.empty(), Optional.of(new Change<>(1L, 50L)))))
        .isInstanceOf(SchemaException.class)
        .hasMessage("cannot alter sequence orders_seq (increment 1 -> 50): the increment of sequence orders_seq is 50,"
            + " but the operation changes it from 1; the operation was written for another version of the schema");
    assertThatThrownBy(() -> withSequence.apply(new CreateSequence(SequenceModel.of("orders", 1, 1))))
        .isInstanceOf(SchemaException.class)
        .hasMessageStartingWith("cannot create sequence orders: sequence orders has the name of a table");
    assertThatThrownBy(() -> withSequence.applyAll(List.of(new RenameTable("orders", "purchases"),
            new CreateTable(keyed("orders_seq", nullable("note", Scalar.TEXT)).build()))))
        .isInstanceOf(SchemaException.class)
        .hasMessageStartingWith("cannot create table orders_seq: sequence orders_seq has the name of a table");
  }

  @Test
  void theDiffCreatesAndAltersSequencesFirstAndDropsThemLast() {
    SequenceModel audit = SequenceModel.of("audit_seq", 1, 1);
    SequenceModel moved = new SequenceModel("moved_seq", "", 1, 1);
    SchemaModel from = new SchemaModel(List.of(ORDERS), List.of(SequenceModel.of("orders_seq", 1, 1), audit, moved));
    TableModel users = keyed("users", nullable("email", Scalar.TEXT)).build();
    SequenceModel movedAway = new SequenceModel("moved_seq", "archive", 1, 1);
    SequenceModel usersSeq = SequenceModel.of("users_seq", 100, 50);
    SchemaModel to = new SchemaModel(List.of(users), List.of(SequenceModel.of("orders_seq", 1, 50), movedAway,
        usersSeq));

    List<Operation> upgrade = SchemaDiff.diff(from, to);
    List<Operation> downgrade = SchemaDiff.diff(to, from);

    assertThat(upgrade).containsExactly(
        new DropSequence("moved_seq"),
        new CreateSequence(movedAway),
        new AlterSequence("orders_seq", Optional.empty(), Optional.of(new Change<>(1L, 50L))),
        new CreateSequence(usersSeq),
        new CreateTable(users),
        new DropTable("orders"),
        new DropSequence("audit_seq"));
    assertThat(from.applyAll(upgrade)).isEqualTo(to);
    assertThat(to.applyAll(downgrade)).isEqualTo(from);
    assertThat(downgrade).contains(new AlterSequence("orders_seq", Optional.empty(), Optional.of(new Change<>(50L, 1L))),
        new CreateSequence(audit), new DropSequence("users_seq"));
  }

  @Test
  void equalSequencesGiveNoOperations() {
    SchemaModel schema = new SchemaModel(List.of(ORDERS), List.of(ORDERS_SEQ));

    assertThat(SchemaDiff.diff(schema, new SchemaModel(List.of(ORDERS), List.of(SequenceModel.of("orders_seq", 1, 50)))))
        .isEmpty();
  }
}
