package dev.retort.dsl;

import dev.retort.model.ColumnType;
import dev.retort.model.DefaultValue;
import dev.retort.model.Names;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.Change;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Collects the changes of one {@code alterColumn}. Messages start with
 * {@code alterColumn("name")}; {@link AlterTableBuilder} puts the table in front.
 */
final class AlterColumnSpec implements AlterColumnChanges {

  private final String context;
  private Optional<Change<ColumnType>> type = Optional.empty();
  private Optional<Change<Boolean>> nullable = Optional.empty();
  private Optional<Change<Optional<DefaultValue>>> defaultValue = Optional.empty();
  private Optional<Change<Optional<String>>> comment = Optional.empty();
  private Optional<Change<Boolean>> identity = Optional.empty();

  private AlterColumnSpec(String column) {
    this.context = "alterColumn(\"" + column + "\")";
  }

  static AlterColumn define(String table, String column, Function<AlterColumnStart, AlterColumnChanges> body) {
    Names.require("column name", column);
    AlterColumnSpec spec = new AlterColumnSpec(column);
    Objects.requireNonNull(body, spec.context + ": the changes == null");
    AlterColumnChanges last = body.apply(spec);
    if (last != spec) {
      throw Calls.fail(spec.context, "the lambda returned " + (last == null ? "null" : "a step of another alterColumn")
          + "; return the step it was given, as in c -> c.setNotNull()");
    }
    return Calls.build(spec.context, () -> new AlterColumn(
        table, column, spec.type, spec.nullable, spec.defaultValue, spec.comment, spec.identity));
  }

  @Override
  public AlterColumnChanges type(ColumnType from, ColumnType to) {
    type = once("type", type, change("type", from, to));
    return this;
  }

  @Override
  public AlterColumnChanges setNotNull() {
    nullable = once("nullability", nullable, new Change<>(true, false));
    return this;
  }

  @Override
  public AlterColumnChanges dropNotNull() {
    nullable = once("nullability", nullable, new Change<>(false, true));
    return this;
  }

  @Override
  public AlterColumnChanges setDefault(DefaultValue to) {
    Objects.requireNonNull(to, context + ": the new default == null");
    defaultValue = once("default", defaultValue, new Change<>(Optional.empty(), Optional.of(to)));
    return this;
  }

  @Override
  public AlterColumnChanges changeDefault(DefaultValue from, DefaultValue to) {
    Objects.requireNonNull(from, context + ": the default now == null");
    Objects.requireNonNull(to, context + ": the new default == null");
    defaultValue = once("default", defaultValue, change("default", Optional.of(from), Optional.of(to)));
    return this;
  }

  @Override
  public AlterColumnChanges dropDefault(DefaultValue from) {
    Objects.requireNonNull(from, context + ": the default now == null");
    defaultValue = once("default", defaultValue, new Change<>(Optional.of(from), Optional.empty()));
    return this;
  }

  @Override
  public AlterColumnChanges setComment(String to) {
    Objects.requireNonNull(to, context + ": the new comment == null");
    comment = once("comment", comment, new Change<>(Optional.empty(), Optional.of(to)));
    return this;
  }

  @Override
  public AlterColumnChanges changeComment(String from, String to) {
    Objects.requireNonNull(from, context + ": the comment now == null");
    Objects.requireNonNull(to, context + ": the new comment == null");
    comment = once("comment", comment, change("comment", Optional.of(from), Optional.of(to)));
    return this;
  }

  @Override
  public AlterColumnChanges dropComment(String from) {
    Objects.requireNonNull(from, context + ": the comment now == null");
    comment = once("comment", comment, new Change<>(Optional.of(from), Optional.empty()));
    return this;
  }

  @Override
  public AlterColumnChanges addIdentity() {
    identity = once("identity", identity, new Change<>(false, true));
    return this;
  }

  @Override
  public AlterColumnChanges dropIdentity() {
    identity = once("identity", identity, new Change<>(true, false));
    return this;
  }

  private <T> Change<T> change(String what, T from, T to) {
    Objects.requireNonNull(from, context + ": the " + what + " now == null");
    Objects.requireNonNull(to, context + ": the new " + what + " == null");
    if (from.equals(to)) {
      throw Calls.fail(context, "the " + what + " changes from " + describe(from) + " to the same value;"
          + " leave out a change that changes nothing");
    }
    return new Change<>(from, to);
  }

  private static String describe(Object value) {
    Object shown = value instanceof Optional<?> optional ? optional.orElse(null) : value;
    if (shown instanceof ColumnType t) {
      return t.sql();
    }
    if (shown instanceof DefaultValue d) {
      return d.text();
    }
    return "'" + shown + "'";
  }

  private <T> Optional<Change<T>> once(String what, Optional<Change<T>> current, Change<T> next) {
    if (current.isPresent()) {
      throw Calls.fail(context, "changes the " + what + " twice; make each change once per alterColumn");
    }
    return Optional.of(next);
  }
}
