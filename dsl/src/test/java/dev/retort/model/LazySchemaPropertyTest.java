package dev.retort.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.operation.AddColumn;
import dev.retort.operation.Operation;
import dev.retort.snapshot.SnapshotCodec;
import dev.retort.testing.PropertyTest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A schema read lazily from a snapshot ({@link SnapshotCodec#readLazily}) is, to everything that
 * applies operations to it, the schema the whole read gives: over generated schemas and operation
 * lists (many of which stop fitting part way), an evolution from the lazy schema gives equal
 * schemas after each operation, refuses the same operation with the same message, reports the
 * same changed tables, and gives every table as the whole read does, while reading only the
 * tables the operations look at.
 */
class LazySchemaPropertyTest {

  @PropertyTest(tries = 2000)
  void anEvolutionFromTheLazySchemaIsTheEvolutionFromTheWholeRead(long seed) {
    Random random = new Random(seed);
    SchemaModel from = SchemaGenerator.schema(new Choices(Choices.random(random)));
    List<Operation> operations = SchemaModelApplyAllPropertyTest.operations(from, random);
    String snapshot = SnapshotCodec.write(from);

    List<Step> expected = steps(SnapshotCodec.read(snapshot, "generated"), operations);
    SchemaModel lazy = SnapshotCodec.readLazily(snapshot, "generated");
    assertThat(lazy.source()).as("read lazily").isNotNull();
    List<Step> actual = steps(lazy, operations);

    assertThat(actual).as("applying %s", operations).isEqualTo(expected);
  }

  @PropertyTest(tries = 500)
  void aLazySchemaGivesEachTableAsTheWholeReadDoes(long seed) {
    Random random = new Random(seed);
    SchemaModel from = SchemaGenerator.schema(new Choices(Choices.random(random)));
    String snapshot = SnapshotCodec.write(from);

    SchemaModel lazy = SnapshotCodec.readLazily(snapshot, "generated");
    assertThat(lazy.source()).as("read lazily").isNotNull();
    for (String name : SchemaGenerator.TABLES) {
      assertThat(lazy.table(name)).as("table %s", name).isEqualTo(from.table(name));
    }
    assertThat(lazy.sequences()).isEqualTo(from.sequences());
    assertThat(lazy).isEqualTo(from);
  }

  @Test
  void addingAColumnReadsOnlyThatTableAndTheTablesReferencingIt() {
    SchemaModel from = new SchemaModel(List.of(table("a", Optional.empty()), table("b", Optional.of("a")),
        table("c", Optional.empty()), table("d", Optional.of("c"))));
    Counting source = new Counting(SnapshotCodec.readLazily(SnapshotCodec.write(from), "four tables").source());

    SchemaEvolution evolution = new SchemaEvolution(SchemaModel.lazy(source));
    SchemaModel before = evolution.current();
    SchemaModel after = evolution.apply(new AddColumn("c", ColumnModel.of("extra", ColumnType.Scalar.INTEGER)));

    assertThat(after.tablesChangedSince(before)).extracting(TableModel::name).containsExactly("c");
    assertThat(before.tablesChangedSince(after)).extracting(TableModel::name).containsExactly("c");
    assertThat(source.read).as("tables read").containsExactlyInAnyOrder("c", "d");
    assertThat(after.table("c").orElseThrow().column("extra")).isPresent();
    assertThat(after).isEqualTo(from.apply(new AddColumn("c", ColumnModel.of("extra", ColumnType.Scalar.INTEGER))));
  }

  /** A table {@code name} with a key {@code id}, referencing {@code target}'s key if there is one. */
  private static TableModel table(String name, Optional<String> target) {
    TableModel.Builder table = new TableModel.Builder(name)
        .column(ColumnModel.of("id", ColumnType.Scalar.BIGINT).withNullable(false))
        .primaryKey(Optional.of(new PrimaryKeyModel("pk_" + name, List.of("id"))));
    target.ifPresent(t -> table.foreignKeys().add(new ForeignKeyModel("fk_" + name, List.of("id"), t, List.of("id"),
        dev.retort.ReferentialAction.NO_ACTION, dev.retort.ReferentialAction.NO_ACTION)));
    return table.build();
  }

  /**
   * What an evolution gives for each operation, up to the first that does not fit: the schema,
   * the tables it changed and the tables the operation dropped or changed.
   */
  private static List<Step> steps(SchemaModel start, List<Operation> operations) {
    SchemaEvolution evolution = new SchemaEvolution(start);
    List<SchemaModel> schemas = new ArrayList<>();
    List<Step> steps = new ArrayList<>();
    for (Operation operation : operations) {
      SchemaModel before = evolution.current();
      SchemaModel after;
      try {
        after = evolution.apply(operation);
      } catch (SchemaException e) {
        steps.add(new Step(null, null, null, e.getMessage()));
        break;
      }
      schemas.add(after);
      steps.add(new Step(null, after.tablesChangedSince(before), before.tablesChangedSince(after), null));
    }
    // Compared only now, since comparing reads the whole schema.
    for (int i = 0; i < schemas.size(); i++) {
      Step step = steps.get(i);
      steps.set(i, new Step(schemas.get(i), step.changed(), step.dropped(), null));
    }
    return steps;
  }

  /**
   * What one operation gave.
   *
   * @param schema the schema after it, or null if it did not fit
   * @param changed the tables it created or changed, as after it
   * @param dropped the tables it dropped or changed, as before it
   * @param misfit the message of the refusal, or null
   */
  private record Step(SchemaModel schema, List<TableModel> changed, List<TableModel> dropped, String misfit) {}

  /** A source that records which tables were read. */
  private static final class Counting implements TableSource {

    private final TableSource source;
    final Set<String> read = new LinkedHashSet<>();

    Counting(TableSource source) {
      this.source = source;
    }

    @Override
    public List<String> tableNames() {
      return source.tableNames();
    }

    @Override
    public Optional<TableModel> table(String name) {
      read.add(name);
      return source.table(name);
    }

    @Override
    public Optional<String> objectOwner(String object) {
      return source.objectOwner(object);
    }

    @Override
    public Set<String> referencing(String table) {
      return source.referencing(table);
    }

    @Override
    public List<SequenceModel> sequences() {
      return source.sequences();
    }

    @Override
    public List<ViewModel> views() {
      return source.views();
    }

    @Override
    public SchemaModel whole() {
      read.add("(whole)");
      return source.whole();
    }
  }
}
