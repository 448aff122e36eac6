package dev.retort.dsl;

import dev.retort.model.ColumnType;
import dev.retort.model.DefaultValue;

/**
 * The changes {@link AlterTableBuilder#alterColumn} can make to a column. Each names the value
 * before and after (or implies it), so that the runtime checks the migration against the
 * schema it runs on and the downgrade is exact. The lambda must make at least one change:
 *
 * <pre>{@code
 * t.alterColumn("email", c -> c.type(varchar(100), varchar(255)).setNotNull())
 * }</pre>
 */
public interface AlterColumnStart {

  /**
   * Changes the type.
   *
   * @param from the type now
   * @param to the new type
   * @return the step for further changes
   */
  AlterColumnChanges type(ColumnType from, ColumnType to);

  /**
   * Makes a nullable column NOT NULL.
   *
   * @return the step for further changes
   */
  AlterColumnChanges setNotNull();

  /**
   * Makes a NOT NULL column nullable.
   *
   * @return the step for further changes
   */
  AlterColumnChanges dropNotNull();

  /**
   * Gives a column without default a default.
   *
   * @param to the new default
   * @return the step for further changes
   */
  AlterColumnChanges setDefault(DefaultValue to);

  /**
   * Replaces a column's default.
   *
   * @param from the default now
   * @param to the new default
   * @return the step for further changes
   */
  AlterColumnChanges changeDefault(DefaultValue from, DefaultValue to);

  /**
   * Removes a column's default.
   *
   * @param from the default now
   * @return the step for further changes
   */
  AlterColumnChanges dropDefault(DefaultValue from);

  /**
   * Gives a column without comment a comment.
   *
   * @param to the comment
   * @return the step for further changes
   */
  AlterColumnChanges setComment(String to);

  /**
   * Replaces a column's comment.
   *
   * @param from the comment now
   * @param to the new comment
   * @return the step for further changes
   */
  AlterColumnChanges changeComment(String from, String to);

  /**
   * Removes a column's comment.
   *
   * @param from the comment now
   * @return the step for further changes
   */
  AlterColumnChanges dropComment(String from);

  /**
   * Makes the database generate the column's values.
   *
   * @return the step for further changes
   */
  AlterColumnChanges addIdentity();

  /**
   * Stops the database generating the column's values.
   *
   * @return the step for further changes
   */
  AlterColumnChanges dropIdentity();
}
