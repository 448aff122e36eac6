package dev.retort.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.operation.AddCheck;
import dev.retort.operation.AddForeignKey;
import dev.retort.operation.CreateTable;
import dev.retort.operation.DropCheck;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropTable;
import dev.retort.operation.DropView;
import dev.retort.operation.Execute;
import dev.retort.operation.JdbcStep;
import dev.retort.operation.Operation;
import dev.retort.operation.ValidateConstraint;
import dev.retort.operation.RenameColumn;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The property tests are only as good as the schemas they run on: this checks that the
 * generator, fed the same random choice lists as {@link SchemaPairs} draws for the property
 * tests, produces every feature of the model and pairs that make the differ emit every kind of
 * operation.
 */
class SchemaGeneratorTest {

  @Test
  void generatedPairsCoverEveryFeatureAndEveryKindOfOperation() {
    Set<String> seen = new HashSet<>();
    Random random = new Random(20261121L);
    for (int i = 0; i < 3000; i++) {
      SchemaModel from = SchemaGenerator.schema(new Choices(Choices.random(random)));
      SchemaGenerator.Changed to = SchemaGenerator.change(from, new Choices(Choices.random(random)));
      features(from, seen);
      features(to.schema(), seen);
      List<Operation> operations = SchemaDiff.diff(from, to.schema(), to.hints());
      Set<String> created = new HashSet<>();
      operations.stream().filter(o -> o instanceof CreateTable)
          .forEach(o -> created.add(((CreateTable) o).table().name()));
      for (Operation operation : operations) {
        seen.add(operation.getClass().getSimpleName());
        if (operation instanceof DropTable drop && created.contains(drop.table())) {
          seen.add("table created again");
        }
        if (operation instanceof AddForeignKey add && created.contains(add.table())) {
          seen.add("foreign key of a new table added after the creates");
        }
        if (operation instanceof RenameColumn rename && keepsACheckOn(rename, to.schema(), operations)) {
          seen.add("check kept across a column rename");
        }
        if (operation instanceof DropColumn drop && droppedACheckOn(drop, from, operations)) {
          seen.add("check dropped before its column");
        }
        if (operation instanceof DropView drop && from.view(drop.name()).equals(to.schema().view(drop.name()))) {
          seen.add("unchanged view dropped and created around a change");
        }
      }
    }

    Set<String> expected = new HashSet<>(List.of(
        "scalar", "decimal", "char", "varchar", "binary", "varbinary", "enum", "identity", "literal default",
        "expression default", "column comment", "table comment", "database schema", "primary key", "unique",
        "index", "unique index", "check", "foreign key", "self-reference", "cycle", "table created again",
        "foreign key of a new table added after the creates", "check kept across a column rename",
        "check dropped before its column", "unchanged view dropped and created around a change",
        "view reading a view"));
    // Raw SQL, Java steps and validations are written by hand: no difference between two schemas is one of them.
    for (Class<?> kind : Operation.class.getPermittedSubclasses()) {
      if (kind != Execute.class && kind != JdbcStep.class && kind != ValidateConstraint.class) {
        expected.add(kind.getSimpleName());
      }
    }
    assertThat(seen).containsAll(expected);
  }

  /** Whether the target keeps, without a drop and an add, a check that names the renamed column. */
  private static boolean keepsACheckOn(RenameColumn rename, SchemaModel target, List<Operation> operations) {
    return target.table(rename.table()).orElseThrow().checks().stream()
        .anyMatch(c -> c.usesColumn(rename.to()) && !operations.contains(new AddCheck(rename.table(), c)));
  }

  /** Whether the operations drop a check of the source that names the dropped column. */
  private static boolean droppedACheckOn(DropColumn drop, SchemaModel source, List<Operation> operations) {
    return source.table(drop.table()).stream().flatMap(t -> t.checks().stream())
        .anyMatch(c -> c.usesColumn(drop.column()) && operations.contains(new DropCheck(drop.table(), c.name())));
  }

  private static void features(SchemaModel schema, Set<String> seen) {
    for (TableModel table : schema.tables()) {
      for (ColumnModel column : table.columns()) {
        ColumnType type = column.type();
        seen.add(type instanceof ColumnType.Scalar ? "scalar"
            : type instanceof ColumnType.Decimal ? "decimal"
            : type instanceof ColumnType.Char ? "char"
            : type instanceof ColumnType.Varchar ? "varchar"
            : type instanceof ColumnType.Binary ? "binary"
            : type instanceof ColumnType.Varbinary ? "varbinary"
            : "enum");
        if (column.identity()) {
          seen.add("identity");
        }
        column.defaultValue().ifPresent(d -> seen.add(d instanceof DefaultValue.Literal
            ? "literal default" : "expression default"));
        column.comment().ifPresent(c -> seen.add("column comment"));
      }
      table.comment().ifPresent(c -> seen.add("table comment"));
      if (!table.schema().isEmpty()) {
        seen.add("database schema");
      }
      table.primaryKey().ifPresent(k -> seen.add("primary key"));
      table.uniques().forEach(u -> seen.add("unique"));
      table.indexes().forEach(i -> seen.add(i.unique() ? "unique index" : "index"));
      table.checks().forEach(c -> seen.add("check"));
      schema.views().stream().filter(v -> v.query().contains("FROM v")).forEach(v -> seen.add("view reading a view"));
      for (ForeignKeyModel key : table.foreignKeys()) {
        seen.add("foreign key");
        if (key.referencedTable().equals(table.name())) {
          seen.add("self-reference");
        }
        schema.table(key.referencedTable()).ifPresent(target -> target.foreignKeys().stream()
            .filter(back -> back.referencedTable().equals(table.name()) && !target.name().equals(table.name()))
            .findAny()
            .ifPresent(back -> seen.add("cycle")));
      }
    }
  }
}
