package dev.retort.dsl;

import dev.retort.model.ColumnType;
import dev.retort.model.DefaultValue;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.Change;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** Collects the changes of one {@code alterColumn}. */
final class AlterColumnSpec implements AlterColumnChanges {

  private final String table;
  private final String column;
  private Optional<Change<ColumnType>> type = Optional.empty();
  private Optional<Change<Boolean>> nullable = Optional.empty();
  private Optional<Change<Optional<DefaultValue>>> defaultValue = Optional.empty();
  private Optional<Change<Optional<String>>> comment = Optional.empty();
  private Optional<Change<Boolean>> identity = Optional.empty();

  private AlterColumnSpec(String table, String column) {
    this.table = table;
    this.column = column;
  }

  static AlterColumn define(String table, String column, Function<AlterColumnStart, AlterColumnChanges> body) {
    Objects.requireNonNull(body, "body == null");
    AlterColumnSpec spec = new AlterColumnSpec(table, column);
    if (body.apply(spec) != spec) {
      throw new IllegalArgumentException(
          "alterColumn(\"" + column + "\") on " + table + ": the lambda must return the step it was given");
    }
    return new AlterColumn(table, column, spec.type, spec.nullable, spec.defaultValue, spec.comment, spec.identity);
  }

  @Override
  public AlterColumnChanges type(ColumnType from, ColumnType to) {
    type = once("type", type, change(from, to));
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
    defaultValue = once("default", defaultValue, new Change<>(Optional.empty(), Optional.of(to)));
    return this;
  }

  @Override
  public AlterColumnChanges changeDefault(DefaultValue from, DefaultValue to) {
    defaultValue = once("default", defaultValue, change(Optional.of(from), Optional.of(to)));
    return this;
  }

  @Override
  public AlterColumnChanges dropDefault(DefaultValue from) {
    defaultValue = once("default", defaultValue, new Change<>(Optional.of(from), Optional.empty()));
    return this;
  }

  @Override
  public AlterColumnChanges setComment(String to) {
    comment = once("comment", comment, new Change<>(Optional.empty(), Optional.of(to)));
    return this;
  }

  @Override
  public AlterColumnChanges changeComment(String from, String to) {
    comment = once("comment", comment, change(Optional.of(from), Optional.of(to)));
    return this;
  }

  @Override
  public AlterColumnChanges dropComment(String from) {
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

  private <T> Change<T> change(T from, T to) {
    try {
      return new Change<>(from, to);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("alterColumn(\"" + column + "\") on " + table + ": " + e.getMessage(), e);
    }
  }

  private <T> Optional<Change<T>> once(String what, Optional<Change<T>> current, Change<T> next) {
    if (current.isPresent()) {
      throw new IllegalArgumentException(
          "alterColumn(\"" + column + "\") on " + table + " changes the " + what + " twice");
    }
    return Optional.of(next);
  }
}
