package dev.retort.dsl;

import dev.retort.model.Names;
import dev.retort.model.SequenceModel;

/**
 * Defines a new sequence inside {@link Schema#createSequence(String, java.util.function.Consumer)}:
 *
 * <pre>{@code
 * schema.createSequence("orders_seq", s -> s.startWith(1).incrementBy(50));
 * }</pre>
 *
 * <p>What is not set is the SQL standard's default: start at 1, increment by 1.
 */
public final class CreateSequenceBuilder {

  private final String name;
  private final String context;
  private long start = SequenceModel.DEFAULT_START;
  private long increment = SequenceModel.DEFAULT_INCREMENT;
  private String schema = "";
  private boolean startSet;
  private boolean incrementSet;
  private boolean schemaSet;

  CreateSequenceBuilder(String name) {
    this.name = Names.require("sequence name", name);
    this.context = "createSequence(\"" + name + "\")";
  }

  /**
   * Sets the first value {@code nextval} returns.
   *
   * @param value the first value, at least 1
   * @return this builder
   * @throws IllegalArgumentException if the start is set twice
   */
  public CreateSequenceBuilder startWith(long value) {
    if (startSet) {
      throw Calls.fail(context, "startWith is called twice");
    }
    startSet = true;
    start = value;
    return this;
  }

  /**
   * Sets the step between two values; Hibernate's {@code @SequenceGenerator} takes 50 by default.
   *
   * @param value the step, at least 1
   * @return this builder
   * @throws IllegalArgumentException if the increment is set twice
   */
  public CreateSequenceBuilder incrementBy(long value) {
    if (incrementSet) {
      throw Calls.fail(context, "incrementBy is called twice");
    }
    incrementSet = true;
    increment = value;
    return this;
  }

  /**
   * Places the sequence in a database schema other than the connection's own.
   *
   * @param schemaName the schema
   * @return this builder
   * @throws IllegalArgumentException if the schema name is blank or set twice
   */
  public CreateSequenceBuilder inSchema(String schemaName) {
    String checked = Calls.build(context, () -> Names.require("schema name", schemaName));
    if (schemaSet) {
      throw Calls.fail(context, "inSchema is called twice");
    }
    schemaSet = true;
    schema = checked;
    return this;
  }

  SequenceModel build() {
    return Calls.build(context, () -> new SequenceModel(name, schema, start, increment));
  }
}
