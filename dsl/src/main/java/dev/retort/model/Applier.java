package dev.retort.model;

import dev.retort.operation.AddCheck;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AddForeignKey;
import dev.retort.operation.AddPrimaryKey;
import dev.retort.operation.AddUnique;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.AlterTableComment;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.CreateTable;
import dev.retort.operation.DropCheck;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropForeignKey;
import dev.retort.operation.DropIndex;
import dev.retort.operation.DropPrimaryKey;
import dev.retort.operation.DropTable;
import dev.retort.operation.DropUnique;
import dev.retort.operation.Execute;
import dev.retort.operation.JdbcStep;
import dev.retort.operation.Operation;
import dev.retort.operation.RenameColumn;
import dev.retort.operation.RenameTable;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Computes the schema after an operation; every misfit is a {@link SchemaException}. */
final class Applier {

  private Applier() {}

  static SchemaModel apply(SchemaModel schema, Operation operation) {
    try {
      return operation.accept(new Operation.Visitor<SchemaModel>() {
        @Override
        public SchemaModel createTable(CreateTable op) {
          return applyCreateTable(schema, op);
        }

        @Override
        public SchemaModel dropTable(DropTable op) {
          return applyDropTable(schema, op);
        }

        @Override
        public SchemaModel renameTable(RenameTable op) {
          return applyRenameTable(schema, op);
        }

        @Override
        public SchemaModel alterTableComment(AlterTableComment op) {
          return alter(schema, op.table(), op, t -> {
              expect(op, "comment of table " + t.name(), t.comment(), op.comment().from());
              return t.toBuilder().comment(op.comment().to()).build();
            });
        }

        @Override
        public SchemaModel addColumn(AddColumn op) {
          return alter(schema, op.table(), op, t -> {
              if (t.column(op.column().name()).isPresent()) {
                throw misfit(op, "table " + t.name() + " already has a column " + op.column().name());
              }
              return t.toBuilder().column(op.column()).build();
            });
        }

        @Override
        public SchemaModel dropColumn(DropColumn op) {
          return alter(schema, op.table(), op, t -> applyDropColumn(schema, t, op));
        }

        @Override
        public SchemaModel renameColumn(RenameColumn op) {
          return applyRenameColumn(schema, op);
        }

        @Override
        public SchemaModel alterColumn(AlterColumn op) {
          return alter(schema, op.table(), op, t -> applyAlterColumn(t, op));
        }

        @Override
        public SchemaModel addPrimaryKey(AddPrimaryKey op) {
          return alter(schema, op.table(), op, t -> {
              if (t.primaryKey().isPresent()) {
                throw misfit(op, "table " + t.name() + " already has primary key " + t.primaryKey().get().name());
              }
              return t.toBuilder().primaryKey(Optional.of(op.key())).build();
            });
        }

        @Override
        public SchemaModel dropPrimaryKey(DropPrimaryKey op) {
          return alter(schema, op.table(), op, t -> {
              if (t.primaryKey().isEmpty() || !t.primaryKey().get().name().equals(op.name())) {
                throw misfit(op, "table " + t.name() + " has no primary key named " + op.name());
              }
              return t.toBuilder().primaryKey(Optional.empty()).build();
            });
        }

        @Override
        public SchemaModel addUnique(AddUnique op) {
          return alter(schema, op.table(), op, t -> add(t, op, t.toBuilder(), b -> b.uniques().add(op.unique())));
        }

        @Override
        public SchemaModel dropUnique(DropUnique op) {
          return alter(schema, op.table(), op, t -> {
              TableModel.Builder b = t.toBuilder();
              requireRemoved(op, t, "unique constraint", b.uniques().removeIf(u -> u.name().equals(op.name())));
              return b.build();
            });
        }

        @Override
        public SchemaModel addCheck(AddCheck op) {
          return alter(schema, op.table(), op, t -> add(t, op, t.toBuilder(), b -> b.checks().add(op.check())));
        }

        @Override
        public SchemaModel dropCheck(DropCheck op) {
          return alter(schema, op.table(), op, t -> {
              TableModel.Builder b = t.toBuilder();
              requireRemoved(op, t, "check constraint", b.checks().removeIf(c -> c.name().equals(op.name())));
              return b.build();
            });
        }

        @Override
        public SchemaModel addForeignKey(AddForeignKey op) {
          return alter(schema, op.table(), op, t -> add(t, op, t.toBuilder(), b -> b.foreignKeys().add(op.foreignKey())));
        }

        @Override
        public SchemaModel dropForeignKey(DropForeignKey op) {
          return alter(schema, op.table(), op, t -> {
              TableModel.Builder b = t.toBuilder();
              requireRemoved(op, t, "foreign key", b.foreignKeys().removeIf(f -> f.name().equals(op.name())));
              return b.build();
            });
        }

        @Override
        public SchemaModel createIndex(CreateIndex op) {
          return alter(schema, op.table(), op, t -> add(t, op, t.toBuilder(), b -> b.indexes().add(op.index())));
        }

        @Override
        public SchemaModel dropIndex(DropIndex op) {
          return alter(schema, op.table(), op, t -> {
              TableModel.Builder b = t.toBuilder();
              requireRemoved(op, t, "index", b.indexes().removeIf(i -> i.name().equals(op.name())));
              return b.build();
            });
        }

        @Override
        public SchemaModel execute(Execute op) {
          return schema;
        }

        @Override
        public SchemaModel jdbcStep(JdbcStep op) {
          return schema;
        }
      });
    } catch (IllegalArgumentException e) {
      throw misfit(operation, e.getMessage());
    }
  }

