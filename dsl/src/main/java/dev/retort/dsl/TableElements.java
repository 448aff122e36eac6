package dev.retort.dsl;

import java.util.Objects;
import java.util.function.Consumer;

/** Applies {@link TableElement}s to the table being defined. */
final class TableElements {

  private TableElements() {}

  /** An element that is one call on the table builder. */
  static final class Step implements TableElement {

    private final Consumer<CreateTableBuilder> call;

    Step(Consumer<CreateTableBuilder> call) {
      this.call = call;
    }
  }

  /**
   * Applies the elements in order, as the same calls on the builder in a lambda would.
   *
   * @param table the table being defined
   * @param elements the elements as passed
   * @throws NullPointerException if the array or an element is null, naming its position
   */
  static void addAll(CreateTableBuilder table, TableElement... elements) {
    Objects.requireNonNull(elements, table.context() + ": elements == null");
    for (int i = 0; i < elements.length; i++) {
      TableElement element = elements[i];
      if (element == null) {
        throw new NullPointerException(
            table.context() + ": element " + (i + 1) + " of " + elements.length + " is null");
      }
      if (element instanceof Step step) {
        step.call.accept(table);
      } else {
        ((ForeignKeyElement) element).addTo(table);
      }
    }
  }
}
