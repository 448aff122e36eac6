package dev.retort.operation;

import dev.retort.model.ColumnType;
import dev.retort.model.DefaultValue;
import dev.retort.model.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes a column's type, nullability, default, comment or identity. Each change carries
 * the value before and after, so the operation can be checked against the schema it is
 * applied to and inverted exactly.
 *
 * @param table the table name
 * @param column the column name
 * @param type the type change, if any
 * @param nullable the nullability change, if any
 * @param defaultValue the default change, if any; empty inside means no default
 * @param comment the comment change, if any; empty inside means no comment
 * @param identity the identity change, if any
 */
public record AlterColumn(
    String table,
    String column,
    Optional<Change<ColumnType>> type,
    Optional<Change<Boolean>> nullable,
    Optional<Change<Optional<DefaultValue>>> defaultValue,
    Optional<Change<Optional<String>>> comment,
    Optional<Change<Boolean>> identity)
    implements Operation {

  /** Validates the components: at least one change. */
  public AlterColumn {
    Names.require("table name", table);
    Names.require("column name", column);
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(nullable, "nullable == null");
    Objects.requireNonNull(defaultValue, "defaultValue == null");
    Objects.requireNonNull(comment, "comment == null");
    Objects.requireNonNull(identity, "identity == null");
    if (type.isEmpty() && nullable.isEmpty() && defaultValue.isEmpty() && comment.isEmpty() && identity.isEmpty()) {
      throw new IllegalArgumentException("alter column " + table + "." + column + " changes nothing");
    }
  }

  /** The same alteration in the opposite direction. */
  public AlterColumn inverse() {
    return new AlterColumn(
        table,
        column,
        type.map(Change::inverse),
        nullable.map(Change::inverse),
        defaultValue.map(Change::inverse),
        comment.map(Change::inverse),
        identity.map(Change::inverse));
  }

  /** Whether the type change may not fit existing values (a shorter varchar, a smaller number). */
  public boolean narrowsType() {
    return type.isPresent() && TypeWidth.narrows(type.get().from(), type.get().to());
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.alterColumn(this);
  }

  @Override
  public String summary() {
    List<String> parts = new ArrayList<>();
    type.ifPresent(c -> parts.add("type " + c.from().sql() + " -> " + c.to().sql()));
    nullable.ifPresent(c -> parts.add(c.to() ? "nullable" : "not null"));
    defaultValue.ifPresent(c -> parts.add(c.to().map(d -> "default " + d.text()).orElse("no default")));
    comment.ifPresent(c -> parts.add(c.to().isPresent() ? "comment" : "no comment"));
    identity.ifPresent(c -> parts.add(c.to() ? "identity" : "no identity"));
    return "alter column " + table + "." + column + " (" + String.join(", ", parts) + ")";
  }

  @Override
  public boolean destroysData() {
    return narrowsType();
  }
}