  private static SchemaModel applyCreateTable(SchemaModel schema, CreateTable op) {
    if (schema.table(op.table().name()).isPresent()) {
      throw misfit(op, "table " + op.table().name() + " already exists");
    }
    return rebuild(schema, op, () -> schema.replace(op.table().name(), op.table()));
  }

  private static SchemaModel applyDropTable(SchemaModel schema, DropTable op) {
    TableModel table = require(schema, op.table(), op);
    for (TableModel other : schema.tables()) {
      if (other == table) {
        continue;
      }
      for (ForeignKeyModel key : other.foreignKeys()) {
        if (key.referencedTable().equals(table.name())) {
          throw misfit(op, "foreign key " + key.name() + " on " + other.name() + " still references "
              + table.name() + "; drop it first");
        }
      }
    }
    return schema.replace(table.name(), null);
  }

  private static SchemaModel applyRenameTable(SchemaModel schema, RenameTable op) {
    TableModel table = require(schema, op.from(), op);
    if (schema.table(op.to()).isPresent()) {
      throw misfit(op, "table " + op.to() + " already exists");
    }
    SchemaModel renamed = schema.replace(op.from(), table.toBuilder().name(op.to()).build());
    return mapTables(renamed, t -> retarget(t, key -> key.referencedTable().equals(op.from())
        ? key.withReferencedTable(op.to()) : key));
  }

  private static TableModel applyDropColumn(SchemaModel schema, TableModel table, DropColumn op) {
    if (table.column(op.column()).isEmpty()) {
      throw misfit(op, "table " + table.name() + " has no column " + op.column());
    }
    String column = op.column();
    table.primaryKey().filter(k -> k.columns().contains(column)).ifPresent(k -> {
      throw misfit(op, "primary key " + k.name() + " uses it; drop the key first");
    });
    for (UniqueModel unique : table.uniques()) {
      if (unique.columns().contains(column)) {
        throw misfit(op, "unique constraint " + unique.name() + " uses it; drop the constraint first");
      }
    }
    for (IndexModel index : table.indexes()) {
      if (index.columns().contains(column)) {
        throw misfit(op, "index " + index.name() + " uses it; drop the index first");
      }
    }
    for (ForeignKeyModel key : table.foreignKeys()) {
      if (key.columns().contains(column)) {
        throw misfit(op, "foreign key " + key.name() + " uses it; drop the key first");
      }
    }
    for (TableModel other : schema.tables()) {
      for (ForeignKeyModel key : other.foreignKeys()) {
        if (key.referencedTable().equals(table.name()) && key.referencedColumns().contains(column)) {
          throw misfit(op, "foreign key " + key.name() + " on " + other.name() + " references it; drop that key first");
        }
      }
    }
    if (table.columns().size() == 1) {
      throw misfit(op, "it is the last column of " + table.name() + "; drop the table instead");
    }
    TableModel.Builder builder = table.toBuilder();
    builder.columns().removeIf(c -> c.name().equals(column));
    return builder.build();
  }

  private static SchemaModel applyRenameColumn(SchemaModel schema, RenameColumn op) {
    TableModel table = require(schema, op.table(), op);
    if (table.column(op.from()).isEmpty()) {
      throw misfit(op, "table " + table.name() + " has no column " + op.from());
    }
    if (table.column(op.to()).isPresent()) {
      throw misfit(op, "table " + table.name() + " already has a column " + op.to());
    }
    UnaryOperator<List<String>> rename = columns -> columns.stream()
        .map(c -> c.equals(op.from()) ? op.to() : c).toList();
    TableModel.Builder builder = table.toBuilder();
    builder.columns().replaceAll(c -> c.name().equals(op.from()) ? c.withName(op.to()) : c);
    builder.primaryKey(table.primaryKey().map(k -> new PrimaryKeyModel(k.name(), rename.apply(k.columns()))));
    builder.uniques().replaceAll(u -> new UniqueModel(u.name(), rename.apply(u.columns())));
    builder.indexes().replaceAll(i -> new IndexModel(i.name(), rename.apply(i.columns()), i.unique()));
    builder.foreignKeys().replaceAll(f -> new ForeignKeyModel(
        f.name(), rename.apply(f.columns()), f.referencedTable(),
        f.referencedTable().equals(table.name()) ? rename.apply(f.referencedColumns()) : f.referencedColumns(),
        f.onDelete(), f.onUpdate()));
    SchemaModel renamed = schema.replace(table.name(), builder.build());
    return mapTables(renamed, t -> t.name().equals(table.name()) ? t : retarget(t,
        key -> key.referencedTable().equals(table.name())
            ? new ForeignKeyModel(key.name(), key.columns(), key.referencedTable(),
                rename.apply(key.referencedColumns()), key.onDelete(), key.onUpdate())
            : key));
  }

