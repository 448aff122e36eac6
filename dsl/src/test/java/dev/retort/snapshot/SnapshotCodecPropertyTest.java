package dev.retort.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Round trips over generated schemas: every column type, names and text with quotes,
 * backslashes, line breaks, control characters, lone surrogates and keywords, multi-column
 * keys, foreign keys between and within tables.
 */
class SnapshotCodecPropertyTest {

  @Property(tries = 1000)
  void readingWhatWasWrittenGivesAnEqualSchemaWithColumnsInOrder(@ForAll("schemas") SchemaModel schema) {
    String text = SnapshotCodec.write(schema);

    SchemaModel read = SnapshotCodec.read(text, "generated.snapshot");

    assertThat(read).isEqualTo(schema);
    for (TableModel table : schema.tables()) {
      assertThat(read.table(table.name()).orElseThrow().columnNames()).isEqualTo(table.columnNames());
    }
  }

  @Property(tries = 300)
  void writingIsDeterministicOneItemPerLineAndSafeToSaveAsUtf8(@ForAll("schemas") SchemaModel schema) {
    String text = SnapshotCodec.write(schema);

    assertThat(SnapshotCodec.write(SnapshotCodec.read(text, "generated.snapshot"))).isEqualTo(text);
    int items = 0;
    for (TableModel table : schema.tables()) {
      items += 1 + table.columns().size() + (table.primaryKey().isPresent() ? 1 : 0) + table.uniques().size()
          + table.indexes().size() + table.foreignKeys().size() + table.checks().size();
    }
    assertThat(text.split("\n", -1)).hasSize(2 + items + 1);
    assertThat(text.chars().filter(c -> c != '\n' && (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029)))
        .as("control characters and line separators outside the line ends")
        .isEmpty();
    assertThat(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
        .as("the text survives being saved as UTF-8")
        .isEqualTo(text);
  }

  @Provide
  Arbitrary<SchemaModel> schemas() {
    return tableSpec().list().ofMaxSize(4).map(SnapshotCodecPropertyTest::schema);
  }

  // ---- ingredients: generated freely, then made consistent by schema(...) ----

  private record ColumnSpec(
      String name, ColumnType type, boolean nullable, boolean identity, Optional<DefaultValue> defaultValue,
      Optional<String> comment) {}

  private record ConstraintSpec(
      int kind, String name, List<Integer> columns, int target, ReferentialAction onDelete,
      ReferentialAction onUpdate, String text) {}

  private record TableSpec(
      String name, String schema, Optional<String> comment, List<ColumnSpec> columns, int keySize,
      List<ConstraintSpec> constraints) {}

  private static Arbitrary<TableSpec> tableSpec() {
    return Combinators.combine(
            name(),
            Arbitraries.oneOf(Arbitraries.just(""), name()),
            text().optional(),
            columnSpec().list().ofMinSize(1).ofMaxSize(6),
            Arbitraries.integers().between(0, 3),
            constraintSpec().list().ofMaxSize(6))
        .as(TableSpec::new);
  }

  private static Arbitrary<ColumnSpec> columnSpec() {
    Arbitrary<Optional<DefaultValue>> defaults = Arbitraries.oneOf(
        Arbitraries.just(Optional.empty()),
        text().map(t -> Optional.of(DefaultValue.literal(t))),
        text().filter(t -> !t.isBlank()).map(t -> Optional.of(DefaultValue.expression(t))));
    return Combinators.combine(
            name(), type(), Arbitraries.of(true, false), Arbitraries.of(true, false), defaults, text().optional())
        .as(ColumnSpec::new);
  }

  private static Arbitrary<ConstraintSpec> constraintSpec() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 4),
            name(),
            Arbitraries.integers().between(0, 5).list().ofMinSize(1).ofMaxSize(3),
            Arbitraries.integers().between(0, 3),
            Arbitraries.of(ReferentialAction.class),
            Arbitraries.of(ReferentialAction.class),
            text().filter(t -> !t.isBlank()))
        .as(ConstraintSpec::new);
  }

  private static Arbitrary<ColumnType> type() {
    return Arbitraries.oneOf(
        Arbitraries.of(ColumnType.Scalar.class).map(t -> (ColumnType) t),
        Arbitraries.integers().between(1, 65).flatMap(p -> Arbitraries.integers().between(0, p)
            .map(s -> ColumnType.decimal(p, s))),
        Arbitraries.integers().between(1, 255).map(ColumnType::fixedChar),
        Arbitraries.integers().between(1, 65535).map(ColumnType::varchar),
        Arbitraries.integers().between(1, 255).map(ColumnType::binary),
        Arbitraries.integers().between(1, 65535).map(ColumnType::varbinary),
        Combinators.combine(name(), text().filter(t -> !t.isEmpty()).set().ofMinSize(1).ofMaxSize(4))
            .as((name, values) -> new ColumnType.Enumerated(name, List.copyOf(values))));
  }

  /** Plain names, keywords of the format, and any text the model accepts as a name. */
  private static Arbitrary<String> name() {
    return Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.strings().withCharRange('a', 'z').withChars('_', 'A', 'Z', '0')
                .ofMinLength(1).ofMaxLength(8)),
            Tuple.of(2, Arbitraries.of(
                "table", "column", "null", "not", "identity", "default", "expression", "comment", "primary",
                "key", "unique", "index", "foreign", "references", "on", "delete", "update", "check", "schema",
                "enum", "timestamp", "with", "retort")),
            Tuple.of(3, text()))
        .filter(n -> !n.isBlank() && n.strip().equals(n));
  }

  /** Any text, weighted towards the characters the format must quote or escape. */
  private static Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("ab '\"\\\n\r\t,()#-\u0000\u2028\u00e9\ud83d\ude00").ofMaxLength(10),
        Arbitraries.strings().all().ofMaxLength(6));
  }

  // ---- making the ingredients a valid schema ----

  private static SchemaModel schema(List<TableSpec> specs) {
    Map<String, ColumnType.Enumerated> enums = new HashMap<>();
    Set<String> objectNames = new HashSet<>();
    List<TableModel.Builder> builders = new ArrayList<>();
    Set<String> tableNames = new HashSet<>();
    for (TableSpec spec : specs) {
      if (!tableNames.add(spec.name())) {
        continue;
      }
      TableModel.Builder table = new TableModel.Builder(spec.name()).schema(spec.schema()).comment(spec.comment());
      Set<String> columnNames = new LinkedHashSet<>();
      for (ColumnSpec column : spec.columns()) {
        if (columnNames.add(column.name())) {
          table.column(column(column, enums, columnNames.size() <= spec.keySize()));
        }
      }
      List<String> columns = List.copyOf(columnNames);
      if (spec.keySize() > 0) {
        claim(objectNames, "pk_" + spec.name()).ifPresent(name ->
            table.primaryKey(Optional.of(new PrimaryKeyModel(name, columns.subList(0, Math.min(spec.keySize(),
                columns.size()))))));
      }
      builders.add(table);
    }
    List<TableModel> withoutForeignKeys = builders.stream().map(TableModel.Builder::build).toList();
    for (int t = 0; t < builders.size(); t++) {
      TableModel.Builder table = builders.get(t);
      List<String> columns = withoutForeignKeys.get(t).columnNames();
      for (ConstraintSpec constraint : specs(specs, withoutForeignKeys.get(t).name()).constraints()) {
        Optional<String> name = claim(objectNames, constraint.name());
        if (name.isEmpty()) {
          continue;
        }
        List<String> picked = pick(columns, constraint.columns());
        switch (constraint.kind()) {
          case 0 -> table.uniques().add(new UniqueModel(name.get(), picked));
          case 1 -> table.indexes().add(new IndexModel(name.get(), picked, false));
          case 2 -> table.indexes().add(new IndexModel(name.get(), picked, true));
          case 3 -> table.checks().add(new CheckModel(name.get(), constraint.text()));
          default -> {
            TableModel target = withoutForeignKeys.get(constraint.target() % withoutForeignKeys.size());
            List<String> referenced = pick(target.columnNames(), constraint.columns());
            int size = Math.min(picked.size(), referenced.size());
            table.foreignKeys().add(new ForeignKeyModel(name.get(), picked.subList(0, size), target.name(),
                referenced.subList(0, size), constraint.onDelete(), constraint.onUpdate()));
          }
        }
      }
    }
    return new SchemaModel(builders.stream().map(TableModel.Builder::build).toList());
  }

  private static TableSpec specs(List<TableSpec> specs, String name) {
    return specs.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private static ColumnModel column(ColumnSpec spec, Map<String, ColumnType.Enumerated> enums, boolean inKey) {
    ColumnType type = spec.type();
    if (type instanceof ColumnType.Enumerated enumerated) {
      type = enums.computeIfAbsent(enumerated.name(), n -> enumerated);
    }
    boolean integer = type == ColumnType.Scalar.SMALLINT || type == ColumnType.Scalar.INTEGER
        || type == ColumnType.Scalar.BIGINT;
    boolean identity = spec.identity() && integer;
    return new ColumnModel(spec.name(), type, spec.nullable() && !identity && !inKey,
        identity ? Optional.empty() : spec.defaultValue(), identity, spec.comment());
  }

  private static List<String> pick(List<String> columns, List<Integer> picks) {
    Set<String> picked = new LinkedHashSet<>();
    picks.forEach(p -> picked.add(columns.get(p % columns.size())));
    return List.copyOf(picked);
  }

  private static Optional<String> claim(Set<String> used, String name) {
    return used.add(name) ? Optional.of(name) : Optional.empty();
  }
}
