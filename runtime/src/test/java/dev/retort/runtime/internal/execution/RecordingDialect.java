package dev.retort.runtime.internal.execution;

import dev.retort.model.ColumnType;
import dev.retort.model.SchemaModel;
import dev.retort.model.TableModel;
import dev.retort.operation.Operation;
import dev.retort.operation.Vendor;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Step;
import java.util.ArrayList;
import java.util.List;

/** Renders each operation as its summary and remembers the schema it was rendered against. */
class RecordingDialect implements Dialect {

  final List<Operation> rendered = new ArrayList<>();
  final List<SchemaModel> models = new ArrayList<>();

  @Override
  public Vendor vendor() {
    return Vendor.POSTGRESQL;
  }

  @Override
  public boolean transactionalDdl() {
    return true;
  }

  @Override
  public String quote(String identifier) {
    return "\"" + identifier + "\"";
  }

  @Override
  public String columnType(ColumnType type) {
    return type.sql();
  }

  @Override
  public List<String> createTableIfMissing(TableModel table) {
    return List.of("create " + table.name() + " if missing");
  }

  @Override
  public List<Step> render(Operation operation, SchemaModel before) {
    rendered.add(operation);
    models.add(before);
    return List.of(Step.Sql.of(operation.summary()));
  }
}
