package dev.retort.dsl;

import dev.retort.ReferentialAction;
import java.util.Objects;
import java.util.Optional;

/**
 * A foreign key passed to {@link Schema#createTable(String, TableElement...)}, made by
 * {@link TableElement#foreignKey}:
 *
 * <pre>{@code
 * foreignKey("fk_books_author_id", "author_id").references("authors", "id").onDelete(CASCADE)
 * }</pre>
 *
 * <p>Immutable: {@code onDelete} and {@code onUpdate} return a new element.
 */
public final class ForeignKeyElement implements TableElement {

  private final Referring start;
  private final String referencedTable;
  private final String[] referencedColumns;
  private final Optional<ReferentialAction> onDelete;
  private final Optional<ReferentialAction> onUpdate;

  private ForeignKeyElement(Referring start, String referencedTable, String[] referencedColumns,
      Optional<ReferentialAction> onDelete, Optional<ReferentialAction> onUpdate) {
    this.start = start;
    this.referencedTable = referencedTable;
    this.referencedColumns = referencedColumns;
    this.onDelete = onDelete;
    this.onUpdate = onUpdate;
  }

  /**
   * Sets the action when the referenced row is deleted; the default is {@code NO ACTION}.
   *
   * @param action the action
   * @return the foreign key with that action
   * @throws IllegalArgumentException if the action is already set
   */
  public ForeignKeyElement onDelete(ReferentialAction action) {
    Objects.requireNonNull(action, start.context() + ": onDelete action == null");
    if (onDelete.isPresent()) {
      throw Calls.fail(start.context(), "onDelete is set twice");
    }
    return new ForeignKeyElement(start, referencedTable, referencedColumns, Optional.of(action), onUpdate);
  }

  /**
   * Sets the action when the referenced key is updated; the default is {@code NO ACTION}.
   *
   * @param action the action
   * @return the foreign key with that action
   * @throws IllegalArgumentException if the action is already set
   */
  public ForeignKeyElement onUpdate(ReferentialAction action) {
    Objects.requireNonNull(action, start.context() + ": onUpdate action == null");
    if (onUpdate.isPresent()) {
      throw Calls.fail(start.context(), "onUpdate is set twice");
    }
    return new ForeignKeyElement(start, referencedTable, referencedColumns, onDelete, Optional.of(action));
  }

  void addTo(CreateTableBuilder table) {
    table.foreignKey(start.constraint, fk -> {
      ForeignKeyActions key = fk.columns(start.columns).references(referencedTable, referencedColumns);
      onDelete.ifPresent(key::onDelete);
      onUpdate.ifPresent(key::onUpdate);
      return key;
    });
  }

  /** The first step of a foreign key element: its name and referring columns. */
  public static final class Referring {

    private final String constraint;
    private final String[] columns;

    Referring(String constraint, String[] columns) {
      this.constraint = constraint;
      this.columns = columns == null ? null : columns.clone();
    }

    /**
     * Names the referenced table and columns, one per referring column.
     *
     * @param table the referenced table
     * @param columns the referenced columns
     * @return the foreign key
     */
    public ForeignKeyElement references(String table, String... columns) {
      return new ForeignKeyElement(this, table, columns == null ? null : columns.clone(), Optional.empty(),
          Optional.empty());
    }

    private String context() {
      return "foreign key " + constraint;
    }
  }
}
