package dev.retort.dsl;

import dev.retort.model.Names;
import dev.retort.model.ViewModel;
import java.util.Objects;

/**
 * Places a new view inside {@link Schema#createView(String, String, java.util.function.Consumer)}:
 *
 * <pre>{@code
 * schema.createView("active_customer", "SELECT id, email FROM customers WHERE active", v -> v.inSchema("sales"));
 * }</pre>
 */
public final class CreateViewBuilder {

  private final String name;
  private final String query;
  private final String context;
  private String schema = "";
  private boolean schemaSet;

  CreateViewBuilder(String name, String query) {
    this.name = Names.require("view name", name);
    this.query = query;
    this.context = "createView(\"" + name + "\")";
  }

  /**
   * Places the view in a database schema other than the connection's own.
   *
   * @param schemaName the schema
   * @return this builder
   * @throws IllegalArgumentException if the schema name is blank or set twice
   */
  public CreateViewBuilder inSchema(String schemaName) {
    String checked = Calls.build(context, () -> Names.require("schema name", schemaName));
    if (schemaSet) {
      throw Calls.fail(context, "inSchema is called twice");
    }
    schemaSet = true;
    schema = checked;
    return this;
  }

  ViewModel build() {
    return Calls.build(context, () -> new ViewModel(name, schema, Objects.requireNonNull(query, "query == null")));
  }
}
