package dev.retort.dsl;

import dev.retort.ReferentialAction;
import dev.retort.model.ForeignKeyModel;
import dev.retort.model.Names;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Collects the steps of a foreign key definition. */
final class ForeignKeySpec implements ForeignKeyColumns, ForeignKeyTarget, ForeignKeyActions {

  private final String name;
  private List<String> columns;
  private String referencedTable;
  private List<String> referencedColumns;
  private ReferentialAction onDelete = ReferentialAction.NO_ACTION;
  private ReferentialAction onUpdate = ReferentialAction.NO_ACTION;

  private ForeignKeySpec(String name) {
    this.name = Names.require("foreign key name", name);
  }

  static ForeignKeyModel define(String name, Function<ForeignKeyColumns, ForeignKeyActions> body) {
    Objects.requireNonNull(body, "body == null");
    ForeignKeySpec spec = new ForeignKeySpec(name);
    ForeignKeyActions last = body.apply(spec);
    if (last != spec || spec.referencedTable == null) {
      throw new IllegalArgumentException(
          "foreign key " + name + ": the definition must end with the step it was given,"
              + " as in fk -> fk.columns(\"a_id\").references(\"a\", \"id\")");
    }
    return new ForeignKeyModel(name, spec.columns, spec.referencedTable, spec.referencedColumns,
        spec.onDelete, spec.onUpdate);
  }

  @Override
  public ForeignKeyTarget columns(String... names) {
    this.columns = Names.requireList("foreign key " + name + " columns", List.of(names));
    return this;
  }

  @Override
  public ForeignKeyActions references(String table, String... names) {
    this.referencedTable = Names.require("foreign key " + name + " referenced table", table);
    this.referencedColumns = Names.requireList("foreign key " + name + " referenced columns", List.of(names));
    return this;
  }

  @Override
  public ForeignKeyActions onDelete(ReferentialAction action) {
    this.onDelete = Objects.requireNonNull(action, "action == null");
    return this;
  }

  @Override
  public ForeignKeyActions onUpdate(ReferentialAction action) {
    this.onUpdate = Objects.requireNonNull(action, "action == null");
    return this;
  }
}
