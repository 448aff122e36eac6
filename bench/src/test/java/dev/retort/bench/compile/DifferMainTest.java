package dev.retort.bench.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.model.SchemaDiff;
import dev.retort.model.SchemaModel;
import dev.retort.operation.AddColumn;
import dev.retort.operation.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;

class DifferMainTest {

  @Test
  void theChangedSchemaAddsAColumnToEveryTenthTable() {
    List<Operation> operations = SchemaDiff.diff(DifferMain.schema(40, false), DifferMain.schema(40, true));

    assertThat(operations).hasSize(4).allSatisfy(operation -> assertThat(operation).isInstanceOf(AddColumn.class));
  }

  @Test
  void equalSchemasGiveNothing() {
    assertThat(SchemaDiff.diff(DifferMain.schema(25, false), DifferMain.schema(25, false))).isEmpty();
  }

  @Test
  void theTablesHaveTheEntitiesShape() {
    SchemaModel schema = DifferMain.schema(3, false);

    assertThat(schema.tables()).hasSize(3);
    assertThat(schema.table("entity_00003").orElseThrow().columns()).hasSize(EntitySources.COLUMNS);
    assertThat(schema.table("entity_00003").orElseThrow().foreignKeys()).singleElement()
        .satisfies(key -> assertThat(key.referencedTable()).isEqualTo("entity_00001"));
  }
}
