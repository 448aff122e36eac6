package dev.retort.dsl;

import dev.retort.ReferentialAction;

/** Last step of a foreign key definition: the optional ON DELETE and ON UPDATE actions. */
public interface ForeignKeyActions {

  /**
   * Sets the action when the referenced row is deleted; the default is {@code NO ACTION}.
   *
   * @param action the action
   * @return this step
   */
  ForeignKeyActions onDelete(ReferentialAction action);

  /**
   * Sets the action when the referenced key is updated; the default is {@code NO ACTION}.
   *
   * @param action the action
   * @return this step
   */
  ForeignKeyActions onUpdate(ReferentialAction action);
}
