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
import dev.retort.testing.Draw;
import dev.retort.testing.PropertyTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Round trips over generated schemas: every column type, names and text with quotes,
 * backslashes, line breaks, control characters, lone surrogates and keywords, multi-column
 * keys, foreign keys between and within tables. Each case is one seed (see {@link PropertyTest});
 * a failing schema is not shrunk, the seed reproduces it.
 */
class SnapshotCodecPropertyTest {

  private static final List<ReferentialAction> ACTIONS = List.of(ReferentialAction.values());
  private static final List<ColumnType.Scalar> SCALARS = List.of(ColumnType.Scalar.values());
  private static final List<String> KEYWORDS = List.of(
      "table", "column", "null", "not", "identity", "default", "expression", "comment", "primary", "key", "unique",
      "index", "foreign", "references", "on", "delete", "update", "check", "schema", "enum", "timestamp", "with",
      "retort");
  /** The characters the format must quote or escape; the surrogate pair's halves are drawn alone too. */
  private static final String AWKWARD = "ab '\"\\\n\r\t,()#-\u0000\u2028\u00e9\ud83d\ude00";

  @PropertyTest(tries = 1000)
  void readingWhatWasWrittenGivesAnEqualSchemaWithColumnsInOrder(long seed) {
    SchemaModel schema = aSchema(new Random(seed));
    String text = SnapshotCodec.write(schema);

    SchemaModel read = SnapshotCodec.read(text, "generated.snapshot");

    assertThat(read).isEqualTo(schema);
    for (TableModel table : schema.tables()) {
      assertThat(read.table(table.name()).orElseThrow().columnNames()).isEqualTo(table.columnNames());
    }
  }

  @PropertyTest(tries = 300)
  void writingIsDeterministicOneItemPerLineAndSafeToSaveAsUtf8(long seed) {
    SchemaModel schema = aSchema(new Random(seed));
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

  /** Up to four tables made consistent by {@link #schema(List)}. */
  private static SchemaModel aSchema(Random random) {
    List<TableSpec> tables = new ArrayList<>();
    for (int i = Draw.between(random, 0, 4); i > 0; i--) {
      tables.add(tableSpec(random));
    }
    return schema(tables);
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

  private static TableSpec tableSpec(Random random) {
    String name = name(random);
    String schema = random.nextBoolean() ? "" : name(random);
    Optional<String> comment = optionalText(random);
    List<ColumnSpec> columns = new ArrayList<>();
    for (int i = Draw.between(random, 1, 6); i > 0; i--) {
      columns.add(columnSpec(random));
    }
    int keySize = Draw.between(random, 0, 3);
    List<ConstraintSpec> constraints = new ArrayList<>();
    for (int i = Draw.between(random, 0, 6); i > 0; i--) {
      constraints.add(constraintSpec(random));
    }
    return new TableSpec(name, schema, comment, columns, keySize, constraints);
  }

  private static ColumnSpec columnSpec(Random random) {
    String name = name(random);
    ColumnType type = type(random);
    boolean nullable = random.nextBoolean();
    boolean identity = random.nextBoolean();
    Optional<DefaultValue> defaultValue = switch (random.nextInt(3)) {
      case 0 -> Optional.empty();
      case 1 -> Optional.of(DefaultValue.literal(text(random)));
      default -> Optional.of(DefaultValue.expression(nonBlankText(random)));
    };
    return new ColumnSpec(name, type, nullable, identity, defaultValue, optionalText(random));
  }

  private static ConstraintSpec constraintSpec(Random random) {
    int kind = Draw.between(random, 0, 4);
    String name = name(random);
    List<Integer> columns = new ArrayList<>();
    for (int i = Draw.between(random, 1, 3); i > 0; i--) {
      columns.add(Draw.between(random, 0, 5));
    }
    int target = Draw.between(random, 0, 3);
    ReferentialAction onDelete = Draw.oneOf(random, ACTIONS);
    ReferentialAction onUpdate = Draw.oneOf(random, ACTIONS);
    return new ConstraintSpec(kind, name, columns, target, onDelete, onUpdate, nonBlankText(random));
  }

  private static ColumnType type(Random random) {
    return switch (random.nextInt(7)) {
      case 0 -> Draw.oneOf(random, SCALARS);
      case 1 -> {
        int precision = Draw.between(random, 1, 65);
        yield ColumnType.decimal(precision, Draw.between(random, 0, precision));
      }
      case 2 -> ColumnType.fixedChar(Draw.between(random, 1, 255));
      case 3 -> ColumnType.varchar(Draw.between(random, 1, 65535));
      case 4 -> ColumnType.binary(Draw.between(random, 1, 255));
      case 5 -> ColumnType.varbinary(Draw.between(random, 1, 65535));
      default -> {
        String name = name(random);
        int count = Draw.between(random, 1, 4);
        Set<String> values = new LinkedHashSet<>();
        while (values.size() < count) {
          String value = text(random);
          if (!value.isEmpty()) {
            values.add(value);
          }
        }
        yield new ColumnType.Enumerated(name, List.copyOf(values));
      }
    };
  }

  /** Plain names (four in nine), keywords of the format (two) and any text the model accepts as a name (three). */
  private static String name(Random random) {
    while (true) {
      int kind = random.nextInt(9);
      String name = kind < 4 ? Draw.string(random, "abcdefghijklmnopqrstuvwxyz_AZ0", 1, 8)
          : kind < 6 ? Draw.oneOf(random, KEYWORDS)
          : text(random);
      if (!name.isBlank() && name.strip().equals(name)) {
        return name;
      }
    }
  }

  /** Any text, half the time made of the characters the format must quote or escape. */
  private static String text(Random random) {
    return random.nextBoolean() ? Draw.string(random, AWKWARD, 0, 10) : Draw.anyString(random, 6);
  }

  private static String nonBlankText(Random random) {
    String text = text(random);
    while (text.isBlank()) {
      text = text(random);
    }
    return text;
  }

  private static Optional<String> optionalText(Random random) {
    return Draw.chance(random, 25) ? Optional.empty() : Optional.of(text(random));
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
