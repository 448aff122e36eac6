package dev.retort.model;

import dev.retort.ReferentialAction;
import java.util.List;
import java.util.Optional;

/** Short ways to build schema models in tests. */
final class Fixtures {

  private Fixtures() {}

  /** A NOT NULL column. */
  static ColumnModel notNull(String name, ColumnType type) {
    return new ColumnModel(name, type, false, Optional.empty(), false, Optional.empty());
  }

  /** A nullable column. */
  static ColumnModel nullable(String name, ColumnType type) {
    return ColumnModel.of(name, type);
  }

  /** A bigint identity column. */
  static ColumnModel identity(String name) {
    return new ColumnModel(name, ColumnType.Scalar.BIGINT, false, Optional.empty(), true, Optional.empty());
  }

  /** A table with these columns and nothing else. */
  static TableModel table(String name, ColumnModel... columns) {
    return TableModel.of(name, List.of(columns));
  }

  /** A builder for a table with these columns. */
  static TableModel.Builder builder(String name, ColumnModel... columns) {
    TableModel.Builder builder = new TableModel.Builder(name);
    for (ColumnModel column : columns) {
      builder.column(column);
    }
    return builder;
  }

  /** A table {@code name} with an identity key {@code id} named {@code pk_name}. */
  static TableModel.Builder keyed(String name, ColumnModel... more) {
    TableModel.Builder builder = builder(name, identity("id"));
    for (ColumnModel column : more) {
      builder.column(column);
    }
    return builder.primaryKey(Optional.of(new PrimaryKeyModel("pk_" + name, List.of("id"))));
  }

  /** The schema of these tables. */
  static SchemaModel schema(TableModel... tables) {
    return new SchemaModel(List.of(tables));
  }

  /** A one-column foreign key with no actions. */
  static ForeignKeyModel foreignKey(String name, String column, String table, String referenced) {
    return new ForeignKeyModel(name, List.of(column), table, List.of(referenced), ReferentialAction.NO_ACTION,
        ReferentialAction.NO_ACTION);
  }

  /** A non-unique index. */
  static IndexModel index(String name, String... columns) {
    return new IndexModel(name, List.of(columns), false);
  }
}
