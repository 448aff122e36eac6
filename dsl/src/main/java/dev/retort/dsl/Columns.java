package dev.retort.dsl;

import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.DefaultValue;
import dev.retort.model.Names;
import java.util.Objects;
import java.util.Optional;

/** Turns a column definition of the DSL into a {@link ColumnModel}. */
final class Columns {

  private Columns() {}

  /**
   * Builds the column. The builders put their call in front of the messages.
   *
   * @throws IllegalArgumentException naming {@code table.name} if the name is blank, an option
   *     is given twice, or the options do not fit (an identity with a default)
   */
  static ColumnModel define(String table, String name, ColumnType type, ColumnOption... options) {
    Names.require("column name", name);
    String column = "column " + table + "." + name;
    Objects.requireNonNull(type, column + ": type == null");
    Objects.requireNonNull(options, column + ": options == null");
    boolean notNull = false;
    boolean identity = false;
    Optional<DefaultValue> defaultValue = Optional.empty();
    Optional<String> comment = Optional.empty();
    for (ColumnOption option : options) {
      Objects.requireNonNull(option, column + ": an option is null");
      if (option instanceof ColumnOption.NotNull) {
        notNull = once(column, "notNull()", notNull);
      } else if (option instanceof ColumnOption.Identity) {
        identity = once(column, "identity()", identity);
      } else if (option instanceof ColumnOption.Default d) {
        once(column, "a default", defaultValue.isPresent());
        defaultValue = Optional.of(d.value());
      } else if (option instanceof ColumnOption.Comment c) {
        once(column, "comment()", comment.isPresent());
        comment = Optional.of(c.text());
      }
    }
    try {
      return new ColumnModel(name, type, !(notNull || identity), defaultValue, identity, comment);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(column + ": " + e.getMessage(), e);
    }
  }

  private static boolean once(String column, String what, boolean seen) {
    if (seen) {
      throw new IllegalArgumentException(column + " has " + what + " twice");
    }
    return true;
  }
}
