package dev.retort.snapshot;

import static dev.retort.snapshot.SnapshotSyntax.INDENT;
import static dev.retort.snapshot.SnapshotSyntax.appendName;
import static dev.retort.snapshot.SnapshotSyntax.appendString;

import dev.retort.ReferentialAction;
import dev.retort.model.CheckModel;
import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.DefaultValue;
import dev.retort.model.ForeignKeyModel;
import dev.retort.model.IndexModel;
import dev.retort.model.PrimaryKeyModel;
import dev.retort.model.SchemaModel;
import dev.retort.model.SequenceModel;
import dev.retort.model.TableModel;
import dev.retort.model.ViewModel;
import dev.retort.model.UniqueModel;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link SchemaModel} in the snapshot format described on {@link SnapshotCodec}.
 *
 * <p>Every build compares the entities' snapshot with the committed one, so the text is
 * appended to one buffer as it goes, without a string per item.
 */
final class SnapshotWriter {

  private final StringBuilder out;

  private SnapshotWriter(int capacity) {
    this.out = new StringBuilder(capacity);
  }

  static String write(SchemaModel schema) {
    return write(schema, "");
  }

  static String write(SchemaModel schema, String sourceChecksum) {
    // About 40 characters per line; a little more is cheaper than growing the buffer.
    int lines = 0;
    for (TableModel table : schema.tables()) {
      lines += 1 + table.columns().size() + 1 + table.uniques().size() + table.indexes().size()
          + table.foreignKeys().size() + table.checks().size();
    }
    SnapshotWriter writer = new SnapshotWriter(128 + 48 * lines);
    writer.out.append(SnapshotSyntax.HEADER).append('\n')
        .append(SnapshotSyntax.FORMAT_KEYWORD).append(' ').append(SnapshotSyntax.VERSION).append('\n');
    if (!sourceChecksum.isEmpty()) {
      writer.out.append(SnapshotSyntax.SOURCE_KEYWORDS).append(' ').append(sourceChecksum).append('\n');
    }
    schema.tables().forEach(writer::table);
    schema.sequences().forEach(writer::sequence);
    schema.views().forEach(writer::view);
    return writer.out.toString();
  }

  private void table(TableModel table) {
    out.append("table ");
    appendName(out, table.name());
    if (!table.schema().isEmpty()) {
      appendName(out.append(" schema "), table.schema());
    }
    table.comment().ifPresent(c -> appendString(out.append(" comment "), c));
    out.append('\n');
    table.columns().forEach(this::column);
    table.primaryKey().ifPresent(this::primaryKey);
    table.uniques().forEach(this::unique);
    table.indexes().forEach(this::index);
    table.foreignKeys().forEach(this::foreignKey);
    table.checks().forEach(this::check);
  }

  private void sequence(SequenceModel sequence) {
    out.append("sequence ");
    appendName(out, sequence.name());
    if (!sequence.schema().isEmpty()) {
      appendName(out.append(" schema "), sequence.schema());
    }
    out.append(" start ").append(sequence.start()).append(" increment ").append(sequence.increment()).append('\n');
  }

  private void view(ViewModel view) {
    out.append("view ");
    appendName(out, view.name());
    if (!view.schema().isEmpty()) {
      appendName(out.append(" schema "), view.schema());
    }
    appendString(out.append(" as "), view.query()).append('\n');
  }

  private void column(ColumnModel column) {
    appendName(item("column "), column.name()).append(' ');
    type(column.type());
    out.append(column.nullable() ? " null" : " not null");
    if (column.identity()) {
      out.append(" identity");
    }
    column.defaultValue().ifPresent(this::defaultValue);
    column.comment().ifPresent(c -> appendString(out.append(" comment "), c));
    out.append('\n');
  }

  private void type(ColumnType type) {
    if (type instanceof ColumnType.Enumerated enumerated) {
      appendName(out.append("enum "), enumerated.name()).append('(');
      List<String> values = enumerated.values();
      for (int i = 0; i < values.size(); i++) {
        appendString(i == 0 ? out : out.append(", "), values.get(i));
      }
      out.append(')');
    } else {
      out.append(type.sql());
    }
  }

  private void defaultValue(DefaultValue value) {
    out.append(" default ");
    if (value instanceof DefaultValue.Expression expression) {
      appendString(out.append("expression "), expression.sql());
    } else {
      appendString(out, ((DefaultValue.Literal) value).value());
    }
  }

  private void primaryKey(PrimaryKeyModel key) {
    appendName(item("primary key "), key.name()).append(' ');
    names(key.columns()).append('\n');
  }

  private void unique(UniqueModel unique) {
    appendName(item("unique "), unique.name()).append(' ');
    names(unique.columns()).append('\n');
  }

  private void index(IndexModel index) {
    appendName(item("index "), index.name()).append(' ');
    names(index.columns()).append(index.unique() ? " unique\n" : "\n");
  }

  private void foreignKey(ForeignKeyModel key) {
    appendName(item("foreign key "), key.name()).append(' ');
    names(key.columns());
    appendName(out.append(" references "), key.referencedTable()).append(' ');
    names(key.referencedColumns())
        .append(" on delete ").append(action(key.onDelete()))
        .append(" on update ").append(action(key.onUpdate()))
        .append('\n');
  }

  private void check(CheckModel check) {
    appendName(item("check "), check.name()).append(' ');
    appendString(out, check.expression()).append('\n');
  }

  /** Appends names in parentheses, separated by commas. */
  private StringBuilder names(List<String> names) {
    out.append('(');
    for (int i = 0; i < names.size(); i++) {
      appendName(i == 0 ? out : out.append(", "), names.get(i));
    }
    return out.append(')');
  }

  private static String action(ReferentialAction action) {
    return action.sql().toLowerCase(Locale.ROOT);
  }

  /** Starts an item line inside a table. */
  private StringBuilder item(String keyword) {
    return out.append(INDENT).append(keyword);
  }
}
