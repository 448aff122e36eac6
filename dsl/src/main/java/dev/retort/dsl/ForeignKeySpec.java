package dev.retort.dsl;

import dev.retort.ReferentialAction;
import dev.retort.model.ForeignKeyModel;
import dev.retort.model.Names;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Collects the steps of one foreign key definition. The step interfaces make the order
 * compile-time checked; what they cannot express (a step taken twice, a lambda returning a
 * step of another definition) fails here with the key's name.
 */
final class ForeignKeySpec implements ForeignKeyColumns, ForeignKeyTarget, ForeignKeyActions {

  private static final String EXAMPLE = "fk -> fk.columns(\"author_id\").references(\"authors\", \"id\")";

  private final String name;
  private final String context;
  private List<String> columns;
  private String referencedTable;
  private List<String> referencedColumns;
  private ReferentialAction onDelete;
  private ReferentialAction onUpdate;

  private ForeignKeySpec(String name) {
    this.name = Names.require("foreign key name", name);
    this.context = "foreign key " + name;
  }

  static ForeignKeyModel define(String name, Function<ForeignKeyColumns, ForeignKeyActions> body) {
    ForeignKeySpec spec = new ForeignKeySpec(name);
    Objects.requireNonNull(body, spec.context + ": the definition == null");
    ForeignKeyActions last = body.apply(spec);
    if (last == null) {
      throw Calls.fail(spec.context, "the definition returned null; return the step it builds, as in " + EXAMPLE);
    }
    if (last != spec) {
      throw Calls.fail(spec.context,
          "the definition returned a step of another foreign key; return the step it was given, as in " + EXAMPLE);
    }
    if (spec.columns == null || spec.referencedTable == null) {
      throw Calls.fail(spec.context, "the definition names no " + (spec.columns == null ? "columns" : "references")
          + "; a foreign key needs both, as in " + EXAMPLE);
    }
    return Calls.build(spec.context, () -> new ForeignKeyModel(name, spec.columns, spec.referencedTable,
        spec.referencedColumns, action(spec.onDelete), action(spec.onUpdate)));
  }

  private static ReferentialAction action(ReferentialAction chosen) {
    return chosen == null ? ReferentialAction.NO_ACTION : chosen;
  }

  @Override
  public ForeignKeyTarget columns(String... names) {
    if (columns != null) {
      throw Calls.fail(context, "columns(…) is called twice");
    }
    columns = Calls.build(context, () -> Names.requireList("columns", "column", Calls.names("columns", names)));
    return this;
  }

  @Override
  public ForeignKeyActions references(String table, String... names) {
    if (referencedTable != null) {
      throw Calls.fail(context, "references(…) is called twice");
    }
    String target = Calls.build(context, () -> Names.require("referenced table", table));
    referencedColumns = Calls.build(context,
        () -> Names.requireList("referenced columns", "referenced column", Calls.names("referenced columns", names)));
    referencedTable = target;
    return this;
  }

  @Override
  public ForeignKeyActions onDelete(ReferentialAction action) {
    Objects.requireNonNull(action, context + ": onDelete action == null");
    if (onDelete != null) {
      throw Calls.fail(context, "onDelete is set twice");
    }
    onDelete = action;
    return this;
  }

  @Override
  public ForeignKeyActions onUpdate(ReferentialAction action) {
    Objects.requireNonNull(action, context + ": onUpdate action == null");
    if (onUpdate != null) {
      throw Calls.fail(context, "onUpdate is set twice");
    }
    onUpdate = action;
    return this;
  }
}
