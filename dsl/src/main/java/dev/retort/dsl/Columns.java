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

  static ColumnModel define(String table, String name, ColumnType type, ColumnOption... options) {
    Names.require("column name", name);
    Objects.requireNonNull(type, "type of column " + table + "." + name + " == null");
    Objects.requireNonNull(options, "options == null");
    boolean notNull = false;
    boolean identity = false;
    Optional<DefaultValue> defaultValue = Optional.empty();
    Optional<String> comment = Optional.empty();
    for (ColumnOption option : options) {
      Objects.requireNonNull(option, "an option of column " + table + "." + name + " is null");
      if (option instanceof ColumnOption.NotNull) {
        notNull = once(table, name, "notNull()", notNull);
      } else if (option instanceof ColumnOption.Identity) {
        identity = once(table, name, "identity()", identity);
      } else if (option instanceof ColumnOption.Default d) {
        once(table, name, "a default", defaultValue.isPresent());
        defaultValue = Optional.of(d.value());
      } else if (option instanceof ColumnOption.Comment c) {
        once(table, name, "comment()", comment.isPresent());
        comment = Optional.of(c.text());
      }
    }
    try {
      return new ColumnModel(name, type, !(notNull || identity), defaultValue, identity, comment);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("column " + table + "." + name + ": " + e.getMessage(), e);
    }
  }

  private static boolean once(String table, String name, String what, boolean seen) {
    if (seen) {
      throw new IllegalArgumentException("column " + table + "." + name + " has " + what + " twice");
    }
    return true;
  }
}
