package dev.retort.runtime.dialect;

import dev.retort.model.SchemaModel;
import dev.retort.operation.Operation;

/** Renders an operation as the text the rendering tests compare: one statement per line group, ending in ';'. */
final class Rendering {

  private Rendering() {}

  /**
   * The steps of an operation as text: each SQL statement followed by {@code ;} (and
   * {@code -- outside the transaction} where it runs outside one), each Java step as a
   * {@code --} comment with its description.
   */
  static String render(Dialect dialect, SchemaModel before, Operation operation) {
    StringBuilder out = new StringBuilder();
    for (Step step : dialect.render(operation, before)) {
      if (step instanceof Step.Sql sql) {
        out.append(sql.sql()).append(';');
        if (sql.outsideTransaction()) {
          out.append(" -- outside the transaction");
        }
      } else if (step instanceof Step.Callback callback) {
        out.append("-- ").append(callback.step().description());
      }
      out.append('\n');
    }
    return out.toString();
  }
}
