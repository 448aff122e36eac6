package dev.retort.dsl;

import dev.retort.model.DefaultValue;
import java.util.Objects;

/**
 * An option of a column definition in {@code createTable} and {@code addColumn}. Columns are
 * nullable, without default and comment, unless an option says otherwise:
 *
 * <pre>{@code
 * t.column("id", bigint(), notNull(), identity())
 *  .column("status", varchar(20), notNull(), defaultValue("draft"))
 * }</pre>
 */
public sealed interface ColumnOption
    permits ColumnOption.NotNull, ColumnOption.Identity, ColumnOption.Default, ColumnOption.Comment {

  /** NOT NULL. */
  record NotNull() implements ColumnOption {}

  /** The database generates values (identity / auto-increment); implies NOT NULL. */
  record Identity() implements ColumnOption {}

  /**
   * A column default.
   *
   * @param value the default
   */
  record Default(DefaultValue value) implements ColumnOption {
    /** Validates the value. */
    public Default {
      Objects.requireNonNull(value, "value == null");
    }
  }

  /**
   * A column comment.
   *
   * @param text the comment
   */
  record Comment(String text) implements ColumnOption {
    /** Validates the text. */
    public Comment {
      Objects.requireNonNull(text, "text == null");
    }
  }

  /** The column is NOT NULL. */
  static ColumnOption notNull() {
    return new NotNull();
  }

  /** The database generates the column's values; the column is NOT NULL. */
  static ColumnOption identity() {
    return new Identity();
  }

  /** A literal default, such as {@code defaultValue("0")} or {@code defaultValue("draft")}. */
  static ColumnOption defaultValue(String value) {
    return new Default(DefaultValue.literal(value));
  }

  /** A SQL expression default, such as {@code defaultExpression("CURRENT_TIMESTAMP")}. */
  static ColumnOption defaultExpression(String sql) {
    return new Default(DefaultValue.expression(sql));
  }

  /** A column comment. */
  static ColumnOption comment(String text) {
    return new Comment(text);
  }
}
