package dev.retort.snapshot;

import static dev.retort.snapshot.SnapshotSyntax.INDENT;
import static dev.retort.snapshot.SnapshotSyntax.name;
import static dev.retort.snapshot.SnapshotSyntax.string;

import dev.retort.ReferentialAction;
import dev.retort.model.CheckModel;
import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.DefaultValue;
import dev.retort.model.ForeignKeyModel;
import dev.retort.model.IndexModel;
import dev.retort.model.PrimaryKeyModel;
import dev.retort.model.SchemaModel;
import dev.retort.model.TableModel;
import dev.retort.model.UniqueModel;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Writes a {@link SchemaModel} in the snapshot format described on {@link SnapshotCodec}. */
final class SnapshotWriter {

  private final StringBuilder out = new StringBuilder();

  private SnapshotWriter() {}

  static String write(SchemaModel schema) {
    SnapshotWriter writer = new SnapshotWriter();
    writer.line(SnapshotSyntax.HEADER);
    writer.line(SnapshotSyntax.FORMAT_KEYWORD + " " + SnapshotSyntax.VERSION);
    schema.tables().forEach(writer::table);
    return writer.out.toString();
  }

  private void table(TableModel table) {
    StringBuilder head = new StringBuilder("table ").append(name(table.name()));
    if (!table.schema().isEmpty()) {
      head.append(" schema ").append(name(table.schema()));
    }
    table.comment().ifPresent(c -> head.append(" comment ").append(string(c)));
    line(head.toString());
    table.columns().forEach(this::column);
    table.primaryKey().ifPresent(this::primaryKey);
    table.uniques().forEach(this::unique);
    table.indexes().forEach(this::index);
    table.foreignKeys().forEach(this::foreignKey);
    table.checks().forEach(this::check);
  }

  private void column(ColumnModel column) {
    StringBuilder item = new StringBuilder("column ")
        .append(name(column.name()))
        .append(' ')
        .append(type(column.type()))
        .append(column.nullable() ? " null" : " not null");
    if (column.identity()) {
      item.append(" identity");
    }
    column.defaultValue().ifPresent(d -> item.append(" default ").append(defaultValue(d)));
    column.comment().ifPresent(c -> item.append(" comment ").append(string(c)));
    item(item.toString());
  }

  private static String type(ColumnType type) {
    if (type instanceof ColumnType.Enumerated enumerated) {
      return "enum " + name(enumerated.name()) + "("
          + enumerated.values().stream().map(SnapshotSyntax::string).collect(Collectors.joining(", "))
          + ")";
    }
    return type.sql();
  }

  private static String defaultValue(DefaultValue value) {
    if (value instanceof DefaultValue.Expression expression) {
      return "expression " + string(expression.sql());
    }
    return string(((DefaultValue.Literal) value).value());
  }

  private void primaryKey(PrimaryKeyModel key) {
    item("primary key " + name(key.name()) + " " + names(key.columns()));
  }

  private void unique(UniqueModel unique) {
    item("unique " + name(unique.name()) + " " + names(unique.columns()));
  }

  private void index(IndexModel index) {
    item("index " + name(index.name()) + " " + names(index.columns()) + (index.unique() ? " unique" : ""));
  }

  private void foreignKey(ForeignKeyModel key) {
    item("foreign key " + name(key.name()) + " " + names(key.columns())
        + " references " + name(key.referencedTable()) + " " + names(key.referencedColumns())
        + " on delete " + action(key.onDelete())
        + " on update " + action(key.onUpdate()));
  }

  private void check(CheckModel check) {
    item("check " + name(check.name()) + " " + string(check.expression()));
  }

  private static String names(List<String> names) {
    return names.stream().map(SnapshotSyntax::name).collect(Collectors.joining(", ", "(", ")"));
  }

  private static String action(ReferentialAction action) {
    return action.sql().toLowerCase(Locale.ROOT);
  }

  private void item(String text) {
    line(INDENT + text);
  }

  private void line(String text) {
    out.append(text).append('\n');
  }
}