  private static TableModel applyAlterColumn(TableModel table, AlterColumn op) {
    ColumnModel column = table.column(op.column())
        .orElseThrow(() -> misfit(op, "table " + table.name() + " has no column " + op.column()));
    String where = "column " + table.name() + "." + column.name();
    ColumnModel altered = column;
    if (op.type().isPresent()) {
      expect(op, "type of " + where, column.type(), op.type().get().from());
      altered = altered.withType(op.type().get().to());
    }
    if (op.nullable().isPresent()) {
      expect(op, "nullability of " + where, column.nullable(), op.nullable().get().from());
      altered = altered.withNullable(op.nullable().get().to());
    }
    if (op.defaultValue().isPresent()) {
      expect(op, "default of " + where, column.defaultValue(), op.defaultValue().get().from());
      altered = altered.withDefaultValue(op.defaultValue().get().to());
    }
    if (op.comment().isPresent()) {
      expect(op, "comment of " + where, column.comment(), op.comment().get().from());
      altered = altered.withComment(op.comment().get().to());
    }
    if (op.identity().isPresent()) {
      expect(op, "identity of " + where, column.identity(), op.identity().get().from());
      altered = altered.withIdentity(op.identity().get().to());
    }
    ColumnModel result = new ColumnModel(altered.name(), altered.type(), altered.nullable(),
        altered.defaultValue(), altered.identity(), altered.comment());
    TableModel.Builder builder = table.toBuilder();
    builder.columns().replaceAll(c -> c.name().equals(column.name()) ? result : c);
    return builder.build();
  }

  private static TableModel add(TableModel table, Operation op, TableModel.Builder builder,
      java.util.function.Consumer<TableModel.Builder> change) {
    change.accept(builder);
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw misfit(op, e.getMessage());
    }
  }

  private static SchemaModel alter(SchemaModel schema, String tableName, Operation op,
      Function<TableModel, TableModel> change) {
    TableModel table = require(schema, tableName, op);
    TableModel changed = change.apply(table);
    return rebuild(schema, op, () -> schema.replace(tableName, changed));
  }

  private static SchemaModel rebuild(SchemaModel schema, Operation op, java.util.function.Supplier<SchemaModel> next) {
    try {
      return next.get();
    } catch (SchemaException | IllegalArgumentException e) {
      throw misfit(op, e.getMessage());
    }
  }

  private static SchemaModel mapTables(SchemaModel schema, UnaryOperator<TableModel> change) {
    return new SchemaModel(schema.tables().stream().map(change).toList());
  }

  private static TableModel retarget(TableModel table, UnaryOperator<ForeignKeyModel> change) {
    if (table.foreignKeys().isEmpty()) {
      return table;
    }
    TableModel.Builder builder = table.toBuilder();
    builder.foreignKeys().replaceAll(change);
    return builder.build();
  }

  private static TableModel require(SchemaModel schema, String name, Operation op) {
    return schema.table(name).orElseThrow(() -> misfit(op, "there is no table " + name));
  }

  private static void requireRemoved(Operation op, TableModel table, String what, boolean removed) {
    if (!removed) {
      throw misfit(op, "table " + table.name() + " has no " + what + " of that name");
    }
  }

  private static void expect(Operation op, String what, Object actual, Object expected) {
    if (!actual.equals(expected)) {
      throw misfit(op, "the " + what + " is " + show(actual) + ", but the operation changes it from " + show(expected));
    }
  }

  private static String show(Object value) {
    if (value instanceof ColumnType type) {
      return type.sql();
    }
    if (value instanceof Optional<?> optional) {
      return optional.map(Applier::show).orElse("none");
    }
    if (value instanceof DefaultValue defaultValue) {
      return defaultValue.text();
    }
    return String.valueOf(value);
  }

  private static SchemaException misfit(Operation op, String why) {
    String message = why.startsWith("cannot ") ? why : "cannot " + op.summary() + ": " + why;
    return new SchemaException(message);
  }

}
