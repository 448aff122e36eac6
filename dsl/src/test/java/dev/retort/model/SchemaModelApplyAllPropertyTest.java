package dev.retort.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.operation.Operation;
import dev.retort.testing.PropertyTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * {@link SchemaModel#applyAll} and {@link SchemaEvolution} check each change against the tables
 * it affects, where {@link SchemaModel#apply} validates the whole resulting schema. Over generated
 * operation lists, many of which stop fitting part way (operations swapped, dropped, repeated or
 * taken from another change), they give the same outcome: the same schema, or a misfit with the
 * same message.
 */
class SchemaModelApplyAllPropertyTest {

  @PropertyTest(tries = 2000)
  void applyingAListIsApplyingItsOperationsOneAtATime(long seed) {
    Random random = new Random(seed);
    SchemaModel from = SchemaGenerator.schema(new Choices(Choices.random(random)));
    List<Operation> operations = operations(from, random);

    Outcome expected = outcome(() -> {
      SchemaModel schema = from;
      for (Operation operation : operations) {
        schema = schema.apply(operation);
      }
      return schema;
    });

    assertThat(outcome(() -> from.applyAll(operations)))
        .as("applying %s", operations)
        .isEqualTo(expected);
  }

  @PropertyTest(tries = 2000)
  void anEvolutionGivesTheSchemaAfterEachOperation(long seed) {
    Random random = new Random(seed);
    SchemaModel from = SchemaGenerator.schema(new Choices(Choices.random(random)));
    List<Operation> operations = operations(from, random);

    List<Outcome> expected = new ArrayList<>();
    SchemaModel schema = from;
    for (Operation operation : operations) {
      SchemaModel before = schema;
      Outcome outcome = outcome(() -> before.apply(operation));
      expected.add(outcome);
      if (outcome.schema() == null) {
        break;
      }
      schema = outcome.schema();
    }

    SchemaEvolution evolution = new SchemaEvolution(from);
    List<Outcome> actual = new ArrayList<>();
    for (Operation operation : operations) {
      Outcome outcome = outcome(() -> evolution.apply(operation));
      actual.add(outcome);
      if (outcome.schema() == null) {
        break;
      }
      assertThat(evolution.current()).isSameAs(outcome.schema());
    }
    assertThat(actual).as("applying %s", operations).isEqualTo(expected);
  }

  /**
   * The differ's operations to a random change of {@code from}, most of the time disordered so
   * that they may stop fitting.
   */
  static List<Operation> operations(SchemaModel from, Random random) {
    SchemaGenerator.Changed to = SchemaGenerator.change(from, new Choices(Choices.random(random)));
    List<Operation> operations = new ArrayList<>(SchemaDiff.diff(from, to.schema(), to.hints()));
    SchemaGenerator.Changed other = SchemaGenerator.change(from, new Choices(Choices.random(random)));
    List<Operation> strangers = SchemaDiff.diff(from, other.schema(), other.hints());
    int disorders = random.nextInt(4);
    for (int i = 0; i < disorders && !operations.isEmpty(); i++) {
      int at = random.nextInt(operations.size());
      switch (random.nextInt(4)) {
        case 0 -> operations.add(at, operations.remove(random.nextInt(operations.size())));
        case 1 -> operations.remove(at);
        case 2 -> operations.add(random.nextInt(operations.size() + 1), operations.get(at));
        default -> {
          if (!strangers.isEmpty()) {
            operations.add(at, strangers.get(random.nextInt(strangers.size())));
          }
        }
      }
    }
    return operations;
  }

  private static Outcome outcome(Supplier<SchemaModel> application) {
    try {
      return new Outcome(application.get(), null);
    } catch (SchemaException e) {
      return new Outcome(null, e.getMessage());
    }
  }

  /**
   * What applying a list gave.
   *
   * @param schema the schema after it, or null if an operation did not fit
   * @param misfit the message of the operation that did not fit, or null
   */
  private record Outcome(SchemaModel schema, String misfit) {}
}
