package dev.retort.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A column.
 *
 * @param name the column name
 * @param type the column type
 * @param nullable whether the column accepts NULL
 * @param defaultValue the default, if any
 * @param identity whether the database generates values (identity / auto-increment)
 * @param comment the column comment, if any
 */
public record ColumnModel(
    String name,
    ColumnType type,
    boolean nullable,
    Optional<DefaultValue> defaultValue,
    boolean identity,
    Optional<String> comment) {

  /** Validates the components. */
  public ColumnModel {
    Names.require("column name", name);
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(defaultValue, "defaultValue == null");
    Objects.requireNonNull(comment, "comment == null");
    if (identity && nullable) {
      throw new IllegalArgumentException("identity column " + name + " cannot be nullable");
    }
    if (identity && defaultValue.isPresent()) {
      throw new IllegalArgumentException("identity column " + name + " cannot have a default");
    }
    if (identity && !identityType(type)) {
      throw new IllegalArgumentException(
          "identity column " + name + " has type " + type.sql() + "; it must be an integer type");
    }
  }

  /** Whether a column of the type can be an identity column: an integer type. */
  public static boolean identityType(ColumnType type) {
    return type == ColumnType.Scalar.SMALLINT || type == ColumnType.Scalar.INTEGER || type == ColumnType.Scalar.BIGINT;
  }

  /** A nullable column without default or comment. */
  public static ColumnModel of(String name, ColumnType type) {
    return new ColumnModel(name, type, true, Optional.empty(), false, Optional.empty());
  }

  /** This column under another name. */
  public ColumnModel withName(String newName) {
    return new ColumnModel(newName, type, nullable, defaultValue, identity, comment);
  }

  /** This column with another type. */
  public ColumnModel withType(ColumnType newType) {
    return new ColumnModel(name, newType, nullable, defaultValue, identity, comment);
  }

  /** This column with other nullability. */
  public ColumnModel withNullable(boolean newNullable) {
    return new ColumnModel(name, type, newNullable, defaultValue, identity, comment);
  }

  /** This column with another default. */
  public ColumnModel withDefaultValue(Optional<DefaultValue> newDefault) {
    return new ColumnModel(name, type, nullable, newDefault, identity, comment);
  }

  /** This column with or without identity. */
  public ColumnModel withIdentity(boolean newIdentity) {
    return new ColumnModel(name, type, nullable, defaultValue, newIdentity, comment);
  }

  /** This column with another comment. */
  public ColumnModel withComment(Optional<String> newComment) {
    return new ColumnModel(name, type, nullable, defaultValue, identity, newComment);
  }
}
